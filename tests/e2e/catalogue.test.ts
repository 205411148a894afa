/**
 * The module catalogue (/{lang}/modules/): a card per published module, filters by stage, length and format that
 * work by keyboard with JavaScript and by CSS alone without it, the count announced, and the "which workshop for
 * whom" guide honest about which stages have a workshop. Expectations come from the module sources.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { parse as parseYaml } from 'yaml';
import { axeViolations, describeViolations, launchChromium, openWatchedPage, type WatchedPage } from '../support/browser.ts';

const siteUrl = inject('rootSiteUrl');

interface ModuleSource {
  id: string;
  title: string;
  audience: string;
  durationMinutes: number;
  formats: string[];
  groupSize: { min: number; max: number };
  exercises: string[];
}
function modulesOf(locale: string): ModuleSource[] {
  const folder = new URL(`../../content/modules/${locale}/`, import.meta.url);
  return readdirSync(folder)
    .filter((file) => file.endsWith('.mdx'))
    .map((file) => parseYaml(readFileSync(new URL(file, folder), 'utf8').split(/^---$/m)[1]!) as ModuleSource);
}
const modules = modulesOf('ja');
const ids = (predicate: (m: ModuleSource) => boolean) => modules.filter(predicate).map((m) => m.id).sort();
const stageIds = (parseYaml(readFileSync(new URL('../../content/stages.yaml', import.meta.url), 'utf8')) as { id: string }[]).map((s) => s.id);

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** The module ids of the cards a person can see, read from each card's title link. */
async function visibleCards(page: Page): Promise<string[]> {
  return page.locator('[data-catalogue-card]').evaluateAll((cards) =>
    cards
      .filter((card) => (card as HTMLElement).checkVisibility())
      .map((card) => card.querySelector('h2 a')!.getAttribute('href')!.split('/').filter(Boolean).pop()!)
      .sort(),
  );
}

const group = (page: Page, name: string) => page.getByRole('group', { name, exact: true });

/**
 * The page's text as Chromium's accessibility tree gives it to a screen reader, CSS-generated text included
 * (the no-JavaScript count is a CSS counter, which no DOM property shows).
 */
async function accessibleText(page: Page): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { role?: { value: string }; name?: { value: string } }[] };
  await cdp.detach();
  return nodes.filter((node) => node.role?.value === 'StaticText').map((node) => node.name?.value ?? '').join('');
}

it('the content offers something to filter: modules of different stages and both duration bands', () => {
  expect(new Set(modules.map((m) => m.audience)).size).toBeGreaterThan(1);
  expect(modules.some((m) => m.durationMinutes <= 180) && modules.some((m) => m.durationMinutes > 180)).toBe(true);
});

describe('the catalogue with JavaScript', () => {
  let watched: WatchedPage;
  beforeAll(async () => {
    watched = await openWatchedPage(browser);
  });
  afterAll(async () => {
    expect(watched.foreignRequests).toEqual([]);
    expect(watched.errors).toEqual([]);
    await watched.context.close();
  });

  it('shows a card per module with its stage, length, formats, group size, exercises and both views', async () => {
    const { page } = watched;
    await page.goto(`${siteUrl}ja/modules/`);
    expect(await visibleCards(page)).toEqual(ids(() => true));
    const firstYears = modules.find((m) => m.id === 'first-years')!;
    const card = page.locator('[data-catalogue-card]').filter({ has: page.getByRole('heading', { name: firstYears.title }) });
    await expect(card.locator('dl').textContent().then((text) => text!.replace(/\s+/g, ''))).resolves.toBe('対象入社初期（入社1〜3年目ごろ）所要時間3時間実施形式対面・オンライン人数6〜24人');
    const exerciseLinks = await card.getByRole('list').getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(exerciseLinks).toEqual(firstYears.exercises.map((id) => `/ja/exercises/${id}/`));
    // Each view's link names the module too (visually hidden), so a list of links read out of context still says which.
    await expect(card.getByRole('link', { name: /^参加者用ページ/ }).getAttribute('href')).resolves.toBe('/ja/modules/first-years/');
    await expect(card.getByRole('link', { name: /^ファシリテーターガイド/ }).getAttribute('href')).resolves.toBe('/ja/modules/first-years/facilitator/');
    await expect(card.getByRole('link', { name: firstYears.title }).count()).resolves.toBe(3);
    // Cards follow a working life: the stages in the model's order, people managers last.
    const order = await page.locator('[data-catalogue-card]').evaluateAll((cards) => cards.map((c) => (c as HTMLElement).dataset.stage!));
    const rank = (audience: string) => (stageIds.includes(audience) ? stageIds.indexOf(audience) : stageIds.length);
    expect(order).toEqual([...order].sort((a, b) => rank(a) - rank(b)));
  });

  it('filters by keyboard, announces the count in a status region and keeps the choice in the URL', async () => {
    const { page } = watched;
    const total = modules.length;
    await group(page, '対象').getByRole('radio', { name: 'すべて' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(group(page, '対象').getByRole('radio', { name: '入社初期' }).isChecked()).resolves.toBe(true);
    expect(await visibleCards(page)).toEqual(ids((m) => m.audience === 'first-years'));
    await expect.poll(() => page.getByRole('main').getByRole('status').textContent()).toBe(`${ids((m) => m.audience === 'first-years').length}件のワークショップが該当します（全${total}件）。`);
    expect(new URL(page.url()).search).toBe('?stage=first-years');

    // Tab moves to the next group (its checked radio); the arrows choose within it.
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => (document.activeElement as HTMLInputElement).name)).resolves.toBe('duration');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(group(page, '所要時間').getByRole('radio', { name: '3時間を超える' }).isChecked()).resolves.toBe(true);
    expect(await visibleCards(page)).toEqual([]);
    await expect(page.getByText('この条件に合うワークショップはありません').isVisible()).resolves.toBe(true);
    await expect.poll(() => page.getByRole('main').getByRole('status').textContent()).toBe(`0件のワークショップが該当します（全${total}件）。`);
    expect(new URL(page.url()).search).toBe('?stage=first-years&duration=over-3h');

    // Back to all stages: the longer modules come back.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('ArrowLeft');
    expect(await visibleCards(page)).toEqual(ids((m) => m.durationMinutes > 180));
    await expect(page.getByText('この条件に合うワークショップはありません').isVisible()).resolves.toBe(false);

    // The reset button, reached by Tab and pressed with Enter, clears every group.
    await page.getByRole('button', { name: '条件をすべて外す' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => visibleCards(page)).toEqual(ids(() => true));
    await expect.poll(() => page.getByRole('main').getByRole('status').textContent()).toBe(`${total}件のワークショップが該当します（全${total}件）。`);
    expect(new URL(page.url()).search).toBe('');
  });

  it('opens filtered from a link, and ignores a value it does not offer', async () => {
    const { page } = watched;
    await page.goto(`${siteUrl}en/modules/?duration=over-3h&format=by-post`);
    expect(await visibleCards(page)).toEqual(ids((m) => m.durationMinutes > 180));
    await expect(group(page, 'Length').getByRole('radio', { name: 'Over 3 hours' }).isChecked()).resolves.toBe(true);
    await expect(group(page, 'Format').getByRole('radio', { name: 'All' }).isChecked()).resolves.toBe(true);
    await expect(page.getByRole('main').getByRole('status').textContent()).resolves.toBe(`${ids((m) => m.durationMinutes > 180).length} of ${modules.length} workshops match.`);
  });
});

describe('the catalogue without JavaScript', () => {
  it('filters with the same native controls, never submits, and counts what is shown', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 800 }, locale: 'ja-JP' });
    const page = await context.newPage();
    await page.goto(`${siteUrl}ja/modules/`);
    expect(await visibleCards(page)).toEqual(ids(() => true));
    await expect(accessibleText(page)).resolves.toContain(`${modules.length}件のワークショップが該当します（全${modules.length}件）`);

    await group(page, '対象').getByRole('radio', { name: 'すべて' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(group(page, '対象').getByRole('radio', { name: '専門性を築く時期' }).isChecked()).resolves.toBe(true);
    expect(await visibleCards(page)).toEqual(ids((m) => m.audience === 'early-career'));
    await expect(accessibleText(page)).resolves.toContain(`${ids((m) => m.audience === 'early-career').length}件のワークショップが該当します（全${modules.length}件）`);

    // Enter in a radio group would submit a form; here it must not, or the reload would clear the filter.
    const before = page.url();
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    expect(page.url()).toBe(before);
    expect(await visibleCards(page)).toEqual(ids((m) => m.audience === 'early-career'));

    // A combination that finds nothing says so.
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowRight');
    await expect(group(page, '所要時間').getByRole('radio', { name: '3時間以内' }).isChecked()).resolves.toBe(true);
    expect(await visibleCards(page)).toEqual(ids((m) => m.audience === 'early-career' && m.durationMinutes <= 180));
    await expect(page.getByText('この条件に合うワークショップはありません').isVisible()).resolves.toBe(true);

    // Format: every card that offers online stays.
    await group(page, '所要時間').getByRole('radio', { name: 'すべて' }).check();
    await group(page, '対象').getByRole('radio', { name: 'すべて' }).check();
    await group(page, '実施形式').getByRole('radio', { name: 'オンライン' }).check();
    expect(await visibleCards(page)).toEqual(ids((m) => m.formats.includes('online')));
    await expect(page.getByText('この条件に合うワークショップはありません').isVisible()).resolves.toBe(false);

    // The form's own reset button brings every card back.
    await page.getByRole('button', { name: '条件をすべて外す' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => visibleCards(page)).toEqual(ids(() => true));
    await context.close();
  });
});

describe('which workshop for whom', () => {
  it('links the stages that have a workshop and says plainly which are not yet in the kit', async () => {
    const watched = await openWatchedPage(browser);
    for (const [locale, notYet] of [['ja', 'この段階のワークショップは、まだキットにありません。'], ['en', 'There is no workshop for this stage in the kit yet.']] as const) {
      await watched.page.goto(`${siteUrl}${locale}/modules/`);
      const localised = modulesOf(locale);
      for (const stage of stageIds) {
        const entry = watched.page.locator(`#for-${stage}`);
        const module = localised.find((m) => m.audience === stage);
        if (module) {
          await expect(entry.getByRole('link', { name: module.title }).getAttribute('href')).resolves.toBe(`/${locale}/modules/${module.id}/`);
          await expect(entry.getByText(notYet).count()).resolves.toBe(0);
        } else {
          await expect(entry.getByText(notYet).isVisible()).resolves.toBe(true);
          await expect(entry.locator(`a[href="/${locale}/guides/interview-guide/#stage-${stage}"]`).count()).resolves.toBe(1);
          await expect(entry.locator(`a[href^="/${locale}/exercises/"]`).count()).resolves.toBeGreaterThan(0);
        }
      }
      // Becoming a manager leads to the people-manager workshop; the occasions cover the Self-Career Dock's milestones.
      const manager = localised.find((m) => m.audience === 'people-managers')!;
      await expect(watched.page.locator('#becoming-a-manager').getByRole('link', { name: manager.title }).count()).resolves.toBe(1);
      for (const occasion of ['returning-from-leave', 'after-a-transfer', 'mid-career-hire']) {
        await expect(watched.page.locator(`#${occasion}`).isVisible()).resolves.toBe(true);
      }
    }
    // The guide's interview links land on a real section.
    await watched.page.goto(`${siteUrl}en/guides/interview-guide/#stage-veteran`);
    await expect(watched.page.locator('#stage-veteran').isVisible()).resolves.toBe(true);
    expect(watched.errors).toEqual([]);
    await watched.context.close();
  });
});

describe('accessibility and the phone', () => {
  for (const [name, viewport] of [['desktop', { width: 1280, height: 800 }], ['phone', { width: 375, height: 740 }]] as const) {
    it(`finds no WCAG 2.2 AA violation on ${name}, filtered or not, and nothing wider than the screen`, async () => {
      const watched = await openWatchedPage(browser, { viewport });
      for (const locale of ['ja', 'en']) {
        await watched.page.goto(`${siteUrl}${locale}/modules/`);
        expect(describeViolations(await axeViolations(watched.page))).toEqual([]);
        await expect(watched.page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(viewport.width);
      }
      await watched.page.goto(`${siteUrl}ja/modules/?stage=first-years&duration=over-3h`);
      await expect(watched.page.getByText('この条件に合うワークショップはありません').isVisible()).resolves.toBe(true);
      expect(describeViolations(await axeViolations(watched.page))).toEqual([]);
      expect(watched.errors).toEqual([]);
      await watched.context.close();
    });
  }
});
