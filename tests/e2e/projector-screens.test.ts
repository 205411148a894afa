/**
 * Projector screens: the print view of the people-manager workshop's screens, in Japanese and English, shows one
 * screen per block and nothing a facilitator keeps to themselves, prints one screen per A4 landscape sheet and
 * passes axe; the facilitator guide lists the screens and links to it. The other workshops' screens are held to
 * the same privacy and print rules.
 */
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { axeViolations, describeViolations, launchChromium, openWatchedPage, pdfPageCount, pdfPageSizes, type WatchedPage } from '../support/browser.ts';
import { moduleSource } from '../support/module-source.ts';

const siteUrl = inject('rootSiteUrl');
/** Every workshop but the people-manager one (checked in full above), read from content/modules/ so a new one is covered. */
const stageWorkshops = readdirSync(new URL('../../content/modules/ja/', import.meta.url))
  .map((file) => file.replace(/\.mdx$/, ''))
  .filter((id) => id !== 'people-manager');

interface Block {
  id: string;
  title: string;
  purpose: string;
  script: string;
  notes: string[];
  debrief?: string[];
  online: string;
  screen?: { heading: string };
}

/** The module's own front-matter, so the page is checked against the source rather than copied strings. */
function blocksOf(locale: 'ja' | 'en', module = 'people-manager'): Block[] {
  return moduleSource(locale, module).blocks as Block[];
}

/**
 * Every sentence of the fields only a facilitator sees, long enough to be recognisable: the script, notes, debrief,
 * online variant and purpose. A screen may say the same thing in other words; it must never carry these sentences.
 */
function facilitatorOnlySentences(block: Block): string[] {
  const fields = [block.script, block.purpose, block.online, ...block.notes, ...(block.debrief ?? [])];
  return fields
    .flatMap((text) => text.split(/\n+|(?<=[。！？])|(?<=[.!?])\s+/))
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length >= 12);
}

let browser: Browser;
let watched: WatchedPage;
beforeAll(async () => {
  browser = await launchChromium();
  watched = await openWatchedPage(browser);
});
afterAll(async () => {
  expect(watched.foreignRequests).toEqual([]);
  expect(watched.errors).toEqual([]);
  await watched.context.close();
  await browser?.close();
});

describe.each(['ja', 'en'] as const)('the people-manager workshop screens in %s', (locale) => {
  const blocks = blocksOf(locale);

  it('shows one screen per block, in order, each with its heading', async () => {
    const { page } = watched;
    await page.goto(`${siteUrl}${locale}/modules/people-manager/screens/`);
    await expect(page.getByRole('heading', { level: 1 }).isVisible()).resolves.toBe(true);
    const screens = page.locator('.bn-screen');
    await expect(screens.evaluateAll((sections) => sections.map((section) => section.getAttribute('data-block')))).resolves.toEqual(blocks.map((block) => block.id));
    for (const block of blocks) {
      const screen = page.locator(`.bn-screen[data-block="${block.id}"]`);
      await expect(screen.getAttribute('lang')).resolves.toBe(locale);
      await expect(screen.getByRole('heading', { level: 2 }).textContent()).resolves.toBe(block.screen?.heading ?? block.title);
    }
  });

  it("contains none of the blocks' script, notes, debrief, online variant or purpose", async () => {
    const text = await watched.page.locator('main').textContent();
    const leaked = blocks.flatMap((block) => facilitatorOnlySentences(block).filter((sentence) => text!.includes(sentence)).map((sentence) => `${block.id}: ${sentence}`));
    expect(blocks.flatMap(facilitatorOnlySentences).length).toBeGreaterThan(100);
    expect(leaked).toEqual([]);
  });

  it('prints one screen per A4 landscape sheet, and nothing else', async () => {
    const { page } = watched;
    await page.emulateMedia({ media: 'print' });
    try {
      await expect(page.getByRole('heading', { level: 1 }).isVisible()).resolves.toBe(false);
      const pdf = await page.pdf({ preferCSSPageSize: true });
      expect(pdfPageCount(pdf)).toBe(blocks.length);
      for (const [width, height] of pdfPageSizes(pdf)) {
        expect(width).toBeCloseTo(841.9, 0);
        expect(height).toBeCloseTo(595.3, 0);
      }
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });

  it('finds no WCAG 2.2 AA violation', async () => {
    expect(describeViolations(await axeViolations(watched.page))).toEqual([]);
  });

  it('lists every screen in the facilitator guide, linked to the print view', async () => {
    const { page } = watched;
    await page.goto(`${siteUrl}${locale}/modules/people-manager/facilitator/`);
    const section = page.getByRole('region', { name: locale === 'ja' ? 'プロジェクター画面' : 'Projector screens' });
    // The guide itself carries the facilitator-only sentences: proof that the check above would see a leak.
    const guide = (await page.locator('main').textContent())!;
    expect(facilitatorOnlySentences(blocks[0]!).filter((sentence) => !guide.includes(sentence))).toEqual([]);
    const rows = section.locator('tbody tr');
    await expect(rows.count()).resolves.toBe(blocks.length);
    for (const [index, block] of blocks.entries()) {
      if (!block.screen) continue;
      const link = rows.nth(index).getByRole('link', { name: block.screen.heading, exact: true });
      await expect(link.getAttribute('href')).resolves.toBe(`/${locale}/modules/people-manager/screens/#screen-${block.id}`);
    }
    await section.getByRole('link', { name: locale === 'ja' ? /すべての画面を順に見る/ : /See every screen in order/ }).click();
    await page.waitForURL(`**/${locale}/modules/people-manager/screens/`);
  });
});

describe.each(
  stageWorkshops.flatMap((id) => (['ja', 'en'] as const).map((locale) => [id, locale] as const)),
)('the %s workshop screens in %s', (module, locale) => {
  const blocks = blocksOf(locale, module);

  it('show one screen per block and no facilitator-only sentence', async () => {
    const { page } = watched;
    await page.goto(`${siteUrl}${locale}/modules/${module}/screens/`);
    await expect(page.locator('.bn-screen').count()).resolves.toBe(blocks.length);
    const text = (await page.locator('main').textContent())!;
    expect(blocks.flatMap((block) => facilitatorOnlySentences(block).filter((sentence) => text.includes(sentence)).map((sentence) => `${block.id}: ${sentence}`))).toEqual([]);
  });

  it('print one screen per A4 landscape sheet', async () => {
    const { page } = watched;
    await page.emulateMedia({ media: 'print' });
    try {
      const pdf = await page.pdf({ preferCSSPageSize: true });
      expect(pdfPageCount(pdf)).toBe(blocks.length);
      expect(pdfPageSizes(pdf).every(([width, height]) => Math.round(width) === 842 && Math.round(height) === 595)).toBe(true);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });
});

describe('the screens on a phone', () => {
  it('fit a 390 px screen without scrolling sideways', async () => {
    const phone = await openWatchedPage(browser, { viewport: { width: 390, height: 844 } });
    try {
      await phone.page.goto(`${siteUrl}ja/modules/people-manager/screens/`);
      // At most zero: the root keeps a scrollbar's gutter, which headless Chromium leaves out of clientWidth.
      await expect(phone.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).resolves.toBeLessThanOrEqual(0);
      expect(phone.errors).toEqual([]);
    } finally {
      await phone.context.close();
    }
  });
});
