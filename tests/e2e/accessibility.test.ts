/** axe-core (WCAG 2.2 A and AA) over every built page, on a desktop and a phone viewport, and over the open search dialog. */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { axeViolations, describeViolations, launchChromium, openWatchedPage, type WatchedPage } from '../support/browser.ts';
import { listPages, pagePathOf } from '../support/built-files.ts';
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

for (const [viewportName, viewport] of [
  ['desktop', { width: 1280, height: 800 }],
  ['phone', { width: 390, height: 844 }],
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
      expect(pages.length).toBeGreaterThanOrEqual(16);
    });

    for (const path of pages) {
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
