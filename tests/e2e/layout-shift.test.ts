/**
 * No layout shift: every page type, measured as Lighthouse measures it, at its desktop (1350×940) and mobile
 * (412×823 at 1.75 device pixels) sizes, in both languages where the page has an island. Cumulative layout shift
 * is the sum of the page's layout-shift entries (none caused by input), observed from navigation until the
 * islands have drawn and fonts and images have settled; it must be reported as 0.00.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openWatchedPage, type WatchedPage } from '../support/browser.ts';

const siteUrl = inject('rootSiteUrl');

/** A plan of one block, as the planner's link carries it, so run mode shows its console. */
const runPlan = '#v=1&day=@09:00~people-manager.opening.15';

/** The pages with an island or a page script that draws after load, each in both languages. */
const islandPages = ['exercises/will-can-must/', 'exercises/strengths-map/', 'workbook/', 'survey/', 'facilitator/sessions/', 'facilitator/dashboard/', 'facilitator/report/', 'facilitator/plan/', 'facilitator/run/', `facilitator/run/${runPlan}`, 'facilitator/run/screen/'];
/** Content pages: static, but they share the header, search and footer with the rest. */
const contentPages = ['ja/', 'en/', 'ja/modules/people-manager/', 'en/modules/people-manager/facilitator/', 'ja/modules/people-manager/facilitator/', 'ja/guides/deployment/', 'en/exercises/', 'ja/programme/'];
const pages = [...islandPages.flatMap((path) => [`ja/${path}`, `en/${path}`]), ...contentPages];

/** Lighthouse's two form factors. */
const viewports = [
  { name: 'desktop', viewport: { width: 1350, height: 940 }, device: { deviceScaleFactor: 1 } },
  { name: 'phone', viewport: { width: 412, height: 823 }, device: { deviceScaleFactor: 1.75, isMobile: true, hasTouch: true } },
];

/** Registered before any of the page's own scripts: every layout shift from the start of navigation. */
function observeLayoutShifts() {
  interface Shift extends PerformanceEntry {
    value: number;
    hadRecentInput: boolean;
    sources: { node?: Node; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[];
  }
  const record = { cls: 0, shifts: [] as string[] };
  (window as unknown as { __bnLayoutShift: typeof record }).__bnLayoutShift = record;
  const describe = (node?: Node) => (node instanceof Element ? `${node.localName}${node.id ? `#${node.id}` : ''}${node.classList.length ? `.${[...node.classList].join('.')}` : ''}` : (node?.nodeName ?? '?'));
  const rect = (r: DOMRectReadOnly) => `${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}×${Math.round(r.height)}`;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as Shift[]) {
      if (entry.hadRecentInput) continue;
      record.cls += entry.value;
      record.shifts.push(`${entry.value.toFixed(4)} at ${Math.round(entry.startTime)} ms: ${entry.sources.map((s) => `${describe(s.node)} ${rect(s.previousRect)} -> ${rect(s.currentRect)}`).join('; ')}`);
    }
  }).observe({ type: 'layout-shift', buffered: true });
}

/** Until the islands have drawn, fonts and images have loaded, and two more frames have been painted. */
async function settle(page: Page) {
  await page.waitForFunction(() => !document.querySelector('astro-island[ssr]'));
  await page.evaluate(async () => {
    await document.fonts.ready;
    await Promise.all([...document.images].map((image) => (image.complete ? null : new Promise((resolve) => image.addEventListener('load', resolve, { once: true })))));
    for (let frame = 0; frame < 2; frame++) await new Promise(requestAnimationFrame);
  });
  // Islands read this browser's storage after they mount; give what they draw from it time to arrive.
  await page.waitForTimeout(1000);
  await page.evaluate(() => new Promise(requestAnimationFrame));
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium([], { showScrollbars: true });
});
afterAll(async () => {
  await browser?.close();
});

for (const { name, viewport, device } of viewports) {
  describe(`on ${name} (${viewport.width}×${viewport.height})`, () => {
    let watched: WatchedPage;
    beforeAll(async () => {
      watched = await openWatchedPage(browser, { viewport, device });
      await watched.context.addInitScript(observeLayoutShifts);
    });
    afterAll(async () => {
      expect(watched.foreignRequests).toEqual([]);
      expect(watched.errors).toEqual([]);
      await watched.context.close();
    });

    it.each(pages)('nothing moves on /%s', async (path) => {
      const { page } = watched;
      // A fresh document each time, even when only the fragment differs from the last page.
      await page.goto('about:blank');
      await page.goto(`${siteUrl}${path}`);
      await settle(page);
      const { cls, shifts } = await page.evaluate(() => (window as unknown as { __bnLayoutShift: { cls: number; shifts: string[] } }).__bnLayoutShift);
      expect(cls, `CLS ${cls.toFixed(3)} on /${path} at ${name} ${viewport.width}×${viewport.height}:\n${shifts.join('\n')}`).toBeLessThan(0.005);
    });
  });
}
