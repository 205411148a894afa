/**
 * The participant survey in Chromium: answered with the keyboard alone, checked screen by screen, autosaved and
 * resumed, scored in a report that matches the scoring rules, and handed over as a code and a file that decode
 * to exactly what was answered; through a facilitator's session link, both are encrypted to that session.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { decodeResponse } from '../../src/lib/survey/response-code.ts';
import { parseResponseFile, openResponseFile } from '../../src/lib/survey/response-file.ts';
import { openSealedCode } from '../../src/lib/survey/sealed.ts';
import { createSession, encodeSessionFragment } from '../../src/lib/survey/session-link.ts';
import { scoreScales } from '../../src/lib/survey/scoring.ts';
import { itemOrder } from '../../src/lib/survey/localise.ts';
import { itemsForRole } from '../../src/lib/survey/roles.ts';
import { axeViolations, describeViolations, launchChromium, openWatchedPage, type WatchedPage } from '../support/browser.ts';
import { siteInstrument } from '../support/instrument.ts';

const siteUrl = inject('rootSiteUrl');
const instrument = siteInstrument;
const items = itemOrder(instrument);
/** A spread of answers that is easy to check: statement n gets (n mod 5) + 1. */
const answerFor = (index: number) => (index % 5) + 1;
/** A team member is shown every statement but a people manager's own practice; those places stay unanswered. */
const memberItems = itemsForRole(instrument, 'member');
const memberAnswers = items.map((id, index) => (memberItems.includes(id) ? answerFor(index) : null));

/** Answer every statement a team member is shown, screen by screen, by clicking. */
async function answerAsMember(page: Page) {
  for (let first = 0; first < memberItems.length; first += 6) {
    await page.getByRole('heading', { name: `Statements ${first + 1} to ${Math.min(first + 6, memberItems.length)} of ${memberItems.length}` }).waitFor();
    for (const id of memberItems.slice(first, first + 6)) await page.locator(`#q-${id}`).getByRole('radio').nth(answerFor(items.indexOf(id)) - 1).check();
    await page.getByRole('button', { name: first + 6 >= memberItems.length ? 'Finish and see my results' : 'Next' }).click();
  }
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Press Tab until the target has focus, as a keyboard user would; fails rather than loop for ever. */
async function tabTo(page: Page, target: Locator) {
  for (let presses = 0; presses < 80; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}

/** Choose option `position` (0-based) of a radio group by keyboard: Tab into the group, Space, then arrows. */
async function chooseByKeyboard(page: Page, group: Locator, position: number) {
  await tabTo(page, group.getByRole('radio').first());
  await page.keyboard.press('Space');
  for (let step = 0; step < position; step++) await page.keyboard.press('ArrowRight');
}

async function pressButton(page: Page, name: string | RegExp) {
  await tabTo(page, page.getByRole('button', { name, exact: typeof name === 'string' }));
  await page.keyboard.press('Enter');
}

describe('participant survey, by keyboard alone', () => {
  let watched: WatchedPage;
  let page: Page;
  let code: string;

  beforeAll(async () => {
    watched = await openWatchedPage(browser, { locale: 'en-GB' });
    page = watched.page;
    await page.goto(`${siteUrl}en/survey/?cohort=mgr-2026-11`);
    await page.getByRole('heading', { name: 'First, about you' }).waitFor();
  });
  afterAll(async () => {
    expect(watched.foreignRequests).toEqual([]);
    expect(watched.errors).toEqual([]);
    await watched.context.close();
  });

  it('explains what is missing on the first screen and links to it', async () => {
    await pressButton(page, 'Next');
    const summary = page.getByRole('group', { name: 'Some answers are missing' });
    await expect(summary.getByRole('link').allTextContents()).resolves.toEqual(['Choose when you are answering.', 'Choose your role.']);
    await expect(summary.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('radio', { name: 'Before the workshop' }).evaluate((element) => element === document.activeElement)).resolves.toBe(true);
  });

  it('takes the group code from the link, in capitals', async () => {
    await expect(page.getByLabel('Group code (optional)').inputValue()).resolves.toBe('MGR-2026-11');
  });

  it('completes every screen with the keyboard and shows the report', async () => {
    await chooseByKeyboard(page, page.getByRole('group', { name: 'When are you answering?' }), 1); // straight after
    await chooseByKeyboard(page, page.getByRole('group', { name: 'Your role' }), 1); // people manager
    await tabTo(page, page.getByLabel('Anonymous code (optional)'));
    await page.keyboard.type('sakura42');
    await pressButton(page, 'Next');
    for (let first = 0; first < items.length; first += 6) {
      await page.getByRole('heading', { name: `Statements ${first + 1} to ${Math.min(first + 6, items.length)} of ${items.length}` }).waitFor();
      for (let index = first; index < Math.min(first + 6, items.length); index++) {
        await chooseByKeyboard(page, page.locator(`#q-${items[index]}`), answerFor(index) - 1);
      }
      await pressButton(page, 'Next');
    }
    await page.getByRole('heading', { name: 'About the workshop' }).waitFor();
    await chooseByKeyboard(page, page.locator('#bn-satisfaction'), 4);
    await chooseByKeyboard(page, page.locator('#bn-applicability'), 3);
    await chooseByKeyboard(page, page.locator('#bn-recommend'), 9);
    await tabTo(page, page.getByLabel(/Please share any thoughts/));
    await page.keyboard.type('The assignment role-play was the most useful part.');
    await pressButton(page, 'Finish and see my results');
    await page.getByRole('heading', { name: 'Your results' }).waitFor();
    await expect(page.getByRole('heading', { name: 'Your results' }).evaluate((element) => element === document.activeElement)).resolves.toBe(true);
  });

  it('scores every scale as the published rules say, reverse-keyed items included', async () => {
    const expected = scoreScales(instrument, Object.fromEntries(items.map((id, index) => [id, answerFor(index)])));
    for (const scale of expected) {
      await expect(page.locator(`tr[data-scale="${scale.scaleId}"] .bn-score-value`).textContent()).resolves.toBe(scale.score!.toFixed(1));
    }
    // The lowest scales' exercises are suggested, linked to their pages.
    const links = page.getByRole('region', { name: 'Exercises for your next step' }).getByRole('link');
    await expect(links.count()).resolves.toBeGreaterThan(0);
    await expect(links.first().getAttribute('href')).resolves.toMatch(/\/en\/exercises\/[a-z-]+\/$/);
  });

  it('has no WCAG 2.2 AA violation in the report and hand-over', async () => {
    expect(describeViolations(await axeViolations(page))).toEqual([]);
  });

  it('draws the model and the radar chart, each with a text alternative', async () => {
    await expect(page.getByRole('img', { name: /Diagram of the model.*Career awareness/ }).count()).resolves.toBe(1);
    const radar = page.getByRole('img', { name: /Radar chart of your scores/ });
    await radar.locator('canvas').waitFor();
    await page.waitForFunction(() => (document.querySelector('.bn-radar canvas') as HTMLCanvasElement | null)?.width! > 0);
  });

  it('gives a response code that decodes to exactly what was answered', async () => {
    const codeElement = page.locator('.bn-response-code');
    code = (await codeElement.getAttribute('data-code'))!;
    expect(code).toMatch(/^BN1[0-9A-Z]+$/);
    expect(code.length).toBeLessThanOrEqual(300);
    // What is shown in groups of five decodes too: someone may copy it by hand.
    const decoded = decodeResponse((await codeElement.textContent())!);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.response).toMatchObject({
      wave: 'after',
      role: 1,
      stage: null,
      cohort: 'MGR-2026-11',
      anonymousCode: 'sakura42',
      answers: items.map((_, index) => answerFor(index)),
      evaluation: { satisfaction: 5, applicability: 4, recommend: 9 },
      comment: 'The assignment role-play was the most useful part.',
    });
  });

  it('copies the code with the copy button', async () => {
    await watched.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await pressButton(page, 'Copy the code');
    await page.getByText('Copied.').waitFor();
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(code);
  });

  it('shows the code as a QR code drawn in the page', async () => {
    await expect(page.getByRole('img', { name: 'QR code of your response code' }).locator('svg path').count()).resolves.toBe(1);
  });

  it('offers a response file with the same response', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), pressButton(page, 'Download the response file')]);
    const file = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(file).toMatchObject({ format: 'banso-survey-response', version: 1 });
    const parsed = parseResponseFile(file, instrument);
    expect(parsed.ok && parsed.response).toEqual((decodeResponse(code) as { response: unknown }).response);
  });

  it('keeps the report on the device for the next visit', async () => {
    await page.reload();
    await page.getByRole('heading', { name: 'Your results' }).waitFor();
    await expect(page.locator('.bn-response-code').getAttribute('data-code')).resolves.toBe(code);
  });

  it('prints the report without the hand-over controls', async () => {
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.bn-handover').isVisible()).resolves.toBe(false);
    await expect(page.getByRole('heading', { name: 'Your results' }).isVisible()).resolves.toBe(true);
    await page.emulateMedia({ media: 'screen' });
  });
});

describe('participant survey, saved as you go', () => {
  it('resumes where the person left off after the page is closed', async () => {
    const watched = await openWatchedPage(browser, { locale: 'en-GB' });
    const { page } = watched;
    await page.goto(`${siteUrl}en/survey/`);
    await page.getByRole('radio', { name: 'Before the workshop' }).check();
    await page.getByRole('radio', { name: 'Team member' }).check();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.locator(`#q-${items[0]}`).getByRole('radio').nth(2).check();
    await page.goto('about:blank');
    await page.goto(`${siteUrl}en/survey/`);
    await page.getByRole('heading', { name: /^Statements 1 to 6/ }).waitFor();
    await expect(page.getByText(/You are carrying on where you left off/).count()).resolves.toBe(1);
    await expect(page.locator(`#q-${items[0]}`).getByRole('radio').nth(2).isChecked()).resolves.toBe(true);
    // A team member is shown the statements everyone answers, not the people managers' own.
    await expect(page.getByText(`1 of ${memberItems.length} statements answered`).count()).resolves.toBe(1);
    // The unanswered statements on this screen are named when moving on is attempted.
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByRole('group', { name: 'Some answers are missing' }).getByRole('link').allTextContents()).resolves.toEqual(
      [2, 3, 4, 5, 6].map((n) => `Answer statement ${n}.`),
    );
    expect(watched.errors).toEqual([]);
    await watched.context.close();
  });

  it('gives every option a touch target of at least 44 pixels on a phone, and shows the error summary accessibly', async () => {
    const watched = await openWatchedPage(browser, { viewport: { width: 375, height: 740 } });
    await watched.page.goto(`${siteUrl}ja/survey/`);
    await watched.page.locator('.bn-choice-option').first().waitFor();
    const heights = await watched.page.locator('.bn-choice-option').evaluateAll((labels) => labels.map((label) => label.getBoundingClientRect().height));
    expect(Math.min(...heights)).toBeGreaterThanOrEqual(44);
    await watched.page.getByRole('button', { name: '次へ' }).click();
    await watched.page.getByRole('group', { name: 'まだ回答していない項目があります' }).waitFor();
    expect(describeViolations(await axeViolations(watched.page))).toEqual([]);
    await watched.context.close();
  });
});

describe('participant survey through a damaged session link', () => {
  it('explains in the page language that the link is cut short, and carries on unencrypted', async () => {
    const session = await createSession({ cohort: 'ENG-7', wave: 'before', instrumentVersion: instrument.version });
    const watched = await openWatchedPage(browser);
    const fragment = encodeSessionFragment(session.descriptor);
    await watched.page.goto(`${siteUrl}ja/survey/#${fragment.slice(0, -20)}`);
    const alert = watched.page.getByRole('alert');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain('リンクが途中で切れているか、書き換えられています');
    await expect(watched.page.getByRole('group', { name: /今回はいつの回答ですか/ }).count()).resolves.toBe(1);
    await watched.context.close();
  });
});

describe('participant survey with full storage', () => {
  it('says so, keeps every answer on screen and still gives the report and the code', async () => {
    const watched = await openWatchedPage(browser, { locale: 'en-GB' });
    const { page } = watched;
    await watched.context.addInitScript(() => {
      const original = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key: string, value: string) {
        if (key.startsWith('banso:survey:')) throw new DOMException('full', 'QuotaExceededError');
        return original.call(this, key, value);
      };
    });
    await page.goto(`${siteUrl}en/survey/?wave=before`);
    await page.getByRole('radio', { name: 'Team member' }).check();
    await expect(page.getByRole('alert').textContent()).resolves.toContain("This browser's storage is full");
    await page.getByRole('button', { name: 'Next' }).click();
    await answerAsMember(page);
    await expect(page.locator('#q-mp1').count()).resolves.toBe(0);
    await page.getByRole('heading', { name: 'Your results' }).waitFor();
    const decoded = decodeResponse((await page.locator('.bn-response-code').getAttribute('data-code'))!);
    expect(decoded.ok && decoded.response.answers).toEqual(memberAnswers);
    expect(watched.errors).toEqual([]);
    await watched.context.close();
  });
});

describe('participant survey through a facilitator session link', () => {
  it('encrypts the code and the file so that only the session key opens them', async () => {
    const session = await createSession({ cohort: 'ENG-7', wave: 'before', instrumentVersion: instrument.version });
    const watched = await openWatchedPage(browser, { locale: 'en-GB' });
    const { page } = watched;
    await page.goto(`${siteUrl}en/survey/#${encodeSessionFragment(session.descriptor)}`);
    await page.getByText(/This link is for the group ENG-7, Before the workshop/).waitFor();
    await expect(page.getByRole('group', { name: 'When are you answering?' }).count()).resolves.toBe(0);
    await page.getByRole('radio', { name: 'Team member' }).check();
    await page.getByRole('button', { name: 'Next' }).click();
    await answerAsMember(page);
    await expect(page.locator('#q-mp1').count()).resolves.toBe(0);
    await page.getByText('This code and file are encrypted.', { exact: false }).waitFor();
    const codeElement = page.locator('.bn-response-code[data-code^="BNX1"]');
    await codeElement.waitFor();
    const code = (await codeElement.getAttribute('data-code'))!;
    expect(code.length).toBeLessThanOrEqual(450);
    const keys = (id: string) => (id === session.descriptor.sessionId ? session : undefined);
    const opened = await openSealedCode(code, keys);
    expect(opened.ok && opened.response).toMatchObject({ wave: 'before', cohort: 'ENG-7', role: 0, answers: memberAnswers });
    // Another facilitator's key cannot read it.
    const stranger = await openSealedCode(code, () => undefined);
    expect(stranger.ok ? 'opened' : stranger.error.kind).toBe('other-session');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the response file' }).click()]);
    const file = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(JSON.stringify(file)).not.toContain('ENG-7'); // nothing readable but the session id
    const fromFile = await openResponseFile(file, instrument, keys);
    expect(fromFile.ok && fromFile.response).toEqual(opened.ok && opened.response);
    expect(watched.foreignRequests).toEqual([]);
    expect(watched.errors).toEqual([]);
    await watched.context.close();
  });
});
