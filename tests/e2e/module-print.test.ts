/**
 * Every workshop in the catalogue, in both languages, prints on A4: its participant page and its facilitator guide
 * fit the printable width, the run sheet alone takes one or two pages, and every handout starts on a page of its
 * own. The people-manager tests (modules.test.ts) check the print buttons themselves; this covers every module.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openWatchedPage, pdfPageCount, type WatchedPage } from '../support/browser.ts';

const siteUrl = inject('rootSiteUrl');
const moduleIds = readdirSync(new URL('../../content/modules/ja/', import.meta.url))
  .filter((file) => file.endsWith('.mdx'))
  .map((file) => file.replace(/\.mdx$/, ''));
/** A4 is 210 mm wide; print.css leaves 14 mm either side: about 688 px at 96 px per inch. */
const PRINTABLE_WIDTH = Math.floor(((210 - 28) / 25.4) * 96);

let browser: Browser;
let watched: WatchedPage;
beforeAll(async () => {
  browser = await launchChromium();
  watched = await openWatchedPage(browser, { viewport: { width: PRINTABLE_WIDTH, height: 1000 } });
});
afterAll(async () => {
  expect(watched.foreignRequests).toEqual([]);
  expect(watched.errors).toEqual([]);
  await watched.context.close();
  await browser?.close();
});

/** Visible elements reaching past the printable width, named so that a failure says which. */
const tooWide = (page: Page) =>
  page.evaluate((limit) =>
    [...document.querySelectorAll<HTMLElement>('main *')]
      .filter((element) => element.checkVisibility() && element.getBoundingClientRect().right > limit + 1)
      .map((element) => `${element.tagName.toLowerCase()}${element.className ? `.${String(element.className).split(' ')[0]}` : ''} “${element.textContent?.trim().slice(0, 30)}”`)
      .slice(0, 5),
  PRINTABLE_WIDTH);

/** Puts the guide in one of its print modes, as its buttons do, then renders it as print. */
async function printMode(page: Page, mode: 'run-sheet' | 'handouts' | 'full') {
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate((chosen) => (document.documentElement.dataset.printMode = chosen), mode);
  await page.emulateMedia({ media: 'print' });
}

it('has every workshop of the kit to check', () => {
  expect(moduleIds).toEqual(expect.arrayContaining(['first-years', 'early-career', 'mid-career', 'veteran', 'late-career', 'people-manager']));
});

for (const id of moduleIds) {
  for (const lang of ['ja', 'en'] as const) {
    describe(`${id} (${lang}) on A4`, () => {
      const handouts = (readFileSync(new URL(`../../content/modules/${lang}/${id}.mdx`, import.meta.url), 'utf8').match(/<Handout /g) ?? []).length;

      it('prints the participant page within the printable width', async () => {
        const { page } = watched;
        await page.goto(`${siteUrl}${lang}/modules/${id}/`);
        await page.emulateMedia({ media: 'print' });
        await expect(tooWide(page)).resolves.toEqual([]);
        await page.emulateMedia({ media: 'screen' });
      });

      it('prints the whole guide within the printable width, the run sheet on one or two pages, and each handout from a new page', async () => {
        const { page } = watched;
        await page.goto(`${siteUrl}${lang}/modules/${id}/facilitator/`);
        await printMode(page, 'full');
        await expect(tooWide(page)).resolves.toEqual([]);
        await printMode(page, 'run-sheet');
        await expect(page.locator('.bn-run-sheet').isVisible()).resolves.toBe(true);
        const runSheet = pdfPageCount(await page.pdf({ format: 'A4' }));
        expect(runSheet).toBeGreaterThanOrEqual(1);
        expect(runSheet).toBeLessThanOrEqual(2);
        await printMode(page, 'handouts');
        await expect(page.locator('.bn-handout').count()).resolves.toBe(handouts);
        expect(pdfPageCount(await page.pdf({ format: 'A4' }))).toBeGreaterThanOrEqual(handouts);
        await page.emulateMedia({ media: 'screen' });
      });
    });
  }
}
