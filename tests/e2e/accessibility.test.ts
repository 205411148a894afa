/**
 * axe-core (WCAG 2.2 A and AA) over every built page on a desktop viewport, and on a phone viewport over one page
 * of each kind in each language, and over the open search dialog.
 *
 * Why the phone sweep samples: what a page's own text can get wrong (headings, tables, links, language, contrast of
 * what the author wrote) is the same at any width and is checked on every page on the desktop. What the width
 * changes (the header's menu, target sizes, scroll regions, the layout of islands) comes from the page's kind, its
 * layout and components, so one page of each kind covers it, and a new kind of page is included by its path.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { axeViolations, describeViolations, launchChromium, openWatchedPage, type WatchedPage } from '../support/browser.ts';
import { listPages, oneOfEachKind, pagePathOf } from '../support/built-files.ts';
import { rootSite } from '../support/sites.ts';

let browser: Browser;
const siteUrl = inject('rootSiteUrl');
const pages = listPages(rootSite.dir).map((file) => pagePathOf(rootSite.dir, file));

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

for (const [viewportName, viewport, pagesToCheck] of [
  ['desktop', { width: 1280, height: 800 }, pages],
  ['phone', { width: 390, height: 844 }, oneOfEachKind(pages, { perLanguage: true })],
] as const) {
  describe(`accessibility on ${viewportName}`, () => {
    let watched: WatchedPage;
    beforeAll(async () => {
      watched = await openWatchedPage(browser, { viewport });
    });
    afterAll(async () => {
      await watched.context.close();
    });

    it('has pages to check', () => {
      expect(pagesToCheck.length).toBeGreaterThanOrEqual(16);
    });

    for (const path of pagesToCheck) {
      it(`finds no WCAG 2.2 AA violation on /${path}`, async () => {
        await watched.page.goto(`${siteUrl}${path}`);
        expect(describeViolations(await axeViolations(watched.page))).toEqual([]);
      });
    }
  });
}

describe('accessibility of the search dialog', () => {
  it('finds no violation with the dialog open and showing filtered results', async () => {
    const watched = await openWatchedPage(browser);
    await watched.page.goto(`${siteUrl}ja/`);
    await watched.page.keyboard.press('Control+k');
    await watched.page.getByRole('searchbox').fill('プライバシー');
    await watched.page.getByRole('dialog').getByRole('status').filter({ hasText: '件見つかりました' }).waitFor();
    expect(describeViolations(await axeViolations(watched.page))).toEqual([]);
    await watched.context.close();
  });
});
