/**
 * Offline use (issue 15): after a first visit the service worker has the whole build, and the site works with the
 * network gone (pages, an exercise, the survey to its report, search, the dashboard's analyses), at the root and
 * under /kit/. A new build is offered, never forced; pages of the old build keep working; a damaged cache, full
 * storage, blocked workers and the kill switch of the deployment guide leave a working site.
 *
 * Each test serves a copy of a test build from its own host (tests/support/switchable-site.ts), which it can switch
 * to another build or take off the network; the browser is set offline as well.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openWatchedPage, axeViolations, describeViolations, type WatchedPage } from '../support/browser.ts';
import { kitSite, rootSite } from '../support/sites.ts';
import { serveSwitchable, type SwitchableSite } from '../support/switchable-site.ts';
import { isPrecached } from '../../src/lib/offline/precache.ts';
import { writeServiceWorker } from '../../src/integrations/service-worker.ts';

let browser: Browser;
const copies: string[] = [];
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

function copyOf(dir: string): string {
  const copy = mkdtempSync(join(tmpdir(), 'banso-offline-'));
  cpSync(dir, copy, { recursive: true });
  copies.push(copy);
  return copy;
}

const precachedFiles = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .filter(isPrecached);

/** Waits until the worker controls the page, which it does once the whole build is in its cache. */
async function offlineReady(page: Page): Promise<{ caches: string[]; entries: number }> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60_000 });
  return page.evaluate(async () => {
    const names = (await caches.keys()).filter((name) => name.startsWith('banso:'));
    const newest = await caches.open(names.at(-1)!);
    return { caches: names, entries: (await newest.keys()).length };
  });
}

const bar = (page: Page) => page.locator('[data-banso-update]');

async function goOffline(watched: WatchedPage, site: SwitchableSite) {
  site.online = false;
  await watched.context.setOffline(true);
}

async function searchFor(page: Page, term: string) {
  await page.keyboard.press('Control+k');
  await page.getByRole('searchbox').fill(term);
  await page.waitForFunction((query) => document.querySelector<HTMLElement>('[data-results]')?.dataset.query === query, term);
  return page.getByRole('dialog').getByRole('listitem').getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
}

describe('offline: the site at the root after one visit', () => {
  let site: SwitchableSite;
  let watched: WatchedPage;
  let dir: string;
  beforeAll(async () => {
    dir = copyOf(rootSite.dir);
    site = await serveSwitchable(dir, '/');
    watched = await openWatchedPage(browser, { serviceWorkers: 'allow' });
  });
  afterAll(async () => {
    expect(watched.foreignRequests).toEqual([]);
    expect(watched.errors).toEqual([]);
    await watched.context.close();
    await site.close();
  });

  it('keeps every file of the build after the first visit', async () => {
    const { page } = watched;
    await page.goto(`${site.url}ja/`);
    const ready = await offlineReady(page);
    expect(ready.caches).toHaveLength(1);
    // Every precached file, plus the worker's own file list and its note of retired caches.
    expect(ready.entries).toBe(precachedFiles(dir).length + 2);
    expect(precachedFiles(dir).filter((file) => file.startsWith('pagefind/')).length).toBeGreaterThan(100);
  });

  it('moves between pages with the network gone, by link, with and without the trailing slash and index.html', async () => {
    const { page } = watched;
    await goOffline(watched, site);
    const before = site.requests.length;
    await page.getByRole('navigation', { name: 'メイン' }).getByRole('link').first().click();
    await page.waitForLoadState();
    await expect(page.locator('h1').count()).resolves.toBe(1);
    for (const [path, landing] of [
      ['ja/modules/', 'ja/modules/'],
      ['ja/modules', 'ja/modules/'],
      ['ja/guides/deployment/index.html', 'ja/guides/deployment/index.html'],
      ['en/', 'en/'],
    ]) {
      const response = await page.goto(`${site.url}${path}`);
      expect(response?.status(), path).toBe(200);
      expect(page.url()).toBe(`${site.url}${landing}`);
      await expect(page.locator('h1').first().isVisible()).resolves.toBe(true);
    }
    const missing = await page.goto(`${site.url}ja/no-such-page/`);
    expect(missing?.status()).toBe(404);
    await expect(page.locator('h1').textContent()).resolves.toMatch(/ページが見つかりません|not found/i);
    expect(site.requests.length).toBe(before); // the host was never reached
  });

  it('keeps an exercise answer across a reload offline', async () => {
    const { page } = watched;
    await page.goto(`${site.url}ja/exercises/assignment-meaning/`);
    await page.getByLabel('任せる仕事', { exact: true }).fill('オフラインで書いた答え');
    await page.locator('.bn-save-status[data-status="saved"]').waitFor();
    await page.reload();
    await expect(page.getByLabel('任せる仕事', { exact: true }).inputValue()).resolves.toBe('オフラインで書いた答え');
  });

  it('takes the survey to its report offline', async () => {
    const { page } = watched;
    const { answerWholeSurvey } = await import('../support/survey-by-clicking.ts');
    await answerWholeSurvey(page, `${site.url}ja/survey/`);
    await expect(page.locator('.bn-report h2').first().isVisible()).resolves.toBe(true);
  });

  it('searches in Japanese offline', async () => {
    const { page } = watched;
    await page.goto(`${site.url}ja/guides/deployment/`);
    const found = await searchFor(page, '基準');
    expect(found).toContain('/ja/guides/configuration/');
  });

  it('loads the dashboard’s demo dataset and analyses it offline, in its Web Worker', async () => {
    const { page } = watched;
    await page.goto(`${site.url}ja/facilitator/dashboard/`);
    await page.getByRole('button', { name: /デモ/ }).click();
    await page.locator('.bn-analyses[aria-busy="false"] #bn-breakdowns').waitFor({ timeout: 30_000 });
    await expect(page.locator('section[aria-labelledby="bn-breakdowns"] table').count()).resolves.toBeGreaterThan(0);
  });
});

describe('offline: the site under /kit/', () => {
  it('moves between pages and searches with the network gone', async () => {
    const site = await serveSwitchable(copyOf(kitSite.dir), '/kit/');
    const watched = await openWatchedPage(browser, { serviceWorkers: 'allow', locale: 'en-GB' });
    try {
      const { page } = watched;
      await page.goto(`${site.url}en/`);
      await offlineReady(page);
      await expect(page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.scope)).resolves.toBe(site.url);
      await goOffline(watched, site);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link').first().click();
      await page.waitForLoadState();
      expect(page.url().startsWith(`${site.url}en/`)).toBe(true);
      expect((await page.goto(`${site.url}ja/guides/privacy`))?.status()).toBe(200);
      expect(page.url()).toBe(`${site.url}ja/guides/privacy/`);
      const found = await searchFor(page, '基準');
      expect(found).toContain('/kit/ja/guides/configuration/');
      expect((await page.goto(`${site.url}ja/nothing/`))?.status()).toBe(404);
      expect(watched.errors).toEqual([]);
      expect(watched.foreignRequests).toEqual([]);
    } finally {
      await watched.context.close();
      await site.close();
    }
  });
});
