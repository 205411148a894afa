/**
 * The site works under the security headers the deployment guide recommends, as deployed: the test server sends
 * exactly those headers (tests/support/serve-sites.ts), including the strict Content Security Policy (scripts
 * and styles from the site only, nothing inline), and the pages carry the same policy in a <meta> element. Here
 * every built page is opened and every interactive flow used while the browser reports each violation; islands
 * must render, and no violation, console error or request to another origin may occur. (Every other browser
 * test runs under the same headers and fails on a console error, which is how Chromium reports a violation.)
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { recommendedHeaders } from '../../src/lib/security/recommended-headers.ts';
import { launchChromium, openWatchedPage, type WatchedPage } from '../support/browser.ts';
import { answerWholeSurvey } from '../support/survey-by-clicking.ts';
import { kitSite, rootSite, testOutput } from '../support/sites.ts';
import { listPages, oneOfEachKind, pagePathOf } from '../support/built-files.ts';

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

  /** Every page at the root; under /kit/, where only the base differs, one page of each kind. */

  for (const [label, site, base, choose] of [
    ['at the root', rootSite, siteUrl, (paths: string[]) => paths],
    ['under /kit/ (one page of each kind)', kitSite, kitUrl, (paths: string[]) => oneOfEachKind(paths)],
  ] as const) {
    it(`let every built page ${label} load and start its interactive parts with no violation, error or foreign request`, async () => {
      const watched = await openWatchedPage(browser, { locale: 'en-GB' });
      const violations = await watchViolations(watched.context);
      const paths = choose(listPages(site.dir).map((file) => pagePathOf(site.dir, file)));
      expect(paths.length).toBeGreaterThan(20);
      const notStarted: string[] = [];
      for (const path of paths) {
        await watched.page.goto(`${base}${path}`);
        // An island whose script is blocked never loses its "ssr" attribute.
        const started = await watched.page
          .waitForFunction(() => !document.querySelector('astro-island[ssr]'), undefined, { timeout: 10_000 })
          .then(() => true, () => false);
        if (!started) notStarted.push(path);
        // A frame for what the islands draw on starting (their styles, say) to be checked too.
        await watched.page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 30))));
      }
      expect(notStarted).toEqual([]);
      expect(violations).toEqual([]);
      expect(watched.errors).toEqual([]);
      expect(watched.foreignRequests).toEqual([]);
      await watched.context.close();
    }, 400_000);
  }

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

    it('exports the workbook to a file and imports it back', async () => {
      const { page } = watched;
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export all exercises to a file' }).click()]);
      await page.getByLabel('Import an exported file').setInputFiles((await download.path())!);
      await page.getByText('The file holds 1 exercise.').waitFor();
      await page.getByRole('button', { name: /^Replace/ }).click();
      await page.getByText('1 exercise imported.').waitFor();
      expect(violations).toEqual([]);
    });

    it('moves the facilitator guide\'s times from another start time', async () => {
      const { page } = watched;
      await page.goto(`${siteUrl}en/modules/people-manager/facilitator/`);
      await page.getByLabel('Start time').fill('09:30');
      await page.getByLabel('Start time').dispatchEvent('change');
      await expect.poll(() => page.locator('.bn-run-sheet tbody tr td').first().textContent()).toMatch(/^9:30–/);
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
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the response file' }).click()]);
      await download.saveAs(`${testOutput}csp-response.json`);
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
      await page.getByText('Read codes from 1 image.').waitFor();
      await expect(page.getByLabel('Response codes (one per line)').inputValue()).resolves.toMatch(/^BN/);
      await page.getByRole('button', { name: /Compute the intervals/ }).click();
      await page.getByText(/Computed from [\d,]+ resamples/).waitFor({ timeout: 90_000 });
      // Chart.js draws on canvases the analyses size through the CSS object model, which the policy allows.
      await expect.poll(() => page.locator('.bn-analyses canvas').evaluateAll((canvases) => canvases.filter((canvas) => (canvas as HTMLCanvasElement).width > 0).length)).toBeGreaterThan(0);
      expect(violations).toEqual([]);
    }, 150_000);

    it('imports the survey\'s response file and a Microsoft Forms CSV into new datasets', async () => {
      const { page } = watched;
      await page.getByLabel('Name of a new dataset').fill('Policy check');
      await page.getByRole('button', { name: 'Create' }).click();
      await page.getByText('Created the dataset “Policy check”.').waitFor();
      await page.locator('#bn-import-files').setInputFiles(`${testOutput}csp-response.json`);
      await page.getByRole('button', { name: 'Check', exact: true }).click();
      await page.getByRole('button', { name: 'Add 1 response' }).click();
      await page.getByText('Added 1 response.').waitFor();
      await page.getByLabel('Name of a new dataset').fill('Policy check, forms');
      await page.getByLabel('Survey version').selectOption({ label: 'Version 1 (an earlier survey)' });
      await page.getByRole('button', { name: 'Create' }).click();
      await page.getByText('Created the dataset “Policy check, forms”.').waitFor();
      await page.locator('#bn-import-files').setInputFiles(new URL('../fixtures/dashboard/ms-forms-ja.csv', import.meta.url).pathname);
      await page.getByRole('button', { name: 'Check', exact: true }).click();
      await page.getByRole('heading', { name: "Match the CSV's columns" }).waitFor();
      await page.getByLabel('When answered', { exact: true }).first().selectOption('before');
      await page.getByRole('button', { name: 'Check', exact: true }).click();
      await page.getByRole('button', { name: 'Add 4 responses' }).click();
      await page.getByText('Added 4 responses.').waitFor();
      expect(violations).toEqual([]);
    });

    it('prints the organisation report from the dataset with the analysis worker', async () => {
      const { page } = watched;
      await page.goto(`${siteUrl}en/facilitator/report/`);
      await page.locator('[data-report="ready"], [data-report="empty"]').first().waitFor({ timeout: 30_000 });
      await expect(page.locator('[data-report="ready"]').count()).resolves.toBe(1);
      expect(violations).toEqual([]);
    });

    it('plans a session, runs it and opens the projector window', async () => {
      const { page, context } = watched;
      await page.goto(`${siteUrl}en/facilitator/plan/`);
      await page.getByLabel('Module', { exact: true }).selectOption('people-manager');
      await page.getByRole('button', { name: 'Start a plan from this module' }).click();
      await page.goto(new URL((await page.locator('[data-run-link]').first().getAttribute('href'))!, siteUrl).href);
      await page.locator('[data-run-console]').waitFor();
      const opened = context.waitForEvent('page');
      await page.getByRole('button', { name: 'Open the projector window' }).click();
      const projector = await opened;
      await page.getByRole('button', { name: 'Start', exact: true }).click();
      await projector.waitForLoadState();
      await expect.poll(() => projector.locator('main').textContent()).not.toBe('');
      await projector.close();
      expect(violations).toEqual([]);
    });
  });
});
