/**
 * The session tools in Chromium: plan a session (a day that does not fit, shortened to fit), share its link and
 * open it in a fresh browser, read a hand-edited link as far as it is valid; run it with the projector window
 * following every block, no facilitator text reaching the projector (its page or its messages), both windows
 * surviving a reload, a second run window not in control, and the log exported; the printed run sheet and
 * agenda; a projector-sized QR code read back from a photo-sized copy by the dashboard's own decoder.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations, describeViolations, launchChromium, pdfPageCount } from '../support/browser.ts';
import { testOutput } from '../support/sites.ts';
import { moduleSource } from '../support/module-source.ts';

const siteUrl = inject('rootSiteUrl');
const module = moduleSource('en', 'people-manager');
/** Facilitator-only text, in pieces long enough to be unmistakable. */
const facilitatorText = module.blocks.flatMap((block) => [...block.script.split(/\n\s*\n/), ...block.notes, ...(block.debrief ?? [])].map((text) => text.trim().slice(0, 40)).filter((text) => text.length >= 20));

let browser: Browser;
let context: BrowserContext;
let planner: Page;
const errors: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB', acceptDownloads: true });
  context.on('page', (page) => page.on('pageerror', (error) => errors.push(error.message)));
  planner = await context.newPage();
});
afterAll(async () => {
  expect(errors).toEqual([]);
  await browser?.close();
});

describe('planning a session', () => {
  it('starts from a module, says when a day does not fit, shortens flexible blocks to fit, and keeps the plan in its link', async () => {
    await planner.goto(`${siteUrl}en/facilitator/plan/`);
    await planner.getByLabel('Module', { exact: true }).selectOption('people-manager');
    await planner.getByRole('button', { name: 'Start a plan from this module' }).click();
    await expect(planner.locator('[data-plan-item]').count()).resolves.toBe(module.blocks.length);
    await planner.getByLabel('Name of the plan').fill('Managers, December');
    await planner.getByLabel('Date').fill('2026-12-01');
    await planner.getByLabel('Start time').fill('09:30');
    await planner.getByLabel('Start time').dispatchEvent('change');
    const total = module.blocks.reduce((sum, block) => sum + block.minutes, 0);
    const flexible = module.blocks.reduce((sum, block) => sum + (block.range ? block.minutes - block.range.min : 0), 0);
    // End 10 minutes too early: it does not fit, and shortening can save the 10 minutes.
    const end = 9 * 60 + 30 + total - 10;
    const clock = `${String(Math.floor(end / 60)).padStart(2, '0')}:${String(end % 60).padStart(2, '0')}`;
    await planner.getByLabel('End by (optional)').fill(clock);
    await planner.getByLabel('End by (optional)').dispatchEvent('change');
    await expect(planner.locator('[data-plan-fit]').textContent()).resolves.toContain(`This day does not fit: ${total} minutes against ${total - 10} available, 10 minutes past`);
    await expect(planner.locator('[data-plan-fit]').textContent()).resolves.toContain(`can save up to ${flexible} minutes`);
    await planner.getByRole('button', { name: 'Shorten the flexible blocks to fit' }).click();
    await expect(planner.locator('[data-plan-message]').textContent()).resolves.toBe('Shortened the flexible blocks by 10 minutes.');
    await expect(planner.locator('[data-plan-fit]').getAttribute('data-plan-fit')).resolves.toBe('fits');
    expect(planner.url()).toContain('#v=1&t=Managers');
    expect(describeViolations(await axeViolations(planner))).toEqual([]);
  });

  it('opens the same plan from its link in a fresh browser', async () => {
    const link = await planner.getByLabel('Link to this plan').inputValue();
    const fresh = await browser.newContext({ locale: 'en-GB' });
    const other = await fresh.newPage();
    await other.goto(link);
    await other.locator('[data-plan-item]').first().waitFor();
    const rows = (page: Page) => page.locator('[data-plan-item]').evaluateAll((trs) => trs.map((tr) => tr.textContent!.replace(/\s+/g, ' ').trim()));
    expect(await rows(other)).toEqual(await rows(planner));
    await expect(other.getByLabel('Name of the plan').inputValue()).resolves.toBe('Managers, December');
    await fresh.close();
  });

  it('reads a hand-edited link as far as it is valid, and says what it dropped and why', async () => {
    const flexibleBlock = module.blocks.find((block) => block.range)!;
    const page = await context.newPage();
    await page.goto(`${siteUrl}en/facilitator/plan/#v=1&day=@09:00~people-manager.opening.15,people-manager.no-such-block.10,people-manager.${flexibleBlock.id}.999,break.10`);
    const problems = page.locator('[data-plan-problems]');
    await problems.waitFor();
    await expect(problems.textContent()).resolves.toContain('“Supporting your team members\' careers” no longer has a block “no-such-block”, so it was left out.');
    await expect(problems.textContent()).resolves.toContain(`999 minutes for block “${flexibleBlock.id}”`);
    await expect(page.locator('[data-plan-item]').count()).resolves.toBe(3);
    await page.close();
  });

  it('opens another plan whose link is pasted into the address bar of the open page, in the planner and in run mode', async () => {
    const other = `v=1&t=Short&day=@13:00~people-manager.opening.15,break.10`;
    const page = await context.newPage();
    await page.goto(await planner.getByLabel('Link to this plan').inputValue());
    await expect.poll(() => page.locator('[data-plan-item]').count()).toBe(module.blocks.length);
    // Pasting a link that differs only after # changes the hash and loads nothing.
    await page.evaluate((hash) => (location.hash = hash), other);
    await expect.poll(() => page.locator('[data-plan-item]').count()).toBe(2);
    await expect(page.getByLabel('Name of the plan').inputValue()).resolves.toBe('Short');
    await page.goBack();
    await expect.poll(() => page.getByLabel('Name of the plan').inputValue()).toBe('Managers, December');

    await page.goto(new URL((await planner.locator('[data-run-link]').first().getAttribute('href'))!, siteUrl).href);
    await page.locator('[data-run-console]').waitFor();
    await expect(page.locator('[data-run-title]').textContent()).resolves.toBe(module.blocks[0]!.title);
    await expect(page.locator('[data-run-day]').textContent()).resolves.toContain('Managers, December');
    await page.evaluate((hash) => (location.hash = hash), `${other}&run-day=1`);
    await expect.poll(() => page.locator('[data-run-day]').textContent().catch(() => '')).toBe('Short');
    await expect(page.locator('[data-run-next]').textContent()).resolves.not.toBe(module.blocks[1]!.title);
    await page.close();
  });

  it('prints a run sheet for the facilitator and a one-page agenda for participants', async () => {
    await planner.emulateMedia({ media: 'print' });
    const sheet = await planner.pdf({ format: 'A4' });
    await planner.evaluate(() => (document.documentElement.dataset.planPrint = 'agenda'));
    const agenda = await planner.pdf({ format: 'A4' });
    await planner.evaluate(() => delete document.documentElement.dataset.planPrint);
    await planner.emulateMedia({ media: 'screen' });
    const { writeFileSync } = await import('node:fs');
    writeFileSync(`${testOutput}plan-run-sheet.pdf`, sheet);
    writeFileSync(`${testOutput}plan-agenda.pdf`, agenda);
    expect(pdfPageCount(sheet)).toBeGreaterThanOrEqual(1);
    expect(pdfPageCount(agenda)).toBe(1);
  });
});

describe('running it', () => {
  let run: Page;
  let projector: Page;

  it('runs the day with the projector window following each block, and no facilitator text reaching it', async () => {
    run = await context.newPage();
    await run.goto(await planner.locator('[data-run-link]').first().getAttribute('href').then((href) => new URL(href!, siteUrl).href));
    await run.locator('[data-run-console]').waitFor();
    await expect(run.locator('[data-run-title]').textContent()).resolves.toBe(module.blocks[0]!.title);
    const opened = run.waitForEvent('popup');
    await run.getByRole('button', { name: 'Open the projector window' }).click();
    projector = await opened;
    // Record every message the projector window receives.
    await projector.addInitScript(() => {
      const Channel = window.BroadcastChannel;
      const seen: string[] = ((window as unknown as { __seen: string[] }).__seen = []);
      window.BroadcastChannel = class extends Channel {
        constructor(name: string) {
          super(name);
          this.addEventListener('message', (event) => seen.push(JSON.stringify((event as MessageEvent).data)));
        }
      };
    });
    await projector.reload();
    await run.getByRole('button', { name: 'Start', exact: true }).click();
    const shown = () => projector.locator('[data-audience-screen]:not([hidden])').getAttribute('data-audience-screen');
    await expect.poll(shown).toBe(`people-manager.${module.blocks[0]!.id}`);
    await run.keyboard.press('ArrowRight');
    await expect.poll(shown).toBe(`people-manager.${module.blocks[1]!.id}`);
    await expect(run.locator('[data-run-title]').textContent()).resolves.toBe(module.blocks[1]!.title);
    await expect.poll(() => projector.locator('[data-audience-time]').textContent()).toMatch(/^\d+:\d{2}$/);

    const page = await projector.content();
    const messages = await projector.evaluate(() => (window as unknown as { __seen: string[] }).__seen.join('\n') + localStorage.getItem('banso-run-audience'));
    expect(messages.length).toBeGreaterThan(100);
    expect(facilitatorText.length).toBeGreaterThan(30);
    expect(facilitatorText.filter((text) => page.includes(text) || messages.includes(text))).toEqual([]);
    // The run window does show them: the check above looks for text that exists.
    await expect(run.locator('[data-run-block]:not([hidden])').textContent()).resolves.toContain(module.blocks[1]!.notes[0]!.slice(0, 40));
    expect(describeViolations(await axeViolations(run))).toEqual([]);
    expect(describeViolations(await axeViolations(projector))).toEqual([]);
  });

  it('carries on after either window is reloaded', async () => {
    await run.reload();
    await run.locator('[data-run-console]').waitFor();
    await expect(run.locator('[data-run-title]').textContent()).resolves.toBe(module.blocks[1]!.title);
    await expect(run.locator('[data-run-log] tr').first().textContent()).resolves.toContain(module.blocks[0]!.title);
    await projector.reload();
    await expect.poll(() => projector.locator('[data-audience-screen]:not([hidden])').getAttribute('data-audience-screen')).toBe(`people-manager.${module.blocks[1]!.id}`);
  });

  it('lets only one window control the session', async () => {
    const second = await context.newPage();
    await second.goto(run.url());
    await second.locator('[data-run-control]:not([hidden])').waitFor();
    await expect(second.locator('[data-run-control]').textContent()).resolves.toContain('Another window is running this session');
    await expect(second.getByRole('button', { name: 'Next block' }).isDisabled()).resolves.toBe(true);
    await second.close();
  });

  it('exports planned against actual times as CSV', async () => {
    const download = run.waitForEvent('download');
    await run.getByRole('button', { name: 'Export the log as CSV' }).click();
    const csv = readFileSync((await (await download).path())!, 'utf8').replace(/^\uFEFF/, '').split('\r\n');
    expect(csv[0]).toBe('Block,Planned start,Planned (min),Actual start,Actual (min),Difference (min),Outcome');
    expect(csv[1]).toMatch(new RegExp(`^"?${module.blocks[0]!.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"?,09:30,${module.blocks[0]!.minutes},\\d{2}:\\d{2},[\\d.]+,-?[\\d.]+,Done$`));
    expect(csv[2]).toContain('Not reached');
  });

  it('shows a QR code for a block with an exercise, large enough to read from a photo-sized copy', async () => {
    const block = module.blocks.find((candidate) => candidate.exercise)!;
    await projector.close(); // the projector window is reused by name: a new plan opens a new one
    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(`${siteUrl}en/facilitator/run/#v=1&day=@09:00~people-manager.${block.id}.${block.minutes}`);
    await page.locator('[data-run-console]').waitFor();
    const opened = page.waitForEvent('popup');
    await page.getByRole('button', { name: 'Open the projector window' }).click();
    const screen = await opened;
    await screen.setViewportSize({ width: 1280, height: 720 });
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await screen.locator('[data-audience-qr] svg').waitFor();
    await expect(screen.locator('[data-audience-link]').textContent()).resolves.toContain(`/en/exercises/${block.exercise}/`);
    // The whole projected screen, shrunk to a third (a phone's photo from the back of the room).
    const shot = await screen.screenshot();
    const small = await screen.evaluate(async (png) => {
      const image = await createImageBitmap(new Blob([Uint8Array.from(atob(png), (char) => char.charCodeAt(0))], { type: 'image/png' }));
      const canvas = Object.assign(document.createElement('canvas'), { width: Math.round(image.width / 3), height: Math.round(image.height / 3) });
      canvas.getContext('2d')!.drawImage(image, 0, 0, canvas.width, canvas.height);
      return canvas.toDataURL('image/png').split(',')[1]!;
    }, shot.toString('base64'));
    const photo = `${testOutput}projector-photo.png`;
    (await import('node:fs')).writeFileSync(photo, Buffer.from(small, 'base64'));
    const dashboard = await context.newPage();
    await dashboard.goto(`${siteUrl}en/facilitator/dashboard/`);
    await dashboard.getByLabel('Name of a new dataset').fill('QR check');
    await dashboard.getByRole('button', { name: 'Create' }).click();
    await dashboard.getByLabel('Read QR codes from images').setInputFiles(photo);
    await dashboard.getByText('Read codes from 1 image.').waitFor();
    await expect(dashboard.getByLabel('Response codes (one per line)').inputValue()).resolves.toBe(`${new URL(siteUrl).origin}/en/exercises/${block.exercise}/`);
    await Promise.all([dashboard.close(), screen.close(), page.close()]);
  });
});
