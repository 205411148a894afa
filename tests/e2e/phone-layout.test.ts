/**
 * The site on a phone (375×667 and 360×640): a header that leaves the page its first screen, a menu behind a
 * disclosure button that works by keyboard, survey agreement options in order in one column, and a radar chart
 * whose scale names are all drawn inside the chart. No page scrolls sideways.
 */
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, describeViolations, launchChromium, openWatchedPage, type WatchedPage } from '../support/browser.ts';
import { answerWholeSurvey } from '../support/survey-by-clicking.ts';

const siteUrl = inject('rootSiteUrl');

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** The page's header height, and whether anything pushes the page wider than the screen. */
const measureShell = (page: Page) =>
  page.evaluate(() => ({
    header: document.querySelector('.site-header')!.getBoundingClientRect().height,
    // Not below zero: the root keeps a scrollbar's gutter, which headless Chromium (scrollbars hidden) leaves
    // out of clientWidth, so a page that fits measures 15 px narrower than the window.
    overflow: Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth),
  }));

/** The painted pixels in the outermost columns and rows of the chart's canvas: text cut off at an edge leaves some. */
const paintedAtCanvasEdges = (page: Page) =>
  page.locator('.bn-radar canvas').evaluate((canvas: HTMLCanvasElement) => {
    const context = canvas.getContext('2d')!;
    const { width, height } = canvas;
    const strips = [context.getImageData(0, 0, 2, height), context.getImageData(width - 2, 0, 2, height), context.getImageData(0, 0, width, 2), context.getImageData(0, height - 2, width, 2)];
    return strips.reduce((painted, strip) => painted + strip.data.filter((value, index) => index % 4 === 3 && value > 0).length, 0);
  });

for (const viewport of [
  { width: 375, height: 667 },
  { width: 360, height: 640 },
]) {
  describe(`on a ${viewport.width}×${viewport.height} phone`, () => {
    let watched: WatchedPage;
    beforeAll(async () => {
      watched = await openWatchedPage(browser, { viewport });
    });
    afterAll(async () => {
      expect(watched.foreignRequests).toEqual([]);
      expect(watched.errors).toEqual([]);
      await watched.context.close();
    });

    for (const path of ['ja/exercises/will-can-must/', 'en/exercises/strengths-map/', 'ja/survey/', 'en/survey/', 'ja/', 'ja/facilitator/dashboard/', 'ja/workbook/']) {
      it(`keeps the header within a fifth of the screen and nothing wider than it on /${path}`, async () => {
        await watched.page.goto(`${siteUrl}${path}`);
        await watched.page.waitForFunction(() => !document.querySelector('astro-island[ssr]'));
        const { header, overflow } = await measureShell(watched.page);
        expect(header).toBeLessThanOrEqual(viewport.height * 0.2);
        expect(overflow).toBe(0);
      });
    }

    it('opens the menu from its button by keyboard, reaches the navigation and the language switch, and closes it with Escape', async () => {
      const { page } = watched;
      await page.goto(`${siteUrl}ja/exercises/will-can-must/`);
      const toggle = page.getByRole('button', { name: 'メニュー' });
      await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
      await expect(page.getByRole('navigation', { name: 'メイン' }).isVisible()).resolves.toBe(false);
      // Skip link, brand, search, then the menu button: Tab order follows the row.
      for (let presses = 0; presses < 4; presses++) await page.keyboard.press('Tab');
      await expect(toggle.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
      await page.keyboard.press('Enter');
      await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true');
      await expect(page.getByRole('link', { name: 'English' }).isVisible()).resolves.toBe(true);
      const navigation = page.getByRole('navigation', { name: 'メイン' });
      await expect(navigation.getByRole('link').allTextContents()).resolves.toEqual(['ファシリテーター', '参加者', '導入・運用']);
      expect(describeViolations(await axeViolations(page))).toEqual([]);
      await page.keyboard.press('Tab');
      await expect(page.getByRole('link', { name: 'English' }).evaluate((element) => element === document.activeElement)).resolves.toBe(true);
      await page.keyboard.press('Escape');
      await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
      await expect(toggle.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
      await expect(navigation.isVisible()).resolves.toBe(false);
      // Opened again, a link in it leads where it says.
      await toggle.click();
      await navigation.getByRole('link', { name: '参加者' }).click();
      await page.waitForURL(`${siteUrl}ja/participants/`);
    });

    it('keeps search one tap away, as a button named for what it does', async () => {
      const { page } = watched;
      await page.goto(`${siteUrl}en/exercises/strengths-map/`);
      const search = page.getByRole('button', { name: 'Search' });
      const box = (await search.boundingBox())!;
      expect(box.width).toBeGreaterThanOrEqual(44);
      expect(box.height).toBeGreaterThanOrEqual(44);
      await search.click();
      await expect(page.getByRole('dialog').getByRole('searchbox').isVisible()).resolves.toBe(true);
      await page.keyboard.press('Escape');
    });

    it('lists the five agreement options of a statement in order, one under another, each at least 44 px tall', async () => {
      const { page } = watched;
      await page.goto(`${siteUrl}en/survey/`);
      await page.evaluate(() => localStorage.clear());
      await page.reload();
      await page.locator('fieldset.bn-choice').first().waitFor();
      for (const group of await page.locator('fieldset.bn-choice').all()) await group.getByRole('radio').first().check();
      await page.locator('.bn-actions button').last().click();
      const statement = page.locator('fieldset.bn-choice[data-layout="scale"]').first();
      await statement.waitFor();
      const boxes = await statement.locator('.bn-choice-option').evaluateAll((options) => options.map((option) => option.getBoundingClientRect().toJSON() as DOMRect));
      expect(boxes).toHaveLength(5);
      for (const [index, box] of boxes.entries()) {
        expect(box.height).toBeGreaterThanOrEqual(44);
        expect(box.left).toBe(boxes[0]!.left);
        if (index > 0) expect(box.top).toBeGreaterThanOrEqual(boxes[index - 1]!.bottom);
      }
    });

    for (const lang of ['ja', 'en'] as const) {
      it(`draws every scale name of the ${lang} report's radar chart inside the chart, on a page no wider than the screen`, async () => {
        const { page } = watched;
        await answerWholeSurvey(page, `${siteUrl}${lang}/survey/`);
        await page.waitForFunction(() => (document.querySelector('.bn-radar canvas') as HTMLCanvasElement | null)?.width! > 0);
        const canvas = (await page.locator('.bn-radar canvas').boundingBox())!;
        expect(canvas.x).toBeGreaterThanOrEqual(0);
        expect(canvas.x + canvas.width).toBeLessThanOrEqual(viewport.width);
        // Something is drawn (the check below would pass on an empty canvas), and nothing touches an edge.
        const drawn = await page.locator('.bn-radar canvas').evaluate((element: HTMLCanvasElement) => element.getContext('2d')!.getImageData(0, 0, element.width, element.height).data.some((value, index) => index % 4 === 3 && value > 0));
        expect(drawn).toBe(true);
        expect(await paintedAtCanvasEdges(page)).toBe(0);
        expect((await measureShell(page)).overflow).toBe(0);
      });
    }
  });
}

describe('on a desktop', () => {
  it('shows the agreement options side by side, in order, and the navigation without a menu button', async () => {
    const watched = await openWatchedPage(browser, { viewport: { width: 1280, height: 800 } });
    const { page } = watched;
    await page.goto(`${siteUrl}en/survey/`);
    await page.locator('fieldset.bn-choice').first().waitFor();
    for (const group of await page.locator('fieldset.bn-choice').all()) await group.getByRole('radio').first().check();
    await page.locator('.bn-actions button').last().click();
    const statement = page.locator('fieldset.bn-choice[data-layout="scale"]').first();
    await statement.waitFor();
    const boxes = await statement.locator('.bn-choice-option').evaluateAll((options) => options.map((option) => option.getBoundingClientRect().toJSON() as DOMRect));
    for (const [index, box] of boxes.entries()) {
      expect(box.top).toBe(boxes[0]!.top);
      if (index > 0) expect(box.left).toBeGreaterThanOrEqual(boxes[index - 1]!.right);
    }
    await expect(page.getByRole('button', { name: 'Menu' }).isVisible()).resolves.toBe(false);
    await expect(page.getByRole('navigation', { name: 'Main' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('link', { name: '日本語' }).isVisible()).resolves.toBe(true);
    expect(watched.errors).toEqual([]);
    await watched.context.close();
  });
});

/**
 * Workshop pages carry the widest tables: the run sheet and the screen list of every facilitator guide, and the
 * Markdown tables of the participant pages. On a phone each scrolls inside its own region, never the page.
 */
describe('workshop pages on a 360 px phone', () => {
  const modules = readdirSync(new URL('../../content/modules/en/', import.meta.url)).map((file) => file.replace(/\.mdx$/, ''));
  let watched: WatchedPage;
  beforeAll(async () => {
    watched = await openWatchedPage(browser, { viewport: { width: 360, height: 640 } });
  });
  afterAll(async () => {
    expect(watched.errors).toEqual([]);
    await watched.context.close();
  });

  it('finds every workshop', () => {
    expect(modules.length).toBeGreaterThanOrEqual(6);
  });

  for (const lang of ['ja', 'en']) {
    it(`keeps every ${lang} participant page and facilitator guide within the screen's width`, async () => {
      const wide: string[] = [];
      for (const module of modules) {
        for (const path of [`${lang}/modules/${module}/`, `${lang}/modules/${module}/facilitator/`]) {
          await watched.page.goto(`${siteUrl}${path}`);
          const { overflow } = await measureShell(watched.page);
          if (overflow !== 0) wide.push(`/${path}: ${overflow} px too wide`);
        }
      }
      expect(wide).toEqual([]);
    });
  }
});
