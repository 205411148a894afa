/**
 * The facilitator's survey sessions in Chromium: create one with a backup passphrase, share its link and QR code,
 * back up its key (protected), delete it, refuse a file that is not a backup or is cut short, restore the backup
 * in a fresh browser with a wrong then the right passphrase, restore an old plain backup, protect a key stored
 * readable by an older kit, and read a response sealed to that link. The key's fingerprint is the same on the
 * session list, the projected QR code, run mode's projector window and the participant's survey.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { openSealedCode } from '../../src/lib/survey/sealed.ts';
import { createSession, decodeSessionFragment } from '../../src/lib/survey/session-link.ts';
import { sealResponse } from '../../src/lib/survey/sealed-handover.ts';
import { exportSessionBackup } from '../../src/lib/survey/session-backup.ts';
import { linkFingerprint } from '../../src/lib/survey/fingerprint.ts';
import { itemOrder } from '../../src/lib/survey/localise.ts';
import { itemsForRole } from '../../src/lib/survey/roles.ts';
import { openProtectedBackup, readBackupFile } from '../../src/lib/survey/session-backup.ts';
import type { SurveyResponse } from '../../src/lib/survey/response-code.ts';
import { axeViolations, describeViolations, launchChromium, openWatchedPage, type WatchedPage } from '../support/browser.ts';
import { siteInstrument } from '../support/instrument.ts';
import { testOutput } from '../support/sites.ts';

const PASSPHRASE = 'harbour lantern pebble orbit';

/** What this page's IndexedDB holds for a session: whether its key can be read out, and whether it has a backup. */
function storedKey(page: Page, sessionId: string) {
  return page.evaluate(
    (id) =>
      new Promise<{ extractable: boolean; exportRejects: boolean; backupVersion: number | null }>((resolve, reject) => {
        const open = indexedDB.open('banso-facilitator');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('sessions').objectStore('sessions').get(id);
          get.onsuccess = async () => {
            const key = get.result.privateKey as CryptoKey;
            const exportRejects = await crypto.subtle.exportKey('jwk', key).then(() => false, () => true);
            resolve({ extractable: key.extractable, exportRejects, backupVersion: get.result.backup?.version ?? null });
          };
        };
      }),
    sessionId,
  );
}

/** Types a new backup passphrase twice, in the form inside `scope` (a page can hold more than one). */
async function fillNewPassphrase(scope: Page | Locator, passphrase: string, again = passphrase) {
  await scope.getByLabel('Backup passphrase', { exact: true }).fill(passphrase);
  await scope.getByLabel('Backup passphrase again').fill(again);
}

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
  let sessionId: string;
  let fingerprint: string;

  it('creates a session for a group and wave, with a participant link carrying its public key', async () => {
    const { page } = watched;
    await page.goto(`${siteUrl}en/facilitator/sessions/`);
    await page.getByText('No sessions yet.').waitFor();
    await page.getByLabel('Group code (optional)').fill('eng-7');
    await expect(page.getByLabel('Group code (optional)').inputValue()).resolves.toBe('ENG-7');
    await page.getByRole('radio', { name: 'Straight after the workshop' }).check();
    // The backup passphrase: too short, then typed differently twice, then right.
    await page.getByRole('button', { name: 'Create the session' }).click();
    await page.getByText('The passphrase is too short. Use at least 12 characters', { exact: false }).waitFor();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('bn-new-passphrase');
    await fillNewPassphrase(page, 'harbour', 'harbour');
    await expect(page.locator('#bn-new-strength').textContent()).resolves.toBe('Strength: too short.');
    await fillNewPassphrase(page, PASSPHRASE, `${PASSPHRASE}s`);
    await expect(page.locator('#bn-new-strength').textContent()).resolves.toBe('Strength: strong.');
    await page.getByRole('button', { name: 'Create the session' }).click();
    await page.getByText('The two passphrases are different.', { exact: false }).waitFor();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('bn-new-again');
    await expect(page.getByText('No sessions yet.').count()).resolves.toBe(1);
    await fillNewPassphrase(page, PASSPHRASE);
    await page.getByRole('button', { name: 'Create the session' }).click();
    await page.getByRole('heading', { name: 'ENG-7, Straight after the workshop' }).waitFor();
    // What was typed is not kept in the form once used.
    await expect(page.getByLabel('Backup passphrase', { exact: true }).inputValue()).resolves.toBe('');
    link = await page.getByLabel('Participant link (ENG-7, Straight after the workshop)').inputValue();
    expect(link).toMatch(new RegExp(`^${siteUrl}en/survey/#session=[A-Za-z0-9_-]+$`));
    const decoded = await decodeSessionFragment(new URL(link).hash);
    expect(decoded.ok && decoded.session).toMatchObject({ cohort: 'ENG-7', wave: 'after' });
    sessionId = decoded.ok ? decoded.session.sessionId : '';
    fingerprint = (await linkFingerprint(link))!;
  });

  it('stores the key so that no script on the site can read it out, with its protected backup beside it', async () => {
    await expect(storedKey(watched.page, sessionId)).resolves.toEqual({ extractable: false, exportRejects: true, backupVersion: 2 });
    expect(describeViolations(await axeViolations(watched.page))).toEqual([]);
  });

  it("shows the key's fingerprint on the session list, to read out and compare", async () => {
    const { page } = watched;
    expect(fingerprint).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    await expect(page.locator(`[data-session="${sessionId}"] [data-fingerprint]`).textContent()).resolves.toBe(fingerprint);
    await page.getByText('Participants\' surveys show the same code.', { exact: false }).waitFor();
  });

  it('takes about a second or less to derive the backup key in Chromium (PBKDF2-SHA-256, 600,000 iterations)', async () => {
    const milliseconds = await watched.page.evaluate(async () => {
      const material = await crypto.subtle.importKey('raw', new TextEncoder().encode('harbour lantern pebble orbit'), 'PBKDF2', false, ['deriveBits']);
      const times: number[] = [];
      for (let run = 0; run < 3; run++) {
        const start = performance.now();
        await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: crypto.getRandomValues(new Uint8Array(16)), iterations: 600_000 }, material, 256);
        times.push(performance.now() - start);
      }
      return times;
    });
    writeFileSync(`${testOutput}pbkdf2-timing.json`, JSON.stringify({ iterations: 600_000, milliseconds }));
    expect(Math.min(...milliseconds)).toBeLessThan(3000);
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
    await expect(dialog.locator('[data-fingerprint]').textContent()).resolves.toBe(fingerprint);
    await dialog.getByText('Check that your survey shows this key fingerprint:').waitFor();
    expect(describeViolations(await axeViolations(page))).toEqual([]);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });

  it('downloads a protected key backup, deletes the session and refuses files that are not a backup or are cut short', async () => {
    const { page } = watched;
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the key backup' }).click()]);
    backupPath = (await download.path())!;
    const text = readFileSync(backupPath, 'utf8');
    expect(JSON.parse(text)).toMatchObject({ format: 'banso-session-key', version: 2, session: { cohort: 'ENG-7', wave: 'after' }, kdf: { name: 'PBKDF2', iterations: 600_000 } });
    expect(text).not.toContain('"d"');
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByText('No sessions yet.').waitFor();

    const notBackup = `${testOutput}not-a-backup.json`;
    writeFileSync(notBackup, JSON.stringify({ format: 'banso-workbook', version: 1, exercises: {} }));
    await page.getByLabel('Key backup file').setInputFiles(notBackup);
    await page.getByText('This file is not a key backup.', { exact: false }).waitFor();
    await expect(page.getByText('No sessions yet.').count()).resolves.toBe(1);

    for (const length of [20, Math.floor(text.length / 2), text.length - 3]) {
      const cut = `${testOutput}backup-cut-${length}.json`;
      writeFileSync(cut, text.slice(0, length));
      await page.getByLabel('Key backup file').setInputFiles(cut);
      await page.getByText('The backup file is incomplete or damaged. Download the backup again, or use another copy of it.').waitFor();
      await page.getByLabel('Key backup file').setInputFiles([]);
    }
    await expect(page.getByText('No sessions yet.').count()).resolves.toBe(1);
  });

  it('restores the protected backup in a fresh browser: a wrong passphrase is refused, nothing typed or chosen is lost', async () => {
    const fresh = await openWatchedPage(browser, { locale: 'en-GB' });
    try {
      const { page } = fresh;
      await page.goto(`${siteUrl}en/facilitator/sessions/`);
      await page.getByText('No sessions yet.').waitFor();
      await page.getByLabel('Key backup file').setInputFiles(backupPath);
      await page.getByLabel('Passphrase of the backup').fill('harbour lantern pebble orbiT');
      await page.getByRole('button', { name: 'Restore the session' }).click();
      await page.getByText('The passphrase does not open this backup.', { exact: false }).waitFor();
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('bn-restore-passphrase');
      await expect(page.getByLabel('Passphrase of the backup').inputValue()).resolves.toBe('harbour lantern pebble orbiT');
      await expect(page.locator('#bn-restore-file').evaluate((input: HTMLInputElement) => input.files?.[0]?.name)).resolves.toBeTruthy();
      await expect(page.getByText('No sessions yet.').count()).resolves.toBe(1);
      expect(describeViolations(await axeViolations(page))).toEqual([]);

      await page.getByLabel('Passphrase of the backup').fill(PASSPHRASE);
      await page.getByRole('button', { name: 'Restore the session' }).click();
      await page.getByText('Restored the session ENG-7, Straight after the workshop.').waitFor();
      await expect(page.getByLabel('Participant link (ENG-7, Straight after the workshop)').inputValue()).resolves.toBe(link);
      await expect(page.locator(`[data-session="${sessionId}"] [data-fingerprint]`).textContent()).resolves.toBe(fingerprint);
      await expect(storedKey(page, sessionId)).resolves.toEqual({ extractable: false, exportRejects: true, backupVersion: 2 });
      // The restored browser can give the same protected backup again.
      const [again] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the key backup' }).click()]);
      expect(JSON.parse(readFileSync((await again.path())!, 'utf8'))).toEqual(JSON.parse(readFileSync(backupPath, 'utf8')));
      expect(fresh.foreignRequests).toEqual([]);
      expect(fresh.errors).toEqual([]);
    } finally {
      await fresh.context.close();
    }
  });

  it('restores an old plain backup into a protected one, with a passphrase chosen then', async () => {
    const old = await createSession({ cohort: 'OLD-1', wave: 'before', instrumentVersion: siteInstrument.version });
    const plainPath = `${testOutput}plain-backup.json`;
    writeFileSync(plainPath, JSON.stringify(await exportSessionBackup(old.descriptor, old.privateKey)));
    const { page } = watched;
    await page.getByLabel('Key backup file').setInputFiles(plainPath);
    await page.getByText('This backup was made by an earlier version of the kit and has no passphrase.', { exact: false }).waitFor();
    await fillNewPassphrase(page.getByRole('region', { name: 'Restore from a backup' }), PASSPHRASE);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Restore the session' }).click()]);
    await page.getByText('Restored the session OLD-1, Before the workshop and downloaded its protected backup.', { exact: false }).waitFor();
    await expect(storedKey(page, old.descriptor.sessionId)).resolves.toEqual({ extractable: false, exportRejects: true, backupVersion: 2 });
    const read = readBackupFile(readFileSync((await download.path())!, 'utf8'));
    if (!read.ok || !read.file.protected) throw new Error('the new backup is not protected');
    await expect(openProtectedBackup(read.file.backup, PASSPHRASE).then((result) => result.ok && result.keys.descriptor)).resolves.toEqual(old.descriptor);
  });

  it('tells the facilitator about a key an older kit stored readable, and protects it after the backup is downloaded', async () => {
    const { page } = watched;
    // What an older kit stored: the descriptor and an extractable key, no backup.
    const legacy = await page.evaluate(
      (instrumentVersion) =>
        new Promise<string>(async (resolve, reject) => {
          const pair = (await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits'])) as CryptoKeyPair;
          const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
          const publicKey = btoa(String.fromCharCode(...raw)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
          const descriptor = { sessionId: 'a1b2c3d4e5f6', cohort: 'LEGACY', wave: 'before', instrumentVersion, publicKey, createdAt: '2026-11-01T09:00:00.000Z' };
          const open = indexedDB.open('banso-facilitator');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const transaction = open.result.transaction('sessions', 'readwrite');
            transaction.objectStore('sessions').put({ descriptor, privateKey: pair.privateKey });
            transaction.oncomplete = () => resolve(descriptor.sessionId);
          };
        }),
      siteInstrument.version,
    );
    await page.reload();
    const item = page.locator(`[data-session="${legacy}"]`);
    await item.getByText("This session's key was saved by an earlier version of the kit", { exact: false }).waitFor();
    await expect(item.getByRole('button', { name: 'Download the key backup' }).count()).resolves.toBe(0);
    await item.getByRole('button', { name: 'Protect this key' }).click();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('bn-protect-passphrase');
    expect(describeViolations(await axeViolations(page))).toEqual([]);
    await fillNewPassphrase(item, PASSPHRASE);
    const [download] = await Promise.all([page.waitForEvent('download'), item.getByRole('button', { name: 'Protect the key and download its backup' }).click()]);
    await page.getByText('The key of LEGACY, Before the workshop is now protected', { exact: false }).waitFor();
    await expect(storedKey(page, legacy)).resolves.toEqual({ extractable: false, exportRejects: true, backupVersion: 2 });
    const read = readBackupFile(readFileSync((await download.path())!, 'utf8'));
    expect(read.ok && read.file.protected).toBe(true);
    await expect(item.getByText("This session's key was saved by an earlier version of the kit", { exact: false }).count()).resolves.toBe(0);
    await item.getByRole('button', { name: 'Download the key backup' }).waitFor();
  });

  it("shows the same fingerprint in the participant's survey, beside the session and the sealed hand-over", async () => {
    const participant = await openWatchedPage(browser, { locale: 'en-GB', viewport: { width: 390, height: 844 } });
    try {
      const { page } = participant;
      // A finished response made through this link, as the survey stores it: its report shows the sealed hand-over.
      const asked = new Set(itemsForRole(siteInstrument, 'member'));
      const response: SurveyResponse = {
        instrumentVersion: siteInstrument.version, wave: 'after', role: siteInstrument.roles.findIndex((role) => role.id === 'member'), stage: 1, responseId: '00112233aabc',
        day: '2026-11-23', cohort: 'ENG-7', anonymousCode: null, answers: itemOrder(siteInstrument).map((id) => (asked.has(id) ? 4 : null)), evaluation: null, comment: null,
      };
      await page.goto(`${siteUrl}en/`);
      await page.evaluate(
        ([stored, session]) => localStorage.setItem('banso:survey:results', JSON.stringify([{ response: stored, submittedAt: '2026-11-23T10:00:00.000Z', session }])),
        [response, new URL(link).hash.slice(1)] as const,
      );
      await page.goto(link);
      await page.locator('.bn-response-code[data-code^="BNX1"]').waitFor();
      await expect(page.locator('.bn-handover [data-fingerprint-line]').textContent()).resolves.toContain(`Session key fingerprint: ${fingerprint}.`);
      // Answering again: the first step shows it beside the session's name.
      await page.getByRole('button', { name: 'Answer the survey again' }).click();
      await page.getByText(`Session key fingerprint: ${fingerprint}. Check that it matches the code on the facilitator's screen.`, { exact: false }).waitFor();
      expect(describeViolations(await axeViolations(page))).toEqual([]);
      expect(participant.errors).toEqual([]);
      expect(participant.foreignRequests).toEqual([]);
    } finally {
      await participant.context.close();
    }
  });

  it("shows the same fingerprint on run mode's projector window when the survey block shows the session link", async () => {
    const projector = await watched.context.newPage();
    await projector.goto(`${siteUrl}en/facilitator/run/screen/`);
    await projector.evaluate((url) => {
      localStorage.setItem('banso-run-audience', JSON.stringify({ v: 1, planId: 'plan', screen: 'waiting', timer: null, join: { url, kind: 'survey' }, sentAt: Date.now() }));
    }, link);
    await projector.reload();
    await projector.locator('[data-audience-qr] svg').waitFor();
    await expect(projector.locator('[data-audience-fingerprint]').textContent()).resolves.toBe(`Key fingerprint: ${fingerprint}`);
    await projector.close();
  });

  it('has a backup whose key reads a response sealed through the link, and no other key does', async () => {
    const read = readBackupFile(readFileSync(backupPath, 'utf8'));
    if (!read.ok || !read.file.protected) throw new Error('the backup is not protected');
    const restored = await openProtectedBackup(read.file.backup, PASSPHRASE);
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
