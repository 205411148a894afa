import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, openWatchedPage, pdfPageCount, type WatchedPage } from '../support/browser.ts';
import { moduleSource } from '../support/module-source.ts';
import { rootSite } from '../support/sites.ts';

const siteUrl = inject('rootSiteUrl');
let browser: Browser;
let watched: WatchedPage;

beforeAll(async () => {
  browser = await launchChromium();
  watched = await openWatchedPage(browser);
});
afterAll(async () => {
  expect(watched.foreignRequests).toEqual([]);
  expect(watched.errors).toEqual([]);
  await browser?.close();
});

/** The module's own front-matter, to check pages against the source rather than against copied strings. */
function frontMatter(locale: string) {
  return moduleSource(locale, 'people-manager');
}

/** A clock time `offset` minutes after `start` ("13:00"), written as the pages write it ("9:40"). */
function clockAfter(start: string, offset: number): string {
  const [hours, minutes] = start.split(':').map(Number) as [number, number];
  const total = (hours * 60 + minutes + offset) % 1440;
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}


describe('people-manager workshop: participant page', () => {
  const module = frontMatter('ja');

  it('shows objectives, every block with its times, and the exercises', async () => {
    const { page } = watched;
    await page.goto(`${siteUrl}ja/modules/people-manager/`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(module.title);
    await expect(page.getByRole('heading', { name: 'ねらい', level: 2 }).isVisible()).resolves.toBe(true);
    const agenda = page.locator('.bn-participant-agenda > li');
    expect(await agenda.count()).toBe(module.blocks.length);
    const first = module.blocks[0]!.minutes;
    await expect(agenda.first().textContent()).resolves.toContain(`0:00–0:${String(first).padStart(2, '0')}`);
    const total = module.blocks.reduce((sum, block) => sum + block.minutes, 0);
    await expect(agenda.last().textContent()).resolves.toContain(`–${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`);
    expect(await page.locator('.bn-exercise-embed').count()).toBeGreaterThanOrEqual(3);
  });

  it('contains no facilitator script or notes in its HTML', () => {
    const html = readFileSync(`${rootSite.dir}/ja/modules/people-manager/index.html`, 'utf8');
    for (const block of module.blocks) {
      expect(html).not.toContain(block.script.split('\n')[0]!.slice(0, 40));
      for (const note of block.notes) expect(html).not.toContain(note.slice(0, 40));
    }
    expect(html).not.toContain('bn-facilitator-note');
    expect(html).not.toContain('bn-talk-script');
  });
});

describe('people-manager workshop: facilitator guide', () => {
  const module = frontMatter('ja');

  it('shows clock times from 13:00 by default, for every block', async () => {
    const { page } = watched;
    await page.goto(`${siteUrl}ja/modules/people-manager/facilitator/`);
    const rows = page.locator('.bn-run-sheet tbody tr');
    expect(await rows.count()).toBe(module.blocks.length);
    const first = module.blocks[0]!.minutes;
    const total = module.blocks.reduce((sum, block) => sum + block.minutes, 0);
    await expect(rows.first().locator('td').first().textContent()).resolves.toBe(`13:00–${clockAfter('13:00', first)}`);
    await expect(rows.last().locator('td').first().textContent()).resolves.toMatch(new RegExp(`–${clockAfter('13:00', total)}$`));
    for (const block of module.blocks) {
      await expect(page.locator(`#block-${block.id} h3`).textContent()).resolves.toBe(block.title);
    }
  });

  it('moves every time when the facilitator sets another start, and keeps it in the address', async () => {
    const { page } = watched;
    await page.getByLabel('開始時刻').fill('09:30');
    await page.getByLabel('開始時刻').dispatchEvent('change');
    const rows = page.locator('.bn-run-sheet tbody tr');
    const first = module.blocks[0]!.minutes;
    const total = module.blocks.reduce((sum, block) => sum + block.minutes, 0);
    await expect(rows.first().locator('td').first().textContent()).resolves.toBe(`9:30–${clockAfter('09:30', first)}`);
    await expect(rows.last().locator('td').first().textContent()).resolves.toMatch(new RegExp(`–${clockAfter('09:30', total)}$`));
    await expect(page.locator(`#block-${module.blocks[1]!.id} time`).first().textContent()).resolves.toBe(clockAfter('09:30', first));
    expect(new URL(page.url()).searchParams.get('start')).toBe('09:30');
    await page.reload();
    await expect(rows.first().locator('td').first().textContent()).resolves.toBe(`9:30–${clockAfter('09:30', first)}`);
  });

  it('includes scripts, notes and the opt-outs of blocks that ask for personal disclosure', async () => {
    const { page } = watched;
    const firstParagraph = module.blocks[0]!.script.split('\n')[0]!.slice(0, 30);
    await expect(page.locator('.bn-script').first().textContent()).resolves.toContain(firstParagraph);
    expect(await page.locator('.bn-opt-out').count()).toBeGreaterThanOrEqual(1);
    await expect(page.getByRole('heading', { name: '配慮が必要なパートと代替案' }).isVisible()).resolves.toBe(true);
  });

  it('switches to the English guide at the same place in the session, keeping the start time and the section', async () => {
    const { page } = watched;
    await page.goto(`${siteUrl}ja/modules/people-manager/facilitator/#run-sheet`);
    await page.getByLabel('開始時刻').fill('10:15');
    await page.getByLabel('開始時刻').dispatchEvent('change');
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL(`${siteUrl}en/modules/people-manager/facilitator/?start=10%3A15#run-sheet`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(frontMatter('en').title);
    await expect(page.getByLabel('Start time').inputValue()).resolves.toBe('10:15');
    await expect(page.locator('.bn-run-sheet tbody tr').first().locator('td').first().textContent()).resolves.toBe(`10:15–${clockAfter('10:15', frontMatter('en').blocks[0]!.minutes)}`);
    // And back again, with the keyboard.
    await page.getByRole('link', { name: '日本語' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`${siteUrl}ja/modules/people-manager/facilitator/?start=10%3A15#run-sheet`);
    await expect(page.getByLabel('開始時刻').inputValue()).resolves.toBe('10:15');
  });

  it('prints the run sheet on A4 without clipping its columns', async () => {
    const { page } = watched;
    await page.goto(`${siteUrl}ja/modules/people-manager/facilitator/`);
    await page.emulateMedia({ media: 'print' });
    // A4 at 96 dpi is 794 px wide; the page margins of 14 mm leave about 688 px of content.
    await page.setViewportSize({ width: 688, height: 1000 });
    const overflow = await page.evaluate(() => {
      const table = document.querySelector('.bn-run-sheet')!;
      return { tableWidth: table.scrollWidth, available: document.documentElement.clientWidth };
    });
    expect(overflow.tableWidth).toBeLessThanOrEqual(overflow.available);
    await expect(page.locator('banso-start-time').isVisible()).resolves.toBe(false);
    await expect(page.locator('.site-header').isVisible()).resolves.toBe(false);
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});

describe('people-manager workshop: timing that counts talk and moving', () => {
  const module = frontMatter('ja');

  it('breaks each block\'s minutes into talk, steps and moving between groups', async () => {
    const { page } = watched;
    await page.goto(`${siteUrl}ja/modules/people-manager/facilitator/`);
    // The module counts the facilitator's talk and the moving about somewhere (issue 10): a plan of steps alone runs late.
    const counted = module.blocks.filter((block) => (block.talkMinutes ?? 0) + (block.transitionMinutes ?? 0) > 0);
    expect(counted.length).toBeGreaterThan(0);
    for (const block of counted) {
      const stepMinutes = block.minutes - (block.talkMinutes ?? 0) - (block.transitionMinutes ?? 0);
      const parts = [
        block.talkMinutes ? `説明${block.talkMinutes}分` : '',
        stepMinutes ? `参加者の手順${stepMinutes}分` : '',
        block.transitionMinutes ? `移動と交代${block.transitionMinutes}分` : '',
      ].filter(Boolean);
      await expect(page.locator(`#block-${block.id} .bn-breakdown`).textContent()).resolves.toBe(`内訳：${parts.join('、')}`);
    }
  });

  it('lists the blocks to shorten when running late, with the minutes each gives back and the total', async () => {
    const { page } = watched;
    const order = module.absorbOverrunsIn ?? [];
    expect(order.length).toBeGreaterThan(0);
    const panel = page.getByRole('region', { name: '時間が押したとき' });
    const items = panel.getByRole('listitem');
    expect(await items.count()).toBe(order.length);
    let total = 0;
    for (const [index, id] of order.entries()) {
      const block = module.blocks.find((b) => b.id === id)!;
      const gives = block.minutes - block.range!.min;
      total += gives;
      await expect(items.nth(index).textContent()).resolves.toBe(`${block.title}：${block.minutes}分→${block.range!.min}分（${gives}分短縮）`);
    }
    await expect(panel.textContent()).resolves.toContain(`合わせて最大${total}分を取り戻せます。`);
  });

  it('marks the flexible blocks on the run sheet, with their place in the order', async () => {
    const { page } = watched;
    const rows = page.locator('.bn-run-sheet tbody tr');
    const order = module.absorbOverrunsIn ?? [];
    for (const [index, block] of module.blocks.entries()) {
      const mark = rows.nth(index).locator('.bn-kind.is-flexible');
      if (!block.range) {
        expect(await mark.count()).toBe(0);
        continue;
      }
      const place = order.indexOf(block.id);
      await expect(mark.textContent()).resolves.toBe(place >= 0 ? `調整枠・短縮順${place + 1}` : '調整枠');
    }
  });
});

describe('people-manager workshop: print outputs', () => {
  const handoutCount = (readFileSync(new URL('../../content/modules/ja/people-manager.mdx', import.meta.url), 'utf8').match(/<Handout /g) ?? []).length;
  let pages: Record<'run-sheet' | 'handouts' | 'full', number>;

  /** Presses one of the print buttons with the browser's print dialog replaced, and reports what was asked for. */
  async function choosePrint(name: string) {
    const { page } = watched;
    await page.evaluate(() => {
      window.print = () => void ((window as unknown as { printedMode: string | undefined }).printedMode = document.documentElement.dataset.printMode);
    });
    await page.getByRole('group', { name: '印刷' }).getByRole('button', { name }).click();
    return page.evaluate(() => (window as unknown as { printedMode: string | undefined }).printedMode);
  }

  it('offers three print buttons that set the mode and open printing', async () => {
    const { page } = watched;
    await page.goto(`${siteUrl}ja/modules/people-manager/facilitator/`);
    expect(handoutCount).toBeGreaterThanOrEqual(2);
    await expect(choosePrint('進行表だけ印刷')).resolves.toBe('run-sheet');
    await expect(choosePrint('配布資料だけ印刷')).resolves.toBe('handouts');
    await expect(choosePrint('ガイド全体を印刷')).resolves.toBe('full');
  });

  it('prints the run sheet alone on one or two A4 pages', async () => {
    const { page } = watched;
    await choosePrint('進行表だけ印刷');
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.bn-run-sheet').isVisible()).resolves.toBe(true);
    await expect(page.getByRole('region', { name: '時間が押したとき' }).isVisible()).resolves.toBe(true);
    for (const hidden of ['.bn-facilitator-block', '.bn-handout', '.bn-checklist', 'banso-print-choice']) {
      await expect(page.locator(hidden).first().isVisible(), hidden).resolves.toBe(false);
    }
    const runSheet = pdfPageCount(await page.pdf({ format: 'A4' }));
    expect(runSheet).toBeGreaterThanOrEqual(1);
    expect(runSheet).toBeLessThanOrEqual(2);
    pages = { 'run-sheet': runSheet, handouts: 0, full: 0 };
    await page.emulateMedia({ media: 'screen' });
  });

  it('prints the handouts alone, each from a new page', async () => {
    const { page } = watched;
    await choosePrint('配布資料だけ印刷');
    await page.emulateMedia({ media: 'print' });
    const handouts = page.locator('.bn-handout');
    expect(await handouts.count()).toBe(handoutCount);
    for (let index = 0; index < handoutCount; index++) await expect(handouts.nth(index).isVisible()).resolves.toBe(true);
    // Nothing of the article that is not a handout shows: no title, run sheet, script, or page text between handouts.
    const stray = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.bn-facilitator-guide *')]
        .filter((element) => element.checkVisibility() && !element.closest('.bn-handout') && !element.querySelector('.bn-handout'))
        .map((element) => element.tagName),
    );
    expect(stray).toEqual([]);
    pages.handouts = pdfPageCount(await page.pdf({ format: 'A4' }));
    expect(pages.handouts).toBeGreaterThanOrEqual(handoutCount);
    expect(pages.handouts).toBeLessThanOrEqual(handoutCount * 2);
    await page.emulateMedia({ media: 'screen' });
  });

  it('prints the full guide with everything in it, and no controls', async () => {
    const { page } = watched;
    await choosePrint('ガイド全体を印刷');
    await page.emulateMedia({ media: 'print' });
    for (const shown of ['h1', '.bn-run-sheet', '.bn-facilitator-block', '.bn-handout', '.bn-checklist']) {
      await expect(page.locator(`.bn-facilitator-guide ${shown}`).first().isVisible(), shown).resolves.toBe(true);
    }
    const controls = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('button, input, select, textarea')].filter((control) => control.checkVisibility()).map((control) => control.outerHTML.slice(0, 80)),
    );
    expect(controls).toEqual([]);
    // Links print as their text, without the underline that invites a tap.
    const underlined = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.bn-facilitator-guide a')].filter((a) => a.checkVisibility() && getComputedStyle(a).textDecorationLine !== 'none').length,
    );
    expect(underlined).toBe(0);
    pages.full = pdfPageCount(await page.pdf({ format: 'A4' }));
    expect(pages.full).toBeGreaterThan(pages['run-sheet'] + pages.handouts);
    await page.emulateMedia({ media: 'screen' });
  });

  it('prints the full guide when the print dialog is opened without choosing (as without JavaScript)', async () => {
    const { page } = watched;
    await page.goto(`${siteUrl}ja/modules/people-manager/facilitator/`);
    await expect(page.evaluate(() => document.documentElement.dataset.printMode)).resolves.toBeUndefined();
    await page.emulateMedia({ media: 'print' });
    for (const shown of ['h1', '.bn-run-sheet', '.bn-facilitator-block', '.bn-handout']) {
      await expect(page.locator(`.bn-facilitator-guide ${shown}`).first().isVisible(), shown).resolves.toBe(true);
    }
    // Islands that hydrate as they scroll into view can shift a page or so; the guide is still far longer than its parts.
    expect(pdfPageCount(await page.pdf({ format: 'A4' }))).toBeGreaterThan(pages['run-sheet'] + pages.handouts);
    await page.emulateMedia({ media: 'screen' });
  });

  it('hides the print buttons when JavaScript is off, so none is dead', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${siteUrl}ja/modules/people-manager/facilitator/`);
    await expect(page.getByRole('button', { name: '進行表だけ印刷' }).count()).resolves.toBe(0);
    await context.close();
  });
});

describe('facilitators home', () => {
  it('links the workshop guide and the module list', async () => {
    const { page } = watched;
    await page.goto(`${siteUrl}en/facilitators/`);
    await page.getByRole('link', { name: new RegExp(frontMatter('en').title.slice(0, 20)) }).click();
    await page.waitForURL(`${siteUrl}en/modules/people-manager/facilitator/`);
  });
});
