/**
 * Collect mode with Chromium's fake camera filming participants one by one: every distinct code is received
 * once, the tally is right, a code shown again is counted once, and a tone plays for each one received. From the
 * dashboard (into the chosen dataset) and from the session's page (sealed codes, into the session's dataset).
 * Also: the camera's error names the real cause (no camera, permission refused) next to the button.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { encodeResponse, type SurveyResponse } from '../../src/lib/survey/response-code.ts';
import { decodeSessionFragment } from '../../src/lib/survey/session-link.ts';
import { sealResponse } from '../../src/lib/survey/sealed-handover.ts';
import { axeViolations, describeViolations, launchChromium } from '../support/browser.ts';
import { writeQrSequence } from '../support/fake-camera.ts';
import { testOutput } from '../support/sites.ts';
import { siteInstrument } from '../support/instrument.ts';
import { itemOrder } from '../../src/lib/survey/localise.ts';
import { itemsForRole } from '../../src/lib/survey/roles.ts';
import { answerWholeSurvey } from '../support/survey-by-clicking.ts';

const siteUrl = inject('rootSiteUrl');
const video = `${testOutput}qr-collect.y4m`;
const items = itemOrder(siteInstrument);
const memberItems = new Set(itemsForRole(siteInstrument, 'member'));
/** A team member's response as the survey page makes it; `n` varies the answers and the id. */
const response = (n: number, extra: Partial<SurveyResponse> = {}): SurveyResponse => ({
  instrumentVersion: siteInstrument.version, wave: 'before', role: 0, stage: null, responseId: `0000000000${n.toString(16).padStart(2, '0')}`, day: '2026-11-20',
  cohort: 'COL', anonymousCode: null, answers: items.map((id, index) => (memberItems.has(id) ? ((index + n) % 5) + 1 : null)), evaluation: null, comment: null, ...extra,
});
let browser: Browser;

/** Counts the tones the page plays, by watching the oscillators it starts. */
const countTones = () => {
  const start = OscillatorNode.prototype.start;
  (window as unknown as { tones: number }).tones = 0;
  OscillatorNode.prototype.start = function (this: OscillatorNode, ...args: Parameters<OscillatorNode['start']>) {
    (window as unknown as { tones: number }).tones++;
    return start.apply(this, args);
  };
};

async function collect(page: Page, expected: number, passSeconds: number) {
  await page.getByLabel('Expected responses (optional)').fill(String(expected));
  await page.getByRole('button', { name: 'Start collecting' }).click();
  await page.getByText(`${expected} of ${expected} responses received`).waitFor({ timeout: 30_000 });
  // One more pass of the film: every code, the repeated one too, comes round again and nothing more is added.
  await page.waitForTimeout(passSeconds * 1000 + 500);
  await expect(page.locator('.bn-collect-count .bn-visually-hidden').textContent()).resolves.toBe(`${expected} of ${expected} responses received`);
  await expect(page.locator('.bn-collect-list li').count()).resolves.toBe(expected);
  await expect(page.evaluate(() => (window as unknown as { tones: number }).tones)).resolves.toBe(expected);
}

beforeAll(async () => {
  browser = await launchChromium(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${video}`, '--autoplay-policy=no-user-gesture-required']);
});
afterAll(async () => {
  await browser?.close();
});

describe('collect mode', () => {
  it('receives each participant once from the dashboard, shown again or not, and adds them to the dataset', async () => {
    const codes = [1, 2, 3].map((n) => encodeResponse(response(n)));
    // Participants 1, 2, 1 again (showing it twice), then 3.
    const pass = writeQrSequence([codes[0]!, codes[1]!, codes[0]!, codes[2]!], video);
    const context = await browser.newContext({ permissions: ['camera'], locale: 'en-GB' });
    await context.addInitScript(countTones);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${siteUrl}en/facilitator/dashboard/`);
    await page.getByLabel('Name of a new dataset').fill('Room');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('button', { name: 'Collect in the room with the camera' }).click();
    await expect(page.getByText('Adding to: Room').isVisible()).resolves.toBe(true);
    await collect(page, 3, pass);
    await expect(page.locator('.bn-collect').textContent()).resolves.toMatch(/Already received: [1-9]\d*\. Not added: 0\./);
    await expect(page.getByLabel('Dataset to show').textContent()).resolves.toContain('Room (3 responses)');

    // The tally large for the projector, and back, by keyboard.
    await page.getByRole('button', { name: 'Show the tally large' }).click();
    const large = page.getByRole('dialog', { name: 'Collect in the room' });
    await expect(large.locator('.bn-collect-number').textContent()).resolves.toBe('3 / 3');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Back to the normal view');
    const violations = await axeViolations(page);
    expect(describeViolations(violations)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(large.count()).resolves.toBe(0);
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Show the tally large');

    await page.getByRole('button', { name: 'Stop collecting' }).click();
    await expect(page.locator('.bn-collect video').isVisible()).resolves.toBe(false);
    await expect(page.locator('.bn-collect [aria-live="polite"]').textContent()).resolves.toBe('Collecting stopped: 3 responses received.');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('collects sealed codes on the session page into the session’s own dataset', async () => {
    const context = await browser.newContext({ permissions: ['camera'], locale: 'en-GB' });
    await context.addInitScript(countTones);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${siteUrl}en/facilitator/sessions/`);
    await page.getByLabel('Group code (optional)').fill('SEAL');
    // A new session's key backup is locked with a passphrase typed twice.
    await page.getByLabel('Backup passphrase', { exact: true }).fill('harbour lantern pebble orbit');
    await page.getByLabel('Backup passphrase again').fill('harbour lantern pebble orbit');
    await page.getByRole('button', { name: 'Create the session' }).click();
    await page.getByRole('heading', { name: 'SEAL, Before the workshop' }).waitFor();
    const link = await page.locator('.bn-session-link').inputValue();
    const decoded = await decodeSessionFragment(new URL(link).hash.slice(1));
    if (!decoded.ok) throw new Error(decoded.error.detail);
    const sealed = await Promise.all([4, 5].map((n) => sealResponse(response(n, { cohort: 'SEAL' }), decoded.session)));
    // Chromium opens the film when the camera starts, so it can be written now.
    const pass = writeQrSequence([sealed[0]!, sealed[1]!, sealed[0]!], video);
    await page.getByRole('button', { name: 'Collect in the room with the camera' }).click();
    await collect(page, 2, pass);
    await page.getByRole('button', { name: 'Stop collecting' }).click();
    await page.goto(`${siteUrl}en/facilitator/dashboard/`);
    await expect(page.getByLabel('Dataset to show').textContent()).resolves.toContain('SEAL, Before the workshop (2 responses)');
    expect(errors).toEqual([]);

    // A participant answering through the session link sees the same sealed code each time they reopen their report.
    const participant = await context.newPage();
    await answerWholeSurvey(participant, link);
    const shown = participant.locator('.bn-response-code');
    await participant.waitForFunction(() => document.querySelector('.bn-response-code')?.getAttribute('data-code')?.startsWith('BNX1'));
    const first = await shown.getAttribute('data-code');
    const qr = await participant.locator('.bn-handover .bn-qr').innerHTML();
    for (let reopen = 0; reopen < 2; reopen++) {
      await participant.reload();
      await participant.waitForFunction(() => document.querySelector('.bn-response-code')?.getAttribute('data-code')?.startsWith('BNX1'));
      await expect(shown.getAttribute('data-code')).resolves.toBe(first);
      await expect(participant.locator('.bn-handover .bn-qr').innerHTML()).resolves.toBe(qr);
    }
    await context.close();
  });
});

describe('camera errors', () => {
  it('says there is no camera, next to the button, in the page’s language', async () => {
    const plain = await launchChromium(['--use-fake-ui-for-media-stream']);
    try {
      const context = await plain.newContext({ permissions: ['camera'], locale: 'ja-JP' });
      const page = await context.newPage();
      await page.goto(`${siteUrl}ja/facilitator/dashboard/`);
      await page.getByLabel('新しいデータセットの名前').fill('カメラなし');
      await page.getByRole('button', { name: '作成', exact: true }).click();
      const button = page.getByRole('button', { name: 'カメラでQRコードを読み取る' });
      await button.click();
      const alert = page.locator('#bn-scan-camera-error');
      await expect(alert.textContent()).resolves.toMatch(/^カメラが見つかりません。/);
      await expect(button.getAttribute('aria-describedby')).resolves.toBe('bn-scan-camera-error');
      await context.close();
    } finally {
      await plain.close();
    }
  });

  it('says permission was refused when the camera is not allowed', async () => {
    // A camera is there, but nothing answers the permission prompt for the page: the browser refuses.
    const asking = await launchChromium(['--use-fake-device-for-media-stream']);
    try {
      const context = await asking.newContext({ permissions: [], locale: 'en-GB' });
      const page = await context.newPage();
      await page.goto(`${siteUrl}en/facilitator/dashboard/`);
      await page.getByLabel('Name of a new dataset').fill('Denied');
      await page.getByRole('button', { name: 'Create' }).click();
      await page.getByRole('button', { name: 'Collect in the room with the camera' }).click();
      const button = page.getByRole('button', { name: 'Start collecting' });
      await button.click();
      const alert = page.locator('.bn-collect [role="alert"]');
      await expect(alert.textContent()).resolves.toMatch(/^Permission to use the camera was refused\./);
      await expect(alert.getAttribute('id')).resolves.toBe(await button.getAttribute('aria-describedby'));
      await context.close();
    } finally {
      await asking.close();
    }
  });
});

describe('Shift_JIS in the browser', () => {
  it('decodes the Windows-31J extensions as Chromium reads a file (髙, Ⅲ, ㎝, ①)', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${siteUrl}en/facilitator/dashboard/`);
    const text = await page.evaluate(() => new TextDecoder('shift_jis', { fatal: true }).decode(Uint8Array.of(0xfb, 0xfc, 0xee, 0xe0, 0x87, 0x56, 0xfa, 0x4c, 0x87, 0x70, 0x87, 0x40)));
    expect(text).toBe('髙髙ⅢⅢ㎝①');
    await context.close();
  });
});
