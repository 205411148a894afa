/**
 * The site works under the security headers the deployment guide recommends: the test server sends exactly
 * those headers (tests/support/serve-sites.ts), and here every interactive page is used while the browser
 * reports each Content Security Policy violation. Islands must render, and no violation may occur.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { recommendedHeaders } from '../../src/lib/security/recommended-headers.ts';
import { launchChromium, openWatchedPage, type WatchedPage } from '../support/browser.ts';
import { answerWholeSurvey } from '../support/survey-by-clicking.ts';
import { testOutput } from '../support/sites.ts';

const siteUrl = inject('rootSiteUrl');
const kitUrl = inject('kitSiteUrl');

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Collects every CSP violation in the context, across navigations, as "directive blocked URI at page". */
async function watchViolations(context: BrowserContext): Promise<string[]> {
  const violations: string[] = [];
  await context.exposeFunction('bansoReportViolation', (line: string) => violations.push(line));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { bansoReportViolation(line: string): void }).bansoReportViolation(`${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'} at ${location.pathname}`);
    });
  });
  return violations;
}

/** Islands have hydrated (Astro drops their "ssr" attribute) and the given island content is on screen. */
async function expectRendered(page: Page, content: Locator) {
  await page.waitForFunction(() => !document.querySelector('astro-island[ssr]'));
  // Waits: an island may render its content a moment after hydrating (after reading IndexedDB, say), later still
  // while the service worker downloads the site for offline use in the background.
  await content.first().waitFor({ state: 'visible', timeout: 10_000 });
}

describe('security headers', () => {
  for (const [label, base] of [
    ['at the root', siteUrl],
    ['under /kit/', kitUrl],
  ] as const) {
    it(`are sent ${label} exactly as the deployment guide recommends, on pages and on the 404 page`, async () => {
      for (const path of ['', 'ja/survey/', '_banso/', 'no-such-page/']) {
        const response = await fetch(`${base}${path}`);
        for (const [name, value] of Object.entries(recommendedHeaders)) expect(response.headers.get(name), `${name} on /${path}`).toBe(value);
      }
    });
  }

  it('catch a violation when one happens, so the checks below can fail', async () => {
    const context = await browser.newContext();
    const violations = await watchViolations(context);
    const page = await context.newPage();
    await page.goto(`${siteUrl}ja/`);
    // A string handed to setTimeout is evaluated as code, which the policy forbids.
    await page.evaluate(() => setTimeout('void 0' as unknown as () => void));
    await expect.poll(() => violations.length).toBeGreaterThan(0);
    expect(violations[0]).toMatch(/^script-src/);
    await context.close();
  });

  describe('every interactive page works under them', () => {
    let watched: WatchedPage;
    let violations: string[];
    beforeAll(async () => {
      watched = await openWatchedPage(browser, { locale: 'en-GB' });
      violations = await watchViolations(watched.context);
      watched.page.on('dialog', (dialog) => dialog.accept());
    });
    afterAll(async () => {
      expect(watched.foreignRequests).toEqual([]);
      expect(watched.errors).toEqual([]);
      await watched.context.close();
    });

    it('renders an exercise and saves an answer', async () => {
      const { page } = watched;
      await page.goto(`${siteUrl}en/exercises/will-can-must/`);
      await expectRendered(page, page.locator('.bn-exercise textarea, .bn-exercise input[type="text"]'));
      await page.locator('.bn-exercise textarea, .bn-exercise input[type="text"]').first().fill('Lead the spring onboarding');
      await page.getByText(/^Saved on this device at/).waitFor();
      expect(violations).toEqual([]);
    });

    it('renders the workbook with that answer', async () => {
      const { page } = watched;
      await page.goto(`${siteUrl}en/workbook/`);
      await expectRendered(page, page.locator('.bn-take-away'));
      await expect(page.locator('.bn-take-away').textContent()).resolves.toContain('Lead the spring onboarding');
      expect(violations).toEqual([]);
    });

    it('runs search (Pagefind, WebAssembly) and finds pages', async () => {
      const { page } = watched;
      await page.getByRole('button', { name: 'Search' }).click();
      await page.getByRole('searchbox').fill('survey');
      await page.getByRole('dialog').getByRole('status').filter({ hasText: /^\d+ results?\.$/ }).waitFor();
      await expect(page.getByRole('dialog').locator('.results a').count()).resolves.toBeGreaterThan(0);
      await page.keyboard.press('Escape');
      expect(violations).toEqual([]);
    });

    it('runs the survey to its report, with the radar chart and the QR code', async () => {
      const { page } = watched;
      await answerWholeSurvey(page, `${siteUrl}en/survey/`);
      await page.waitForFunction(() => (document.querySelector('.bn-radar canvas') as HTMLCanvasElement | null)?.width! > 0);
      await expect(page.locator('.bn-qr svg').count()).resolves.toBe(1);
      await page.locator('.bn-qr').screenshot({ path: `${testOutput}csp-qr.png` });
      expect(violations).toEqual([]);
    });

    it('creates a survey session (WebCrypto, IndexedDB) on the sessions page', async () => {
      const { page } = watched;
      await page.goto(`${siteUrl}en/facilitator/sessions/`);
      await expectRendered(page, page.getByLabel('Group code (optional)'));
      await page.getByLabel('Group code (optional)').fill('CSP-1');
      await page.getByLabel('Backup passphrase', { exact: true }).fill('harbour lantern pebble orbit');
      await page.getByLabel('Backup passphrase again').fill('harbour lantern pebble orbit');
      await page.getByRole('button', { name: 'Create the session' }).click();
      await page.getByRole('heading', { name: /^CSP-1/ }).waitFor();
      expect(violations).toEqual([]);
    });

    it('fills the dashboard with demo data, reads a QR screenshot with the bundled decoder and runs the worker', async () => {
      const { page } = watched;
      await page.goto(`${siteUrl}en/facilitator/dashboard/`);
      await expectRendered(page, page.getByRole('button', { name: 'Try it with made-up demo data' }));
      await page.getByRole('button', { name: 'Try it with made-up demo data' }).click();
      await page.getByText(/^Analysing \d+ responses/).first().waitFor({ timeout: 30_000 });
      // Chromium on Linux has no BarcodeDetector, so this goes through the WebAssembly decoder and a blob: image.
      await page.getByLabel('Read QR codes from images').setInputFiles(`${testOutput}csp-qr.png`);
      await page.getByText('Read codes from 1 images.').waitFor();
      await expect(page.getByLabel('Response codes (one per line)').inputValue()).resolves.toMatch(/^BN/);
      await page.getByRole('button', { name: /Compute the intervals/ }).click();
      await page.getByText(/Computed from [\d,]+ resamples/).waitFor({ timeout: 90_000 });
      expect(violations).toEqual([]);
    }, 150_000);
  });
});
