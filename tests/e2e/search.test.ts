import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { parse } from 'node-html-parser';
import { launchChromium, openWatchedPage, type WatchedPage } from '../support/browser.ts';
import { listPages, pagePathOf } from '../support/built-files.ts';
import { rootSite } from '../support/sites.ts';

/** Text of one language's pages that Pagefind indexes (inside data-pagefind-body). */
function builtText(locale: string) {
  const documents = listPages(`${rootSite.dir}/${locale}`).map((file) => parse(readFileSync(file, 'utf8')));
  return { indexed: documents.map((d) => d.querySelector('[data-pagefind-body]')?.textContent ?? '').join('\n') };
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function resultLinks(page: Page) {
  const links = page.getByRole('dialog').getByRole('listitem').getByRole('link');
  return links.evaluateAll((anchors) => anchors.map((a) => ({ href: (a as HTMLAnchorElement).getAttribute('href'), text: a.textContent })));
}

/**
 * Every result, not only the first few the dialog shows: presses "Show more results" from the keyboard until it goes
 * (a click's scrolling could load the last batch itself and take the button away under the pointer).
 */
async function showAllResults(page: Page) {
  const more = page.getByRole('dialog').getByRole('button', { name: /さらに結果を表示|Show more results/ });
  const items = page.getByRole('dialog').getByRole('listitem');
  while (await more.isVisible()) {
    const shown = await items.count();
    await more.focus();
    await page.keyboard.press('Enter');
    // Focus moves to the first added result: the next Enter must wait for it, or it would follow that link.
    await expect.poll(() => items.count()).toBeGreaterThan(shown);
  }
}

async function searchFor(page: Page, term: string) {
  const input = page.getByRole('searchbox', { name: /検索語|Search terms/ });
  await input.fill(term);
  await page.waitForFunction((query) => document.querySelector<HTMLElement>('[data-results]')?.dataset.query === query, term);
}

describe('search', () => {
  let watched: WatchedPage;
  const siteUrl = inject('rootSiteUrl');
  beforeAll(async () => {
    watched = await openWatchedPage(browser);
  });
  afterAll(async () => {
    expect(watched.foreignRequests).toEqual([]);
    expect(watched.errors).toEqual([]);
    await watched.context.close();
  });

  it('loads nothing of Pagefind until the dialog is opened', async () => {
    const { page } = watched;
    const pagefindRequests: string[] = [];
    page.on('request', (request) => request.url().includes('/pagefind/') && pagefindRequests.push(request.url()));
    await page.goto(`${siteUrl}ja/guides/deployment/`);
    await page.waitForLoadState('networkidle');
    expect(pagefindRequests).toEqual([]);
    await page.keyboard.press('Control+k');
    await expect(page.getByRole('dialog', { name: 'サイト内を検索' }).isVisible()).resolves.toBe(true);
    await page.getByRole('dialog').getByRole('status').filter({ hasText: 'キーワードを入力してください。' }).waitFor();
    expect(pagefindRequests.some((url) => url.endsWith('/pagefind/pagefind.js'))).toBe(true);
  });

  it('finds Japanese text with a Japanese query, only among Japanese pages', async () => {
    const { page } = watched;
    await expect(page.evaluate(() => document.activeElement?.getAttribute('type'))).resolves.toBe('search');
    // "基準" occurs only inside longer runs of Japanese (プライバシー基準, 集計のプライバシー基準): segmentation must split them.
    await searchFor(page, '基準');
    const links = await resultLinks(page);
    expect(links.map((l) => l.href)).toContain('/ja/guides/configuration/');
    expect(links.every((l) => l.href!.startsWith('/ja/'))).toBe(true);
  });

  it('says plainly when nothing matches', async () => {
    const { page } = watched;
    // Japanese queries are segmented, and single characters can match; pick a term none of whose characters the site uses.
    const { indexed } = builtText('ja');
    const absent = ['麒麟', '鳳凰', '蜃気楼', '鸚鵡'].find((term) => [...term].every((character) => !indexed.includes(character)));
    expect(absent).toBeDefined();
    await searchFor(page, absent!);
    await expect(page.getByRole('dialog').getByRole('status').textContent()).resolves.toContain('見つかりませんでした');
    expect(await resultLinks(page)).toEqual([]);
  });

  it('leaves the site chrome out of the index', async () => {
    const { page } = watched;
    await page.goto(`${siteUrl}en/`);
    await page.keyboard.press('Control+k');
    // "Skip" is in every page's skip link; only pages whose own content uses the word may come back.
    const pages = listPages(`${rootSite.dir}/en`).map((file) => ({
      href: `/${pagePathOf(rootSite.dir, file)}`,
      indexed: parse(readFileSync(file, 'utf8')).querySelector('[data-pagefind-body]')?.textContent ?? '',
    }));
    const indexedPages = pages.filter((p) => p.indexed);
    const withWord = indexedPages.filter((p) => /\bskip/i.test(p.indexed)).map((p) => p.href);
    expect(withWord.length).toBeLessThan(indexedPages.length); // some indexed pages show "Skip" only in their chrome
    await searchFor(page, 'skip');
    const found = (await resultLinks(page)).map((l) => l.href);
    expect(found.filter((href) => !withWord.includes(href!))).toEqual([]);
    await page.goto(`${siteUrl}ja/guides/deployment/`);
    await page.keyboard.press('Control+k');
  });

  it('filters results by kind of page', async () => {
    const { page } = watched;
    await searchFor(page, '参加者');
    await showAllResults(page);
    const all = await resultLinks(page);
    expect(all.some((l) => l.text!.startsWith('ページ'))).toBe(true);
    expect(all.some((l) => l.text!.startsWith('ガイド'))).toBe(true);
    await page.getByRole('group', { name: 'ページの種類' }).getByRole('radio', { name: 'ガイド' }).check();
    await expect.poll(async () => (await resultLinks(page)).every((l) => l.text!.startsWith('ガイド'))).toBe(true);
  });

  it('tells a workshop\'s participant page and facilitator guide apart', async () => {
    const { page } = watched;
    await page.getByRole('group', { name: 'ページの種類' }).getByRole('radio', { name: 'ワークショップ' }).check();
    await searchFor(page, 'アサイン');
    await expect
      .poll(async () => (await resultLinks(page)).filter((l) => l.href!.startsWith('/ja/modules/people-manager/')).map((l) => `${l.href} ${l.text}`).sort())
      .toEqual([
        expect.stringMatching(/^\/ja\/modules\/people-manager\/ ワークショップ 参加者用ページ \S/),
        expect.stringMatching(/^\/ja\/modules\/people-manager\/facilitator\/ ワークショップ ファシリテーターガイド \S/),
      ]);
    await page.getByRole('group', { name: 'ページの種類' }).getByRole('radio', { name: 'すべて' }).check();
  });

  it('filters results to the workshops and exercises for one stage, offering the stages in the model\'s order', async () => {
    const { page } = watched;
    const stageGroup = page.getByRole('group', { name: '対象' });
    const labels = await stageGroup.getByRole('radio').evaluateAll((radios) => radios.map((r) => r.parentElement!.textContent!.trim()));
    // Every stage has at least an exercise that suits it, so all five are offered, then people managers.
    expect(labels).toEqual(['すべて', '入社初期', '専門性を築く時期', 'キャリア中期', 'ベテラン期', 'キャリア後期', 'ピープルマネージャー']);
    await page.getByRole('group', { name: 'ページの種類' }).getByRole('radio', { name: 'ワークショップ' }).check();
    await stageGroup.getByRole('radio', { name: '入社初期' }).check();
    await searchFor(page, 'フィードバック');
    await expect
      .poll(async () => (await resultLinks(page)).map((l) => l.href).sort())
      .toEqual(['/ja/modules/first-years/', '/ja/modules/first-years/facilitator/']);
    await stageGroup.getByRole('radio', { name: 'ピープルマネージャー' }).check();
    await expect
      .poll(async () => (await resultLinks(page)).map((l) => l.href).sort())
      .toEqual(['/ja/modules/people-manager/', '/ja/modules/people-manager/facilitator/']);
    // An exercise is found under the stages it suits: the learning journal suits the first years, not late career.
    await page.getByRole('group', { name: 'ページの種類' }).getByRole('radio', { name: 'ワーク', exact: true }).check();
    await stageGroup.getByRole('radio', { name: '入社初期' }).check();
    await expect.poll(async () => (await resultLinks(page)).map((l) => l.href)).toContain('/ja/exercises/learning-journal/');
    await stageGroup.getByRole('radio', { name: 'キャリア後期' }).check();
    await expect.poll(async () => (await resultLinks(page)).map((l) => l.href)).not.toContain('/ja/exercises/learning-journal/');
    // Without the stage, the same word finds more than workshops.
    await stageGroup.getByRole('radio', { name: 'すべて' }).check();
    await page.getByRole('group', { name: 'ページの種類' }).getByRole('radio', { name: 'すべて' }).check();
    await expect.poll(async () => (await resultLinks(page)).some((l) => !l.href!.startsWith('/ja/modules/'))).toBe(true);
  });

  it('closes with Escape and gives focus back to the search button', async () => {
    const { page } = watched;
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog').isVisible()).resolves.toBe(false);
    await page.getByRole('button', { name: '検索' }).click();
    await expect(page.getByRole('dialog').isVisible()).resolves.toBe(true);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog').isVisible()).resolves.toBe(false);
    await expect(page.evaluate(() => document.activeElement?.getAttribute('aria-haspopup'))).resolves.toBe('dialog');
  });

  it('searches English pages from an English page, opened with the button', async () => {
    const { page } = watched;
    await page.goto(`${siteUrl}en/`);
    await page.getByRole('button', { name: 'Search' }).click();
    await searchFor(page, 'threshold');
    const links = await resultLinks(page);
    expect(links.map((l) => l.href)).toContain('/en/guides/configuration/');
    expect(links.every((l) => l.href!.startsWith('/en/'))).toBe(true);
    await searchFor(page, 'assignment rehearsal');
    await expect
      .poll(async () => (await resultLinks(page)).filter((l) => l.href!.startsWith('/en/modules/people-manager/')).map((l) => l.text))
      .toEqual(expect.arrayContaining([expect.stringMatching(/^Workshop Participant page /), expect.stringMatching(/^Workshop Facilitator guide /)]));
    await searchFor(page, 'threshold');
    await page.getByRole('dialog').getByRole('link', { name: /Configuring the site/ }).click();
    await page.waitForURL(`${siteUrl}en/guides/configuration/`);
  });
});

describe('search under /kit/', () => {
  it('loads the index from the base path and links results under it', async () => {
    const watched = await openWatchedPage(browser);
    const siteUrl = inject('kitSiteUrl');
    await watched.page.goto(`${siteUrl}ja/`);
    await watched.page.getByRole('button', { name: '検索' }).click();
    await searchFor(watched.page, 'ロゴ');
    const links = await resultLinks(watched.page);
    expect(links.length).toBeGreaterThan(0);
    expect(links.every((l) => l.href!.startsWith('/kit/ja/'))).toBe(true);
    expect(watched.foreignRequests).toEqual([]);
    expect(watched.errors).toEqual([]);
    await watched.context.close();
  });
});

describe('search results, a few at a time', () => {
  it('shows the first results with the search and the rest on request, by keyboard or by scrolling, keeping the count', async () => {
    // A phone: the first results are what fits without scrolling; the count covers them all.
    const watched = await openWatchedPage(browser, { viewport: { width: 390, height: 844 } });
    const { page } = watched;
    await page.goto(`${inject('rootSiteUrl')}ja/`);
    await page.getByRole('button', { name: '検索' }).click();
    await searchFor(page, 'キャリア');
    const dialog = page.getByRole('dialog');
    const status = dialog.getByRole('status');
    const total = Number(/(\d+) 件見つかりました。/.exec((await status.textContent())!)?.[1]);
    expect(total).toBeGreaterThan(12);
    const items = dialog.getByRole('listitem');
    await expect.poll(() => items.count()).toBe(4);

    // The button comes after the results in the tab order, and Enter on it adds the next eight.
    const more = dialog.getByRole('button', { name: 'さらに結果を表示' });
    for (let presses = 0; presses < 30 && !(await more.evaluate((button) => button === document.activeElement)); presses++) await page.keyboard.press('Tab');
    await expect(more.evaluate((button) => button === document.activeElement)).resolves.toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => items.count()).toBe(12);
    await expect.poll(() => status.textContent()).toBe(`${total} 件中 12 件を表示しています。`);
    // Focus moves to the first added result, where the person reads on.
    const fifth = items.nth(4);
    await expect.poll(() => fifth.getByRole('link').evaluate((link) => link === document.activeElement)).toBe(true);
    // A result loaded on demand has its link and its excerpt, with the word found marked.
    const href = (await fifth.getByRole('link').getAttribute('href'))!;
    expect(href).toMatch(/^\/ja\/.+\/$/);
    expect((await page.request.get(new URL(href, page.url()).href)).status()).toBe(200);
    expect((await fifth.getByRole('paragraph').textContent())!.length).toBeGreaterThan(20);
    await expect(fifth.locator('mark').first().textContent()).resolves.toMatch(/キャリア/);

    // Scrolling to the end of the list loads the next eight as well.
    await dialog.evaluate((element) => element.scrollTo(0, element.scrollHeight));
    await expect.poll(() => items.count()).toBe(20);
    // Until everything is shown, when the button goes.
    await showAllResults(page);
    await expect.poll(() => items.count()).toBe(total);
    await expect(more.isVisible()).resolves.toBe(false);
    expect(watched.foreignRequests).toEqual([]);
    expect(watched.errors).toEqual([]);
    await watched.context.close();
  });
});
