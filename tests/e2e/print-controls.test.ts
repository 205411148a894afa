/**
 * Printed pages carry no dead controls: no button, file picker, search, menu or language switch, and links
 * print as plain text. Checked with print media on the pages people print: a workshop's participant page,
 * an exercise with an answer, the workbook's take-away pack and the survey report; then every built page.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openWatchedPage, type WatchedPage } from '../support/browser.ts';
import { answerWholeSurvey } from '../support/survey-by-clicking.ts';
import { listPages, pagePathOf } from '../support/built-files.ts';
import { rootSite } from '../support/sites.ts';

const siteUrl = inject('rootSiteUrl');
const CONTROLS = 'button, [role="button"], a.bn-button, input[type="file"], input[type="button"], input[type="submit"], input[type="reset"], [role="search"], banso-search, .language-switcher';

let browser: Browser;
let watched: WatchedPage;
beforeAll(async () => {
  browser = await launchChromium();
  watched = await openWatchedPage(browser, { locale: 'en-GB' });
});
afterAll(async () => {
  expect(watched.foreignRequests).toEqual([]);
  expect(watched.errors).toEqual([]);
  await watched.context.close();
  await browser?.close();
});

/** The controls a person would see, described so a failure names them. */
const visibleControls = (page: Page) =>
  page.locator(CONTROLS).evaluateAll((elements) =>
    elements.filter((element) => element.checkVisibility()).map((element) => `${element.tagName.toLowerCase()}${element.className ? `.${String(element.className).split(' ')[0]}` : ''} “${element.textContent?.trim().slice(0, 40)}”`),
  );

/** Visible links that still look like links (coloured or underlined) on paper. */
const linksThatLookClickable = (page: Page) =>
  page.locator('main a[href]').evaluateAll((links) =>
    links
      .filter((link) => link.checkVisibility())
      .filter((link) => {
        const style = getComputedStyle(link);
        return style.textDecorationLine.includes('underline') || style.color !== getComputedStyle(link.parentElement!).color;
      })
      .map((link) => link.textContent?.trim()),
  );

async function expectNoDeadControlsInPrint(page: Page) {
  await page.waitForFunction(() => !document.querySelector('astro-island[ssr]'));
  // On screen the page has controls, so the check in print has something to remove.
  expect((await visibleControls(page)).length).toBeGreaterThan(0);
  await page.emulateMedia({ media: 'print' });
  try {
    expect(await visibleControls(page)).toEqual([]);
    expect(await linksThatLookClickable(page)).toEqual([]);
    await expect(page.getByRole('heading', { level: 1 }).isVisible()).resolves.toBe(true);
  } finally {
    await page.emulateMedia({ media: 'screen' });
  }
}

describe('print', () => {
  it('prints a workshop participant page without controls', async () => {
    await watched.page.goto(`${siteUrl}ja/modules/people-manager/`);
    await expectNoDeadControlsInPrint(watched.page);
  });

  it('prints an exercise with its answers and without controls', async () => {
    const { page } = watched;
    await page.goto(`${siteUrl}en/exercises/will-can-must/`);
    const field = page.locator('.bn-exercise textarea, .bn-exercise input[type="text"]').first();
    await field.fill('Run the spring onboarding');
    await page.getByText(/^Saved on this device at/).waitFor();
    await expectNoDeadControlsInPrint(page);
    await page.emulateMedia({ media: 'print' });
    await expect(field.isVisible()).resolves.toBe(true);
    await page.emulateMedia({ media: 'screen' });
  });

  it('prints the workbook take-away pack without controls', async () => {
    await watched.page.goto(`${siteUrl}en/workbook/`);
    await watched.page.locator('.bn-take-away').waitFor();
    await expectNoDeadControlsInPrint(watched.page);
    await watched.page.emulateMedia({ media: 'print' });
    await expect(watched.page.locator('.bn-take-away').textContent()).resolves.toContain('Run the spring onboarding');
    await watched.page.emulateMedia({ media: 'screen' });
  });

  it('prints the survey report without controls', async () => {
    await answerWholeSurvey(watched.page, `${siteUrl}en/survey/`);
    await expectNoDeadControlsInPrint(watched.page);
  });

  it('prints no control on any page of the site', async () => {
    const { page } = watched;
    const printed: string[] = [];
    await page.emulateMedia({ media: 'print' });
    try {
      for (const path of listPages(rootSite.dir).map((file) => pagePathOf(rootSite.dir, file))) {
        await page.goto(`${siteUrl}${path}`);
        await page.waitForFunction(() => !document.querySelector('astro-island[ssr]'));
        printed.push(...(await visibleControls(page)).map((control) => `/${path}: ${control}`));
      }
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
    expect(printed).toEqual([]);
  }, 180_000);
});
