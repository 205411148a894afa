/**
 * Scanning with the camera: Chromium's fake camera films a participant's QR code, and the dashboard reads it
 * with the bundled decoder (Chromium on Linux has no native BarcodeDetector) into the code box, once only.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { encodeResponse, type SurveyResponse } from '../../src/lib/survey/response-code.ts';
import { launchChromium } from '../support/browser.ts';
import { writeQrVideo } from '../support/fake-camera.ts';
import { testOutput } from '../support/sites.ts';

const siteUrl = inject('rootSiteUrl');
const response: SurveyResponse = {
  instrumentVersion: 1, wave: 'before', role: 0, stage: null, responseId: '00000000cafe', day: '2026-11-20',
  cohort: 'CAM', anonymousCode: null, answers: Array.from({ length: 36 }, (_, i) => (i % 5) + 1), evaluation: null, comment: null,
};
const code = encodeResponse(response);
let browser: Browser;

beforeAll(async () => {
  const video = `${testOutput}qr-camera.y4m`;
  writeQrVideo(code, video);
  browser = await launchChromium(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${video}`]);
});
afterAll(async () => {
  await browser?.close();
});

describe('dashboard camera scanning', () => {
  it('reads a QR code from the camera into the code box, once, and stops the camera when asked', async () => {
    const context = await browser.newContext({ permissions: ['camera'], locale: 'en-GB' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${siteUrl}en/facilitator/dashboard/`);
    await page.getByLabel('Name of a new dataset').fill('Camera');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('button', { name: 'Scan QR codes with the camera' }).click();
    await page.getByText('Code read (number 1).').waitFor({ timeout: 20_000 });
    await page.waitForTimeout(1000); // more frames of the same code are not added again
    await expect(page.getByLabel('Response codes (one per line)').inputValue()).resolves.toBe(code);
    await page.getByRole('button', { name: 'Stop scanning' }).click();
    await expect(page.locator('.bn-scanner-video').isVisible()).resolves.toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });
});
