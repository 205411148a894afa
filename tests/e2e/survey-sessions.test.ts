/**
 * The facilitator's survey sessions in Chromium: create one, share its link and QR code, back up its key,
 * delete it, refuse a file that is not a backup, restore the backup, and read a response sealed to that link.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { importSessionBackup, decodeSessionFragment, openSealedCode, sealResponse } from '../../src/lib/survey/sealed.ts';
import type { SurveyResponse } from '../../src/lib/survey/response-code.ts';
import { axeViolations, describeViolations, launchChromium, openWatchedPage, type WatchedPage } from '../support/browser.ts';
import { testOutput } from '../support/sites.ts';

const siteUrl = inject('rootSiteUrl');
let browser: Browser;
let watched: WatchedPage;

beforeAll(async () => {
  browser = await launchChromium();
  watched = await openWatchedPage(browser, { locale: 'en-GB' });
  watched.page.on('dialog', (dialog) => dialog.accept());
});
afterAll(async () => {
  expect(watched.foreignRequests).toEqual([]);
  expect(watched.errors).toEqual([]);
  await browser?.close();
});

describe('survey sessions', () => {
  let link: string;
  let backupPath: string;

  it('creates a session for a group and wave, with a participant link carrying its public key', async () => {
    const { page } = watched;
    await page.goto(`${siteUrl}en/facilitator/sessions/`);
    await page.getByText('No sessions yet.').waitFor();
    await page.getByLabel('Group code (optional)').fill('eng-7');
    await expect(page.getByLabel('Group code (optional)').inputValue()).resolves.toBe('ENG-7');
    await page.getByRole('radio', { name: 'Straight after the workshop' }).check();
    await page.getByRole('button', { name: 'Create the session' }).click();
    await page.getByRole('heading', { name: 'ENG-7, Straight after the workshop' }).waitFor();
    link = await page.getByLabel('Participant link (ENG-7, Straight after the workshop)').inputValue();
    expect(link).toMatch(new RegExp(`^${siteUrl}en/survey/#session=[A-Za-z0-9_-]+$`));
    const decoded = await decodeSessionFragment(new URL(link).hash);
    expect(decoded.ok && decoded.session).toMatchObject({ cohort: 'ENG-7', wave: 'after' });
  });

  it('keeps the session after a reload (IndexedDB)', async () => {
    await watched.page.reload();
    await watched.page.getByRole('heading', { name: 'ENG-7, Straight after the workshop' }).waitFor();
  });

  it('copies the link and projects its QR code', async () => {
    const { page, context } = watched;
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByRole('button', { name: 'Copy the link' }).click();
    await page.getByText('Copied.').waitFor();
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(link);
    await page.getByRole('button', { name: 'Show the QR code full screen' }).click();
    const dialog = page.getByRole('dialog', { name: "Scan with your phone's camera to answer the survey" });
    await dialog.waitFor();
    await expect(dialog.getByRole('img', { name: 'QR code of the survey link' }).locator('svg path').count()).resolves.toBe(1);
    expect(describeViolations(await axeViolations(page))).toEqual([]);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });

  it('downloads a key backup, deletes the session and restores it from the backup', async () => {
    const { page } = watched;
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the key backup' }).click()]);
    backupPath = (await download.path())!;
    expect(JSON.parse(readFileSync(backupPath, 'utf8'))).toMatchObject({ format: 'banso-session-key', version: 1, session: { cohort: 'ENG-7', wave: 'after' } });
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByText('No sessions yet.').waitFor();

    const notBackup = `${testOutput}not-a-backup.json`;
    writeFileSync(notBackup, JSON.stringify({ format: 'banso-workbook', version: 1, exercises: {} }));
    await page.getByLabel('Key backup file').setInputFiles(notBackup);
    await page.getByText('This file is not a key backup.', { exact: false }).waitFor();
    await expect(page.getByText('No sessions yet.').count()).resolves.toBe(1);

    await page.getByLabel('Key backup file').setInputFiles(backupPath);
    await page.getByText('Restored the session ENG-7, Straight after the workshop.').waitFor();
    await expect(page.getByLabel('Participant link (ENG-7, Straight after the workshop)').inputValue()).resolves.toBe(link);
  });

  it('has a backup whose key reads a response sealed through the link, and no other key does', async () => {
    const restored = await importSessionBackup(JSON.parse(readFileSync(backupPath, 'utf8')));
    expect(restored.ok).toBe(true);
    if (!restored.ok) return;
    const session = await decodeSessionFragment(new URL(link).hash);
    if (!session.ok) throw new Error('the link did not decode');
    const response: SurveyResponse = {
      instrumentVersion: session.session.instrumentVersion, wave: 'after', role: 0, stage: 1, responseId: '00112233aabb', day: '2026-11-23',
      cohort: 'ENG-7', anonymousCode: null, answers: Array.from({ length: 36 }, () => 4), evaluation: null, comment: null,
    };
    const code = await sealResponse(response, session.session);
    const opened = await openSealedCode(code, (id) => (id === restored.keys.descriptor.sessionId ? restored.keys : undefined));
    expect(opened.ok && opened.response).toEqual(response);
  });
});
