import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { parse as parseYaml } from 'yaml';
import { launchChromium, openWatchedPage, type WatchedPage } from '../support/browser.ts';
import { rootSite } from '../support/sites.ts';

const siteUrl = inject('rootSiteUrl');
let browser: Browser;
let watched: WatchedPage;

beforeAll(async () => {
  browser = await launchChromium();
  watched = await openWatchedPage(browser);
});
afterAll(async () => {
  expect(watched.foreignRequests).toEqual([]);
  expect(watched.errors).toEqual([]);
  await browser?.close();
});

/** The module's own front-matter, to check pages against the source rather than against copied strings. */
function frontMatter(locale: string) {
  const source = readFileSync(new URL(`../../content/modules/${locale}/people-manager.mdx`, import.meta.url), 'utf8');
  return parseYaml(source.split(/^---$/m)[1]!) as {
    title: string;
    blocks: { id: string; title: string; minutes: number; script: string; notes: string[]; instructions: string[] }[];
  };
}

describe('people-manager workshop: participant page', () => {
  const module = frontMatter('ja');

  it('shows objectives, every block with its times, and the exercises', async () => {
    const { page } = watched;
    await page.goto(`${siteUrl}ja/modules/people-manager/`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(module.title);
    await expect(page.getByRole('heading', { name: 'ねらい', level: 2 }).isVisible()).resolves.toBe(true);
    const agenda = page.locator('.bn-participant-agenda > li');
    expect(await agenda.count()).toBe(module.blocks.length);
    await expect(agenda.first().textContent()).resolves.toContain('0:00–0:10');
    await expect(agenda.last().textContent()).resolves.toContain('3:30');
    expect(await page.locator('.bn-exercise-embed').count()).toBeGreaterThanOrEqual(3);
  });

  it('contains no facilitator script or notes in its HTML', () => {
    const html = readFileSync(`${rootSite.dir}/ja/modules/people-manager/index.html`, 'utf8');
    for (const block of module.blocks) {
      expect(html).not.toContain(block.script.split('\n')[0]!.slice(0, 40));
      for (const note of block.notes) expect(html).not.toContain(note.slice(0, 40));
    }
    expect(html).not.toContain('bn-facilitator-note');
    expect(html).not.toContain('bn-talk-script');
  });
});

describe('people-manager workshop: facilitator guide', () => {
  const module = frontMatter('ja');

  it('shows clock times from 13:00 by default, for every block', async () => {
    const { page } = watched;
    await page.goto(`${siteUrl}ja/modules/people-manager/facilitator/`);
    const rows = page.locator('.bn-run-sheet tbody tr');
    expect(await rows.count()).toBe(module.blocks.length);
    await expect(rows.first().locator('td').first().textContent()).resolves.toBe('13:00–13:10');
    await expect(rows.last().locator('td').first().textContent()).resolves.toMatch(/–16:30$/);
    for (const block of module.blocks) {
      await expect(page.locator(`#block-${block.id} h3`).textContent()).resolves.toBe(block.title);
    }
  });

  it('moves every time when the facilitator sets another start, and keeps it in the address', async () => {
    const { page } = watched;
    await page.getByLabel('開始時刻').fill('09:30');
    await page.getByLabel('開始時刻').dispatchEvent('change');
    const rows = page.locator('.bn-run-sheet tbody tr');
    await expect(rows.first().locator('td').first().textContent()).resolves.toBe('9:30–9:40');
    await expect(rows.last().locator('td').first().textContent()).resolves.toMatch(/–13:00$/);
    await expect(page.locator(`#block-${module.blocks[1]!.id} time`).first().textContent()).resolves.toBe('9:40');
    expect(new URL(page.url()).searchParams.get('start')).toBe('09:30');
    await page.reload();
    await expect(rows.first().locator('td').first().textContent()).resolves.toBe('9:30–9:40');
  });

  it('includes scripts, notes and the opt-outs of blocks that ask for personal disclosure', async () => {
    const { page } = watched;
    const firstParagraph = module.blocks[0]!.script.split('\n')[0]!.slice(0, 30);
    await expect(page.locator('.bn-script').first().textContent()).resolves.toContain(firstParagraph);
    expect(await page.locator('.bn-opt-out').count()).toBeGreaterThanOrEqual(1);
    await expect(page.getByRole('heading', { name: '配慮が必要なパートと代替案' }).isVisible()).resolves.toBe(true);
  });

  it('switches to the English guide at the same place in the session', async () => {
    const { page } = watched;
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL(`${siteUrl}en/modules/people-manager/facilitator/`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(frontMatter('en').title);
    await expect(page.getByLabel('Start time').isVisible()).resolves.toBe(true);
  });

  it('prints the run sheet on A4 without clipping its columns', async () => {
    const { page } = watched;
    await page.goto(`${siteUrl}ja/modules/people-manager/facilitator/`);
    await page.emulateMedia({ media: 'print' });
    // A4 at 96 dpi is 794 px wide; the page margins of 14 mm leave about 688 px of content.
    await page.setViewportSize({ width: 688, height: 1000 });
    const overflow = await page.evaluate(() => {
      const table = document.querySelector('.bn-run-sheet')!;
      return { tableWidth: table.scrollWidth, available: document.documentElement.clientWidth };
    });
    expect(overflow.tableWidth).toBeLessThanOrEqual(overflow.available);
    await expect(page.locator('banso-start-time').isVisible()).resolves.toBe(false);
    await expect(page.locator('.site-header').isVisible()).resolves.toBe(false);
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});

describe('facilitators home', () => {
  it('links the workshop guide and the module list', async () => {
    const { page } = watched;
    await page.goto(`${siteUrl}en/facilitators/`);
    await page.getByRole('link', { name: new RegExp(frontMatter('en').title.slice(0, 20)) }).click();
    await page.waitForURL(`${siteUrl}en/modules/people-manager/facilitator/`);
  });
});
