/**
 * When an island's scripts cannot run (JavaScript off, or its script blocked by an extension or a security
 * policy), the space it would fill says so, in the page's language, instead of staying blank: first "Loading…",
 * then, a few seconds on, what happened and what the person can do. A normal load never shows that message. The
 * phone menu, collapsed from the first paint so nothing moves, opens on its own when its script never runs.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, describeViolations, launchChromium, openWatchedPage } from '../support/browser.ts';
import en from '../../content/i18n/en.json';
import ja from '../../content/i18n/ja.json';

const siteUrl = inject('rootSiteUrl');
const text = { ja, en } as const;

/** Each island page and the fallback kind it uses. */
const islands = [
  { path: 'exercises/will-can-must/', kind: 'exercise', kept: 'participant' },
  { path: 'survey/', kind: 'survey', kept: 'participant' },
  { path: 'workbook/', kind: 'workbook', kept: 'participant' },
  { path: 'facilitator/sessions/', kind: 'sessions', kept: 'facilitator' },
  { path: 'facilitator/dashboard/', kind: 'dashboard', kept: 'facilitator' },
  { path: 'facilitator/report/', kind: 'report', kept: 'facilitator' },
  { path: 'facilitator/plan/', kind: 'planner', kept: 'planner' },
] as const;
/** The fallback's reveal delay is 6 s; this leaves room for a loaded machine. */
const revealWithin = 10_000;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Abort the requests for the island's own script (and Astro's retry of it), as a blocking extension would. */
async function blockIslandScript(page: Page, pageUrl: string) {
  const html = await (await page.context().request.get(pageUrl)).text();
  const componentUrls = [...html.matchAll(/component-url="([^"]+)"/g)].map((match) => new URL(match[1]!, pageUrl).pathname);
  expect(componentUrls.length).toBeGreaterThan(0);
  await page.route((url) => componentUrls.includes(url.pathname), (route) => route.abort('blockedbyclient'));
}

/** The message the fallback reveals, as the person sees it: visible, with all three of its parts. */
async function expectStuckMessage(page: Page, locale: 'ja' | 'en', kept: string) {
  const strings = text[locale] as Record<string, string>;
  const main = page.locator('main');
  await main.getByText(strings['island.stuck.title']!).waitFor({ state: 'visible', timeout: revealWithin });
  await expect(main.getByText(strings['island.stuck.why']!).isVisible()).resolves.toBe(true);
  await expect(main.getByText(`${strings['island.stuck.what']} ${strings[`island.stuck.kept.${kept}`]}`).isVisible()).resolves.toBe(true);
}

// Each of these waits out the fallback's 6 s reveal and little else, so they wait side by side (each in its own
// browser context), not one after another.
describe.concurrent('an island whose script is blocked', () => {
  for (const locale of ['ja', 'en'] as const) {
    for (const { path, kind, kept } of islands) {
      it(`says it is loading, then that it could not start and what to do, on /${locale}/${path}`, async () => {
        const watched = await openWatchedPage(browser, { locale: locale === 'ja' ? 'ja-JP' : 'en-GB' });
        const { page } = watched;
        try {
          const pageUrl = `${siteUrl}${locale}/${path}`;
          await blockIslandScript(page, pageUrl);
          const started = Date.now();
          await page.goto(pageUrl);
          const strings = text[locale] as Record<string, string>;
          // Real text from the first paint, so a screen reader finds the page is not empty; the message waits.
          await expect(page.locator('main').getByText(strings[`island.loading.${kind}`]!).isVisible()).resolves.toBe(true);
          await expect(page.locator('main').getByText(strings['island.stuck.title']!).isVisible()).resolves.toBe(false);
          await expectStuckMessage(page, locale, kept);
          expect(Date.now() - started).toBeGreaterThanOrEqual(5000);
          await expect(page.locator('main').getByText(strings[`island.loading.${kind}`]!).isVisible()).resolves.toBe(false);
          expect(watched.foreignRequests).toEqual([]);
        } finally {
          await watched.context.close();
        }
      });
    }
  }

  it('passes axe in that state', async () => {
    for (const path of ['ja/survey/', 'en/facilitator/dashboard/']) {
      const watched = await openWatchedPage(browser);
      try {
        await blockIslandScript(watched.page, `${siteUrl}${path}`);
        await watched.page.goto(`${siteUrl}${path}`);
        await expectStuckMessage(watched.page, path.startsWith('ja') ? 'ja' : 'en', path.includes('survey') ? 'participant' : 'facilitator');
        expect(describeViolations(await axeViolations(watched.page, { islandsDrawn: false })), path).toEqual([]);
      } finally {
        await watched.context.close();
      }
    }
  });

  it('still shows the message when the person asks for reduced motion', async () => {
    const context = await browser.newContext({ reducedMotion: 'reduce', serviceWorkers: 'block' });
    try {
      const page = await context.newPage();
      await blockIslandScript(page, `${siteUrl}en/survey/`);
      await page.goto(`${siteUrl}en/survey/`);
      await expectStuckMessage(page, 'en', 'participant');
    } finally {
      await context.close();
    }
  });
});

describe('with JavaScript turned off', () => {
  for (const locale of ['ja', 'en'] as const) {
    for (const { path, kept } of islands) {
      it(`says the page could not start and what to do, on /${locale}/${path}`, async () => {
        const context = await browser.newContext({ javaScriptEnabled: false, locale: locale === 'ja' ? 'ja-JP' : 'en-GB' });
        try {
          const page = await context.newPage();
          await page.goto(`${siteUrl}${locale}/${path}`);
          await expectStuckMessage(page, locale, kept);
        } finally {
          await context.close();
        }
      });
    }
  }

  it('shows the phone menu open', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    try {
      const page = await context.newPage();
      await page.goto(`${siteUrl}ja/`);
      await page.getByRole('navigation', { name: 'メイン' }).waitFor({ state: 'visible', timeout: revealWithin });
      await expect(page.getByRole('link', { name: 'English' }).isVisible()).resolves.toBe(true);
    } finally {
      await context.close();
    }
  });
});

describe('a normal load', () => {
  it('replaces the fallback with the island and never shows the message', async () => {
    const watched = await openWatchedPage(browser, { locale: 'en-GB' });
    const { page } = watched;
    try {
      for (const locale of ['ja', 'en'] as const) {
        for (const { path } of islands) {
          await page.goto(`${siteUrl}${locale}/${path}`);
          await page.waitForFunction(() => !document.querySelector('astro-island[ssr]'));
          await expect(page.locator('[data-island-fallback]').count(), `${locale}/${path}`).resolves.toBe(0);
        }
      }
      // Past the reveal delay, on a page left open: still nothing.
      await page.waitForTimeout(7000);
      await expect(page.getByText(en['island.stuck.title']).count()).resolves.toBe(0);
      expect(watched.foreignRequests).toEqual([]);
      expect(watched.errors).toEqual([]);
    } finally {
      await watched.context.close();
    }
  });
});

describe('the phone menu when scripts are blocked', () => {
  it('is closed, with its button, from the first paint, and opens on its own when its script never runs', async () => {
    const watched = await openWatchedPage(browser, { viewport: { width: 390, height: 844 } });
    const { page } = watched;
    try {
      // Every script, inline ones included, as a policy that allows none would block them.
      const pageUrl = `${siteUrl}ja/modules/people-manager/facilitator/`;
      await page.route(pageUrl, async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': "script-src 'none'" } });
      });
      await page.goto(pageUrl);
      await expect(page.getByRole('navigation', { name: 'メイン' }).isVisible()).resolves.toBe(false);
      await page.getByRole('navigation', { name: 'メイン' }).waitFor({ state: 'visible', timeout: revealWithin });
      await expect(page.getByRole('link', { name: 'English' }).isVisible()).resolves.toBe(true);
    } finally {
      await watched.context.close();
    }
  });
});
