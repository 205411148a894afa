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

/** Build B: build A with a changed home page and a lazily loaded chunk under a new name, as a real rebuild gives. */
async function nextBuild(from: string): Promise<{ dir: string; oldChunk: string }> {
  const dir = copyOf(from);
  const home = join(dir, 'ja/index.html');
  writeFileSync(home, readFileSync(home, 'utf8').replace('</main>', '<p data-build="b">新しいビルド</p></main>'));
  const oldChunk = readdirSync(join(dir, '_banso')).find((file) => file.startsWith('search-results') && file.endsWith('.js'))!;
  renameSync(join(dir, '_banso', oldChunk), join(dir, '_banso/search-results.NEWBUILD.js'));
  for (const file of readdirSync(join(dir, '_banso')).filter((f) => f.endsWith('.js'))) {
    const path = join(dir, '_banso', file);
    const text = readFileSync(path, 'utf8');
    if (text.includes(oldChunk)) writeFileSync(path, text.replaceAll(oldChunk, 'search-results.NEWBUILD.js'));
  }
  await writeServiceWorker(dir);
  return { dir, oldChunk };
}

describe('offline: a new build', () => {
  let site: SwitchableSite;
  let watched: WatchedPage;
  beforeAll(async () => {
    site = await serveSwitchable(copyOf(rootSite.dir), '/');
    watched = await openWatchedPage(browser, { serviceWorkers: 'allow' });
  });
  afterAll(async () => {
    expect(watched.foreignRequests).toEqual([]);
    await watched.context.close();
    await site.close();
  });

  it('is offered on every open page, kept waiting until asked, and loses nothing typed when the person reloads', async () => {
    const { page, context } = watched;
    const exercise = `${site.url}ja/exercises/assignment-meaning/`;
    await page.goto(exercise);
    await offlineReady(page);
    const older = await context.newPage();
    const olderErrors: string[] = [];
    older.on('pageerror', (error) => olderErrors.push(error.message));
    await older.goto(`${site.url}ja/`);
    const headingBefore = await page.locator('h1').boundingBox();

    const { dir: buildB, oldChunk } = await nextBuild(site.url && rootSite.dir);
    site.deploy(buildB);
    const asked = site.requests.length;
    await page.reload(); // a navigation: the browser looks for a new worker
    const reload = bar(page).getByRole('button', { name: '再読み込み' });
    await reload.waitFor();
    await expect(bar(page).getByRole('status').textContent()).resolves.toBe('キットの新しいバージョンがあります。再読み込みすると切り替わります。');
    await bar(older).getByRole('button', { name: '再読み込み' }).waitFor(); // the other open page is told too
    // Fixed to the window's bottom edge: nothing on the page moved.
    expect(await page.locator('h1').boundingBox()).toEqual(headingBefore);
    await expect(bar(page).evaluate((element) => getComputedStyle(element).position)).resolves.toBe('fixed');
    expect(describeViolations(await axeViolations(page))).toEqual([]);
    // Only what changed was downloaded: the home page, the renamed chunk, the chunks naming it, the worker.
    const downloaded = site.requests.slice(asked);
    expect(downloaded.length).toBeLessThan(10);
    expect(downloaded).toContain('ja/index.html');
    expect(downloaded.some((path) => path.startsWith('pagefind/'))).toBe(false);
    // The new build waits in a cache of its own; both pages still show the old build.
    await expect(page.evaluate(async () => (await caches.keys()).filter((name) => name.startsWith('banso:')).length)).resolves.toBe(2);
    await expect(older.locator('[data-build="b"]').count()).resolves.toBe(0);
    // It waits for the person: a page opened now still gets the old build, from the old worker.
    const opened = await context.newPage();
    await opened.goto(`${site.url}ja/`);
    await expect(opened.locator('h1').isVisible()).resolves.toBe(true);
    await expect(opened.locator('[data-build="b"]').count()).resolves.toBe(0);
    await opened.close();
    await expect(page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting?.state)).resolves.toBe('installed');

    // Typed, not yet saved (the exercise saves after 600 ms), then Reload by keyboard at once.
    await page.getByLabel('任せる仕事', { exact: true }).fill('更新の直前に書いた答え');
    await reload.focus();
    await Promise.all([page.waitForEvent('framenavigated'), page.keyboard.press('Enter')]);
    await page.waitForLoadState();
    await expect(page.getByLabel('任せる仕事', { exact: true }).inputValue()).resolves.toBe('更新の直前に書いた答え');
    await expect(bar(page).getByRole('button').first().isVisible()).resolves.toBe(false);

    // The page of the old build, now under the new worker, still loads its lazily loaded chunk, which the server
    // no longer has: from the old build's cache, kept while that page is open.
    expect(existsIn(buildB, `_banso/${oldChunk}`)).toBe(false);
    await older.keyboard.press('Control+k');
    await older.getByRole('dialog').getByRole('status').filter({ hasText: 'キーワードを入力してください。' }).waitFor();
    await older.reload();
    await older.locator('[data-build="b"]').waitFor();
    expect(olderErrors).toEqual([]);
    // No page of the old build is left: its cache goes at the next page load.
    await page.goto(`${site.url}ja/modules/`);
    await expect.poll(() => page.evaluate(async () => (await caches.keys()).filter((name) => name.startsWith('banso:')).length)).toBe(1);
  });
});

function existsIn(dir: string, file: string): boolean {
  try {
    readFileSync(join(dir, file));
    return true;
  } catch {
    return false;
  }
}

describe('offline: when something goes wrong', () => {
  it('fetches a missing or damaged cache entry from the network', async () => {
    const site = await serveSwitchable(copyOf(rootSite.dir), '/');
    const watched = await openWatchedPage(browser, { serviceWorkers: 'allow' });
    try {
      const { page } = watched;
      await page.goto(`${site.url}ja/`);
      const { caches: [name] } = await offlineReady(page);
      await page.evaluate(
        async ({ name, base }) => {
          const cache = await caches.open(name!);
          await cache.delete(`${base}ja/guides/privacy/index.html`);
          await cache.put(`${base}ja/guides/deployment/index.html`, new Response('damaged', { status: 500 }));
        },
        { name, base: site.url },
      );
      const asked = site.requests.length;
      for (const path of ['ja/guides/privacy/', 'ja/guides/deployment/']) {
        expect((await page.goto(`${site.url}${path}`))?.status(), path).toBe(200);
        await expect(page.locator('h1').isVisible()).resolves.toBe(true);
      }
      expect(site.requests.slice(asked)).toEqual(['ja/guides/privacy/', 'ja/guides/deployment/']);
      expect(watched.errors).toEqual([]);
    } finally {
      await watched.context.close();
      await site.close();
    }
  });

  it('keeps working from the network when a worker’s caches are gone (storage cleared or evicted)', async () => {
    const site = await serveSwitchable(copyOf(rootSite.dir), '/');
    const watched = await openWatchedPage(browser, { serviceWorkers: 'allow' });
    try {
      const { page } = watched;
      await page.goto(`${site.url}ja/`);
      await offlineReady(page);
      await page.evaluate(async () => Promise.all((await caches.keys()).map((name) => caches.delete(name))));
      await page.goto(`${site.url}ja/modules/`);
      await expect(page.locator('h1').isVisible()).resolves.toBe(true);
      expect(await searchFor(page, '基準')).toContain('/ja/guides/configuration/');
      expect(watched.errors).toEqual([]);
    } finally {
      await watched.context.close();
      await site.close();
    }
  });

  it('leaves no worker and a working site when storage is too small for the first install', async () => {
    const site = await serveSwitchable(copyOf(rootSite.dir), '/');
    const watched = await openWatchedPage(browser, { serviceWorkers: 'allow' });
    try {
      const { page, context } = watched;
      const cdp = await context.newCDPSession(page);
      await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(site.url).origin, quotaSize: 2 * 1024 * 1024 });
      await page.goto(`${site.url}ja/`);
      // The install began (it downloads the search index among the rest), then failed and left nothing behind.
      await expect.poll(() => site.requests.some((path) => path.startsWith('pagefind/')), { timeout: 30_000 }).toBe(true);
      await expect
        .poll(
          () =>
            page.evaluate(async () => {
              const registration = await navigator.serviceWorker.getRegistration();
              return { installing: !!registration?.installing, active: !!registration?.active, caches: (await caches.keys()).length };
            }),
          { timeout: 30_000 },
        )
        .toEqual({ installing: false, active: false, caches: 0 }); // the half-filled cache is gone
      await page.goto(`${site.url}ja/modules/`);
      await expect(page.locator('h1').isVisible()).resolves.toBe(true);
      await expect(bar(page).getByRole('button').first().isVisible()).resolves.toBe(false);
      expect(watched.errors).toEqual([]);
    } finally {
      await watched.context.close();
      await site.close();
    }
  });

  it('keeps the installed build when storage is too small for the next one', async () => {
    const site = await serveSwitchable(copyOf(rootSite.dir), '/');
    const watched = await openWatchedPage(browser, { serviceWorkers: 'allow' });
    try {
      const { page, context } = watched;
      await page.goto(`${site.url}ja/`);
      const { caches: installed } = await offlineReady(page);
      const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(site.url).origin, quotaSize: usage + 1024 * 1024 });
      site.deploy((await nextBuild(rootSite.dir)).dir);
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update().catch(() => {}));
      await expect
        .poll(() => page.evaluate(async () => { const registration = await navigator.serviceWorker.getRegistration(); return !registration?.installing && !registration?.waiting && registration?.active?.state; }), { timeout: 30_000 })
        .toBe('activated');
      await expect(page.evaluate(async () => (await caches.keys()).filter((name) => name.startsWith('banso:')))).resolves.toEqual(installed);
      await goOffline(watched, site);
      await page.goto(`${site.url}ja/modules/`);
      await expect(page.locator('h1').isVisible()).resolves.toBe(true);
      await expect(bar(page).getByRole('button').first().isVisible()).resolves.toBe(false);
    } finally {
      await watched.context.close();
      await site.close();
    }
  });

  it('works where service workers are blocked', async () => {
    const watched = await openWatchedPage(browser, { serviceWorkers: 'block' });
    const site = await serveSwitchable(copyOf(rootSite.dir), '/');
    try {
      const { page } = watched;
      await page.goto(`${site.url}ja/`);
      expect(await searchFor(page, '基準')).toContain('/ja/guides/configuration/');
      await expect(page.evaluate(() => navigator.serviceWorker?.controller ?? null)).resolves.toBeNull();
      expect(watched.errors).toEqual([]);
    } finally {
      await watched.context.close();
      await site.close();
    }
  });

  for (const locale of ['ja', 'en']) {
    it(`switches offline use off with the kill switch of the ${locale} deployment guide`, async () => {
      const guide = readFileSync(new URL(`../../content/guides/${locale}/deployment.mdx`, import.meta.url), 'utf8');
      const killSwitch = guide.match(/```js\n(\/\/ sw\.js[\s\S]*?)```/)?.[1];
      expect(killSwitch).toBeDefined();
      const site = await serveSwitchable(copyOf(rootSite.dir), '/');
      const watched = await openWatchedPage(browser, { serviceWorkers: 'allow' });
      try {
        const { page } = watched;
        await page.goto(`${site.url}ja/`);
        await offlineReady(page);
        const withKillSwitch = copyOf(rootSite.dir);
        writeFileSync(join(withKillSwitch, 'sw.js'), killSwitch!);
        site.deploy(withKillSwitch);
        await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
        await expect.poll(() => page.evaluate(async () => (await caches.keys()).length), { timeout: 30_000 }).toBe(0);
        const asked = site.requests.length;
        await page.goto(`${site.url}ja/modules/`);
        await expect(page.locator('h1').isVisible()).resolves.toBe(true);
        expect(site.requests.slice(asked)).toContain('ja/modules/'); // from the server, not a cache
        expect(watched.errors).toEqual([]);
      } finally {
        await watched.context.close();
        await site.close();
      }
    });
  }
});
