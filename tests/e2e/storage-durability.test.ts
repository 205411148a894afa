/**
 * Storage that survives the browser (issue 15): each page that keeps a person's data says where this browser may
 * delete it and when it was last exported, with a copy in one tap; Safari and private windows get their own
 * wording; persistent storage is asked for only when the person does something; the dashboard reminds the
 * facilitator to back up after every import, and the sessions page to keep a key backup.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { encodeResponse, type SurveyResponse } from '../../src/lib/survey/response-code.ts';
import { itemOrder } from '../../src/lib/survey/localise.ts';
import { itemsForRole } from '../../src/lib/survey/roles.ts';
import { axeViolations, describeViolations, launchChromium, openWatchedPage, type WatchedPage } from '../support/browser.ts';
import { siteInstrument } from '../support/instrument.ts';
import { answerWholeSurvey } from '../support/survey-by-clicking.ts';

const siteUrl = inject('rootSiteUrl');
const SAFARI = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';

let browser: Browser;
const opened: WatchedPage[] = [];
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  for (const watched of opened) {
    expect(watched.foreignRequests).toEqual([]);
    expect(watched.errors).toEqual([]);
  }
  await browser?.close();
});

/** A fresh profile; `init` runs before the page's own scripts (to stand in for Safari, a private window, a spy). */
async function freshPage(init?: () => void, locale = 'en-GB'): Promise<Page> {
  const watched = await openWatchedPage(browser, { locale });
  opened.push(watched);
  if (init) await watched.page.addInitScript(init);
  return watched.page;
}

/** The notice as a person reads it, whitespace collapsed. */
async function noticeText(page: Page): Promise<string> {
  const notice = page.locator('.bn-storage-notice');
  await notice.waitFor();
  return (await notice.innerText()).replace(/\s+/g, ' ').trim();
}

/** How the page writes a date in its language, for comparing with the notice. */
/** Today as the notice writes it: British English, day before month ("30 Nov 2026"), on English pages. */
const today = async (page: Page) => {
  const date = await page.evaluate(() => new Date().toLocaleDateString(document.documentElement.lang === 'en' ? 'en-GB' : 'ja-JP', { dateStyle: 'medium' }));
  if ((await page.evaluate(() => document.documentElement.lang)) === 'en') expect(date).toMatch(/^\d{1,2} [A-Z][a-z]{2,3} \d{4}$/);
  return date;
};

async function download(page: Page, button: string) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button, exact: true }).click()]);
  return { name: file.suggestedFilename(), json: JSON.parse(readFileSync((await file.path())!, 'utf8')) as Record<string, unknown> };
}

describe('an exercise page', () => {
  it('says storage is not protected and it was never exported; the one-tap copy downloads the answers and shows the date', async () => {
    // Chromium under test does not grant persistent storage, so this is the at-risk wording a person there sees.
    const page = await freshPage();
    await page.goto(`${siteUrl}en/exercises/will-can-must/`);
    await page.locator('.bn-exercise textarea').first().fill('Lead the accessibility review');
    await page.locator('.bn-save-status[data-status="saved"]').waitFor();
    const before = await noticeText(page);
    expect(before).toContain('This browser may delete your answers.');
    expect(before).toContain('Storage here is not protected');
    expect(before).toContain('Last exported: never');
    expect(before).not.toContain('Safari');

    const copy = await download(page, 'Save a copy now');
    expect(copy.name).toBe('banso-will-can-must.json');
    expect(copy.json).toMatchObject({ format: 'banso-workbook', exercises: { 'will-can-must': { exerciseId: 'will-can-must' } } });
    expect(JSON.stringify(copy.json)).toContain('Lead the accessibility review');
    const exported = `Last exported: ${await today(page)}`;
    await expect.poll(() => page.locator('.bn-storage-notice [role="status"]').textContent()).toBe(exported);

    // Remembered in this browser: the next visit still knows.
    await page.reload();
    expect(await noticeText(page)).toContain(`Last exported: ${await today(page)}`);
    expect(describeViolations(await axeViolations(page))).toEqual([]);
  });

  it('counts a workbook export as a copy of every exercise in it', async () => {
    const page = await freshPage();
    await page.goto(`${siteUrl}en/workbook/`);
    expect(await noticeText(page)).toContain('Last exported: never');
    // The workbook's own export is right below the notice, so the notice does not repeat it.
    await expect(page.getByRole('button', { name: 'Save a copy now' }).count()).resolves.toBe(0);
    const file = await download(page, 'Export all exercises to a file');
    expect(file.json).toMatchObject({ format: 'banso-workbook' });
    const exported = `Last exported: ${await today(page)}`;
    await expect.poll(() => page.locator('.bn-storage-notice [role="status"]').textContent()).toBe(exported);
    expect(describeViolations(await axeViolations(page))).toEqual([]);
    await page.goto(`${siteUrl}en/exercises/values-card-sort/`);
    expect(await noticeText(page)).toContain(`Last exported: ${await today(page)}`);
  });

  it('in Safari, names its seven-day rule even with persistent storage granted', async () => {
    const page = await freshPage(() => {
      Object.defineProperty(Navigator.prototype, 'userAgent', { get: () => 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1' });
      StorageManager.prototype.persisted = () => Promise.resolve(true);
    });
    await page.goto(`${siteUrl}en/exercises/will-can-must/`);
    expect(await page.evaluate(() => navigator.userAgent)).toBe(SAFARI);
    const text = await noticeText(page);
    expect(text).toContain('This browser may delete your answers.');
    expect(text).toContain("Safari deletes a site's saved data after seven days of use without a visit to it.");
    expect(text).toContain('Last exported: never');
  });

  it('in Japanese, in a private window, says everything goes when the window is closed', async () => {
    const page = await freshPage(() => {
      // Firefox and Safari refuse the origin private file system in a private window.
      StorageManager.prototype.getDirectory = () => Promise.reject(new DOMException('Security error when calling GetDirectory', 'SecurityError'));
    }, 'ja-JP');
    await page.goto(`${siteUrl}ja/exercises/will-can-must/`);
    const text = await noticeText(page);
    expect(text).toContain('このブラウザーでは、入力した内容が消えることがあります。');
    expect(text).toContain('プライベートウィンドウのため、閉じるとすべて消えます。');
    expect(text).toContain('最後に書き出した日：まだ書き出していません');
    await expect(page.getByRole('button', { name: '今すぐコピーを保存' }).count()).resolves.toBe(1);
  });

  it('asks for persistent storage only when the person types, once, and then shows the calm line', async () => {
    const page = await freshPage(() => {
      const calls: boolean[] = [];
      Object.assign(window, { persistCalls: calls });
      // The browser keeps its grant across visits; so does this stand-in.
      StorageManager.prototype.persisted = () => Promise.resolve(localStorage.getItem('test:granted') === 'yes');
      StorageManager.prototype.persist = () => {
        // Whether the person had just done something when it was asked (transient user activation).
        calls.push(navigator.userActivation.isActive);
        localStorage.setItem('test:granted', 'yes');
        return Promise.resolve(true);
      };
    });
    const calls = () => page.evaluate(() => (window as unknown as { persistCalls: boolean[] }).persistCalls);
    await page.goto(`${siteUrl}en/exercises/will-can-must/`);
    expect(await noticeText(page)).toContain('Storage here is not protected');
    await expect(calls()).resolves.toEqual([]);
    const answer = page.locator('.bn-exercise textarea').first();
    await answer.pressSequentially('Mentor');
    await page.locator('.bn-storage-notice[data-level="safe"]').waitFor();
    await answer.pressSequentially(' two people');
    await expect(calls()).resolves.toEqual([true]);
    const calm = await noticeText(page);
    expect(calm).toContain('Your answers are kept in this browser, and it will not clear them on its own.');
    expect(calm).not.toContain('may delete');
    // The answer is remembered: a later visit, already persisted, does not ask again.
    await page.reload();
    await page.locator('.bn-storage-notice[data-level="safe"]').waitFor();
    await page.locator('.bn-exercise textarea').first().pressSequentially('!');
    await expect(calls()).resolves.toEqual([]);
  });
});

describe('the survey', () => {
  it('keeps the results for the next wave: the report says so, and the copy is the response file', async () => {
    const page = await freshPage();
    await answerWholeSurvey(page, `${siteUrl}en/survey/`);
    const before = await noticeText(page);
    expect(before).toContain('This browser may delete your answers.');
    expect(before).toContain('Last exported: never');
    const copy = await download(page, 'Save a copy now');
    expect(copy.name).toMatch(/^banso-survey-\d{4}-\d{2}-\d{2}-[a-z-]+-[0-9a-f]{4}\.json$/);
    expect(copy.json).toMatchObject({ format: 'banso-survey-response' });
    const exported = `Last exported: ${await today(page)}`;
    await expect.poll(() => page.locator('.bn-storage-notice [role="status"]').textContent()).toBe(exported);
    expect(describeViolations(await axeViolations(page))).toEqual([]);
  });
});

describe('the facilitator', () => {
  const items = itemOrder(siteInstrument);
  const memberItems = new Set(itemsForRole(siteInstrument, 'member'));
  const response = (seed: number): SurveyResponse => ({
    instrumentVersion: siteInstrument.version,
    wave: 'before',
    role: 0,
    stage: 1,
    responseId: (0xdef000 + seed).toString(16).padStart(12, '0'),
    day: '2026-11-20',
    cohort: 'ENG-1',
    anonymousCode: null,
    answers: items.map((id, index) => (memberItems.has(id) ? ((index + seed) % 5) + 1 : null)),
    evaluation: null,
    comment: null,
  });

  it('is reminded to back up a dataset after an import, and the button downloads it', async () => {
    const page = await freshPage();
    await page.goto(`${siteUrl}en/facilitator/dashboard/`);
    await page.getByLabel('Name of a new dataset').fill('Engineers');
    await page.getByRole('button', { name: 'Create' }).click();
    const notice = await noticeText(page);
    expect(notice).toContain('This browser may delete your datasets and session keys.');
    expect(notice).toContain('Last exported: never');
    await expect(page.getByText('Back up this dataset now').count()).resolves.toBe(0);
    // "Export a backup" is right above the notice, so the notice does not repeat it.
    await expect(page.getByRole('button', { name: 'Save a copy now' }).count()).resolves.toBe(0);

    await page.getByLabel('Response codes (one per line)').fill([encodeResponse(response(1)), encodeResponse(response(2))].join('\n'));
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await page.getByRole('button', { name: 'Add 2 responses' }).click();
    await expect.poll(() => page.locator('.bn-import [role="status"]').first().textContent()).toBe('Added 2 responses. Back up this dataset now: it is kept only in this browser.');
    const reminder = page.locator('.bn-import').getByRole('button', { name: 'Export a backup' });
    const [file] = await Promise.all([page.waitForEvent('download'), reminder.click()]);
    expect(file.suggestedFilename()).toMatch(/^banso-dataset-Engineers-\d{4}-\d{2}-\d{2}\.json$/);
    const backup = JSON.parse(readFileSync((await file.path())!, 'utf8')) as { name: string; responses: unknown[] };
    expect(backup).toMatchObject({ name: 'Engineers' });
    expect(backup.responses).toHaveLength(2);
    expect(await noticeText(page)).toContain(`Last exported: ${await today(page)}`);
    expect(describeViolations(await axeViolations(page))).toEqual([]);

    // The next import starts without the old reminder.
    await page.getByLabel('Response codes (one per line)').fill(encodeResponse(response(3)));
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await expect(page.getByText('Back up this dataset now').count()).resolves.toBe(0);
  });

  it('is asked for persistent storage when importing, not when opening the dashboard', async () => {
    const page = await freshPage(() => {
      const calls: boolean[] = [];
      Object.assign(window, { persistCalls: calls });
      StorageManager.prototype.persist = () => {
        calls.push(navigator.userActivation.isActive);
        return Promise.resolve(false);
      };
    });
    const calls = () => page.evaluate(() => (window as unknown as { persistCalls: boolean[] }).persistCalls);
    await page.goto(`${siteUrl}en/facilitator/dashboard/`);
    await page.getByLabel('Name of a new dataset').waitFor();
    await expect(calls()).resolves.toEqual([]);
    await page.getByLabel('Name of a new dataset').fill('Sales');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.locator('.bn-storage-notice').waitFor();
    await expect.poll(calls).toEqual([true]);
    // Refused: remembered, so a reload and another save do not ask again (Firefox would prompt every time).
    await page.reload();
    await page.getByLabel('Name of a new dataset').fill('Sales 2');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByText('Created the dataset “Sales 2”.').waitFor();
    await expect(calls()).resolves.toEqual([]);
  });

  it('on the sessions page, is reminded to keep a key backup after creating a session, under the same notice', async () => {
    const page = await freshPage();
    await page.goto(`${siteUrl}en/facilitator/sessions/`);
    const notice = await noticeText(page);
    expect(notice).toContain('This browser may delete your datasets and session keys.');
    expect(notice).toContain("Download each session's key backup");
    const reminder = "Download this session's key backup now and keep it somewhere other than this browser: without it, the encrypted responses cannot be read.";
    await expect(page.getByText(reminder).isVisible()).resolves.toBe(false);
    // A new session's key backup is locked with a passphrase typed twice.
    await page.getByLabel('Backup passphrase', { exact: true }).fill('harbour lantern pebble orbit');
    await page.getByLabel('Backup passphrase again').fill('harbour lantern pebble orbit');
    await page.getByRole('button', { name: 'Create the session' }).click();
    await page.getByText(reminder).waitFor();
    expect(describeViolations(await axeViolations(page))).toEqual([]);
  });
});
