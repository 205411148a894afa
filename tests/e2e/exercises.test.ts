/**
 * Every exercise filled in by keyboard survives a reload; hostile text stays text; a full storage is reported
 * with an export of what is on screen; a second tab follows the first.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { parse as parseYaml } from 'yaml';
import type { Exercise, ExerciseField } from '../../src/schemas/exercise.ts';
import { launchChromium, openWatchedPage, type WatchedPage } from '../support/browser.ts';

const siteUrl = inject('rootSiteUrl');
const exerciseDir = new URL('../../content/exercises/ja/', import.meta.url);
const exercises = readdirSync(exerciseDir).map((file) => ({
  id: file.replace(/\.yaml$/, ''),
  ...(parseYaml(readFileSync(new URL(file, exerciseDir), 'utf8')) as Exercise),
}));

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * 2026-11-23 into the focused date input. A date input is the browser's own keyboard-operable control, and
 * headless Chromium orders its segments by its UI language, not the page's, so the value is set directly.
 */
async function typeDate(page: Page) {
  await page.evaluate(() => {
    const input = document.activeElement as HTMLInputElement;
    input.value = '2026-11-23';
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function waitSaved(page: Page) {
  await page.locator('.bn-save-status[data-status="saved"]').waitFor();
}

/** Fill one field with the keyboard, returning what should be there after a reload. */
async function fillByKeyboard(page: Page, exerciseId: string, field: ExerciseField, marker: string): Promise<(page: Page) => Promise<void>> {
  const inputId = `${exerciseId}-${field.id}`;
  switch (field.type) {
    case 'text':
    case 'textarea':
      await page.getByLabel(field.label, { exact: true }).focus();
      await page.keyboard.type(marker);
      return async (p) => expect(await p.getByLabel(field.label, { exact: true }).inputValue()).toBe(marker);
    case 'scale': {
      const group = page.getByRole('group', { name: field.label });
      await group.getByRole('radio').first().focus();
      await page.keyboard.press('ArrowRight'); // second value
      return async (p) => expect(await p.getByRole('group', { name: field.label }).getByRole('radio').nth(1).isChecked()).toBe(true);
    }
    case 'entries': {
      await page.locator(`#${inputId}-add`).focus();
      await page.keyboard.press('Enter');
      const first = field.fields[0]!;
      const firstInput = page.locator(`#${inputId}-0-${first.id}`);
      await expect.poll(() => firstInput.evaluate((el) => el === document.activeElement)).toBe(true);
      const value = first.type === 'year' ? '2019' : first.type === 'date' ? '' : marker;
      if (first.type === 'date') await typeDate(page);
      else if (first.type === 'scale') await page.keyboard.press('ArrowRight');
      else await page.keyboard.type(value);
      return async (p) => {
        const input = p.locator(`#${inputId}-0-${first.id}`);
        if (first.type === 'date') expect(await input.inputValue()).toBe('2026-11-23');
        else if (first.type !== 'scale') expect(await input.inputValue()).toBe(value);
      };
    }
    case 'rainbow': {
      // The first role in the second age band, then the second role in the first: arrow keys in native selects.
      const [first, second] = field.roles;
      const [band1, band2] = field.bands;
      await page.locator(`#${inputId}-${first!.id}-${band2!.id}`).focus();
      await page.keyboard.press('ArrowDown'); // "0"
      await page.keyboard.press('ArrowDown'); // "1"
      await page.locator(`#${inputId}-${second!.id}-${band1!.id}`).focus();
      for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown'); // "3"
      return async (p) => {
        expect(await p.locator(`#${inputId}-${first!.id}-${band2!.id}`).inputValue()).toBe('1');
        expect(await p.locator(`#${inputId}-${second!.id}-${band1!.id}`).inputValue()).toBe('3');
        expect(await p.locator(`#${inputId}-${first!.id}-${band1!.id}`).inputValue()).toBe('');
      };
    }
    case 'cards': {
      const card = field.cards[0]!;
      await page.locator(`#${inputId}-${card.id}`).focus();
      await page.keyboard.press('ArrowDown'); // first pile
      return async (p) => expect(await p.locator(`#${inputId}-${card.id}`).inputValue()).toBe(field.piles[0]!.id);
    }
    case 'multiselect': {
      // Tick the first and third options with Space, moving between the checkboxes with Tab, as a person would.
      const group = page.getByRole('group', { name: field.label, exact: true });
      await group.getByRole('checkbox').first().focus();
      await page.keyboard.press('Space');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Space');
      return async (p) => {
        const boxes = p.getByRole('group', { name: field.label, exact: true }).getByRole('checkbox');
        expect(await Promise.all(field.options.map((_, i) => boxes.nth(i).isChecked()))).toEqual(field.options.map((_, i) => i === 0 || i === 2));
      };
    }
    case 'select':
      await page.getByLabel(field.label, { exact: true }).focus();
      await page.keyboard.press('ArrowDown');
      return async (p) => expect(await p.getByLabel(field.label, { exact: true }).inputValue()).toBe(field.options[0]!.value);
    case 'date':
      await page.getByLabel(field.label, { exact: true }).focus();
      await typeDate(page);
      return async (p) => expect(await p.getByLabel(field.label, { exact: true }).inputValue()).toBe('2026-11-23');
    case 'year':
      await page.getByLabel(field.label, { exact: true }).focus();
      await page.keyboard.type('2015');
      return async (p) => expect(await p.getByLabel(field.label, { exact: true }).inputValue()).toBe('2015');
  }
}

describe('every exercise, filled in by keyboard', () => {
  it('tests every exercise, each written in both languages, the stage workshops\' and the manager action plan among them', () => {
    const englishIds = readdirSync(new URL('../../content/exercises/en/', import.meta.url)).map((file) => file.replace(/\.yaml$/, '')).sort();
    expect(exercises.map((e) => e.id).sort()).toEqual(englishIds);
    expect(exercises.map((e) => e.id)).toEqual(expect.arrayContaining(['manager-action-plan', 'work-map', 'one-on-one-preparation', 'role-fit', 'career-adaptability-check']));
  });

  for (const exercise of exercises) {
    it(`keeps ${exercise.id} answers after a reload`, async () => {
      const watched = await openWatchedPage(browser);
      const { page } = watched;
      await page.goto(`${siteUrl}ja/exercises/${exercise.id}/`);
      await page.locator('.bn-save-status[data-status="empty"]').waitFor();
      const checks = [];
      for (const [index, field] of exercise.fields.entries()) checks.push(await fillByKeyboard(page, exercise.id, field, `記入テスト ${index} <b>太字ではない</b>`));
      await waitSaved(page);
      await page.reload();
      await waitSaved(page);
      for (const check of checks) await check(page);
      expect(watched.foreignRequests).toEqual([]);
      expect(watched.errors).toEqual([]);
      await watched.context.close();
    });
  }
});

describe('safety of what people type', () => {
  let watched: WatchedPage;
  beforeAll(async () => {
    watched = await openWatchedPage(browser);
  });
  afterAll(async () => {
    await watched.context.close();
  });

  it('shows markup and script as text, and never runs it', async () => {
    const { page } = watched;
    const hostile = '<img src=x onerror="window.__banso_xss=1"><script>window.__banso_xss=2</script>';
    await page.goto(`${siteUrl}ja/exercises/will-can-must/`);
    const field = exercises.find((e) => e.id === 'will-can-must')!.fields[0]!;
    await page.getByLabel(field.label, { exact: true }).fill(hostile);
    await waitSaved(page);
    await page.goto(`${siteUrl}ja/workbook/`);
    await expect(page.locator('.bn-take-away').textContent()).resolves.toContain(hostile);
    expect(await page.evaluate(() => (window as unknown as { __banso_xss?: number }).__banso_xss)).toBeUndefined();
    expect(await page.locator('.bn-take-away img').count()).toBe(0);
  });
});

describe('storage trouble', () => {
  it('says plainly when storage is full and offers the text on screen as a file', async () => {
    const watched = await openWatchedPage(browser);
    const { page } = watched;
    await watched.context.addInitScript(() => {
      const original = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key: string, value: string) {
        if (key.startsWith('banso:exercise:')) throw new DOMException('full', 'QuotaExceededError');
        return original.call(this, key, value);
      };
    });
    await page.goto(`${siteUrl}en/exercises/will-can-must/`);
    const field = (parseYaml(readFileSync(new URL('../../content/exercises/en/will-can-must.yaml', import.meta.url), 'utf8')) as Exercise).fields[0]!;
    await page.getByLabel(field.label, { exact: true }).fill('My will, which must not be lost');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain("This browser's storage is full");
    const [download] = await Promise.all([page.waitForEvent('download'), alert.getByRole('button', { name: 'Export what is on screen to a file' }).click()]);
    const saved = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(saved.exercises['will-can-must'].answers[field.id]).toBe('My will, which must not be lost');
    expect(await page.getByLabel(field.label, { exact: true }).inputValue()).toBe('My will, which must not be lost');
    await watched.context.close();
  });

  it('keeps a second tab of the same exercise in step with the first', async () => {
    const watched = await openWatchedPage(browser);
    const tabA = watched.page;
    const tabB = await watched.context.newPage();
    const label = exercises.find((e) => e.id === 'will-can-must')!.fields[0]!.label;
    await tabA.goto(`${siteUrl}ja/exercises/will-can-must/`);
    await tabB.goto(`${siteUrl}ja/exercises/will-can-must/`);
    await tabA.getByLabel(label, { exact: true }).fill('タブAで書いた文');
    await waitSaved(tabA);
    await expect.poll(() => tabB.getByLabel(label, { exact: true }).inputValue()).toBe('タブAで書いた文');
    await watched.context.close();
  });
});

describe('two tabs and a crash lose nothing (issue 15)', () => {
  const fieldsOf = () => exercises.find((e) => e.id === 'will-can-must')!.fields;
  const stored = (page: Page) => page.evaluate(() => JSON.parse(localStorage.getItem('banso:exercise:will-can-must') ?? '{}').answers ?? {});
  /**
   * Both tabs' clocks are paused, so neither autosaves on its own: tab B keeps its edits unsaved while tab A saves
   * as it does when a person leaves it (pagehide).
   */
  const twoPausedTabs = async () => {
    const watched = await openWatchedPage(browser);
    await watched.context.clock.install({ time: new Date('2026-11-30T10:00:00Z') });
    await watched.context.clock.pauseAt(new Date('2026-11-30T10:00:01Z'));
    const tabB = await watched.context.newPage();
    await watched.page.goto(`${siteUrl}ja/exercises/will-can-must/`);
    await tabB.goto(`${siteUrl}ja/exercises/will-can-must/`);
    return { watched, tabA: watched.page, tabB };
  };
  const saveByLeaving = async (page: Page) => {
    await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pagehide')));
    await waitSaved(page);
  };

  it('merges edits of different fields made in two tabs at once, without asking', async () => {
    const [will, can] = fieldsOf();
    const { watched, tabA, tabB } = await twoPausedTabs();
    await tabB.getByLabel(can!.label, { exact: true }).fill('タブBのCan');
    await tabA.getByLabel(will!.label, { exact: true }).fill('タブAのWill');
    await saveByLeaving(tabA);
    await expect.poll(() => tabB.getByLabel(will!.label, { exact: true }).inputValue()).toBe('タブAのWill');
    await expect.poll(() => stored(tabA)).toMatchObject({ will: 'タブAのWill', can: 'タブBのCan' });
    expect(await tabB.getByRole('alert').count()).toBe(0);
    expect(await tabB.getByLabel(can!.label, { exact: true }).inputValue()).toBe('タブBのCan');
    expect(watched.errors).toEqual([]);
    await watched.context.close();
  });

  it('asks only about a field changed in both tabs, naming it, and keeps the other tab\'s other fields', async () => {
    const [will, can, must] = fieldsOf();
    const { watched, tabA, tabB } = await twoPausedTabs();
    await tabB.getByLabel(will!.label, { exact: true }).fill('タブBのWill');
    await tabB.getByLabel(can!.label, { exact: true }).fill('タブBのCan');
    await tabA.getByLabel(will!.label, { exact: true }).fill('タブAのWill');
    await tabA.getByLabel(must!.label, { exact: true }).fill('タブAのMust');
    await saveByLeaving(tabA);
    const question = tabB.getByRole('group', { name: will!.label });
    await question.waitFor();
    expect(await tabB.getByRole('alert').getByRole('group').count()).toBe(1);
    expect(await tabB.getByLabel(must!.label, { exact: true }).inputValue()).toBe('タブAのMust');
    await question.getByRole('button', { name: '別のタブの内容を読み込む' }).click();
    await expect.poll(() => stored(tabA)).toMatchObject({ will: 'タブAのWill', can: 'タブBのCan', must: 'タブAのMust' });
    expect(await tabB.getByLabel(will!.label, { exact: true }).inputValue()).toBe('タブAのWill');
    await watched.context.close();
  });

  it('keeps an edit when the tab crashes a moment after typing', async () => {
    const [will] = fieldsOf();
    const watched = await openWatchedPage(browser);
    await watched.page.goto(`${siteUrl}ja/exercises/will-can-must/`);
    const cdp = await watched.context.newCDPSession(watched.page);
    await watched.page.getByLabel(will!.label, { exact: true }).fill('落ちる直前の一文');
    // Past the autosave delay, well within the 600 ms it used to be.
    await new Promise((resolve) => setTimeout(resolve, 350));
    void cdp.send('Page.crash').catch(() => {});
    await new Promise((resolve) => setTimeout(resolve, 300));
    const again = await watched.context.newPage();
    await again.goto(`${siteUrl}ja/exercises/will-can-must/`);
    expect(await again.getByLabel(will!.label, { exact: true }).inputValue()).toBe('落ちる直前の一文');
    await watched.context.close();
  });

  it('saves at once when the tab is hidden or left, before the autosave delay', async () => {
    const [will, can] = fieldsOf();
    const watched = await openWatchedPage(browser);
    const page = watched.page;
    await page.goto(`${siteUrl}ja/exercises/will-can-must/`);
    await page.getByLabel(will!.label, { exact: true }).fill('隠れる直前の一文');
    const savedWhenHidden = await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
      document.dispatchEvent(new Event('visibilitychange'));
      return JSON.parse(localStorage.getItem('banso:exercise:will-can-must') ?? '{}').answers?.will;
    });
    expect(savedWhenHidden).toBe('隠れる直前の一文');
    await page.reload();
    await page.getByLabel(can!.label, { exact: true }).fill('離れる直前の一文');
    await page.goto(`${siteUrl}ja/`);
    await page.goto(`${siteUrl}ja/exercises/will-can-must/`);
    expect(await page.getByLabel(can!.label, { exact: true }).inputValue()).toBe('離れる直前の一文');
    expect(watched.errors).toEqual([]);
    await watched.context.close();
  });
});

describe('what exercises show besides the form', () => {
  it('gathers every lesson of the learning journal into one list', async () => {
    const watched = await openWatchedPage(browser);
    const { page } = watched;
    await page.goto(`${siteUrl}en/exercises/learning-journal/`);
    const add = page.locator('#learning-journal-entries-add');
    for (const [index, lesson] of ['Ask about their worry before offering my plan', 'Write the decision down before the meeting ends'].entries()) {
      await add.click();
      await page.locator(`#learning-journal-entries-${index}-lesson`).fill(lesson);
    }
    const lessons = page.getByRole('region', { name: 'All my lessons so far' }).getByRole('listitem');
    await expect.poll(() => lessons.allTextContents()).toEqual(['Ask about their worry before offering my plan', 'Write the decision down before the meeting ends']);
    await watched.context.close();
  });

  it('links the workshops that use an exercise', async () => {
    const watched = await openWatchedPage(browser);
    await watched.page.goto(`${siteUrl}ja/exercises/assignment-meaning/`);
    await watched.page.getByRole('link', { name: 'チームメンバーのキャリアを支援するワークショップ' }).click();
    await watched.page.waitForURL(`${siteUrl}ja/modules/people-manager/`);
    await watched.context.close();
  });
});

describe('values card sort by pointer', () => {
  it('moves a card onto a pile by dragging it', async () => {
    const exercise = exercises.find((e) => e.id === 'values-card-sort')!;
    const field = exercise.fields.find((f) => f.type === 'cards')!;
    if (field.type !== 'cards') throw new Error('values-card-sort has no cards field');
    // Tall enough that the card and the pile are both on screen, as they would be for a person dragging.
    const watched = await openWatchedPage(browser, { viewport: { width: 1280, height: 3200 } });
    const { page } = watched;
    await page.goto(`${siteUrl}ja/exercises/values-card-sort/`);
    const card = field.cards[1]!;
    const pile = field.piles[1]!;
    await page
      .locator('.bn-value-card')
      .filter({ hasText: card.label })
      .first()
      .locator('label')
      .dragTo(page.getByRole('region', { name: pile.label, exact: true }), { targetPosition: { x: 40, y: 20 } });
    await expect.poll(() => page.locator(`#values-card-sort-${field.id}-${card.id}`).inputValue()).toBe(pile.id);
    await waitSaved(page);
    await watched.context.close();
  });
});

describe('the life-career rainbow, on a phone and on paper', () => {
  const rainbowExercise = exercises.find((e) => e.id === 'life-career-rainbow')!;
  const field = rainbowExercise.fields.find((f) => f.type === 'rainbow')!;
  if (field.type !== 'rainbow') throw new Error('life-career-rainbow has no rainbow field');
  const select = (roleIndex: number, bandIndex: number) => `#life-career-rainbow-${field.id}-${field.roles[roleIndex]!.id}-${field.bands[bandIndex]!.id}`;

  it('is filled in by keyboard, kept after a reload, drawn and tabulated, and printed without its inputs', async () => {
    const watched = await openWatchedPage(browser, { viewport: { width: 390, height: 844 } });
    const { page } = watched;
    await page.goto(`${siteUrl}ja/exercises/life-career-rainbow/`);
    await page.locator('.bn-save-status[data-status="empty"]').waitFor();
    // The worker role (fifth ring) in the thirties: found by its label, which names the role as well as the decade.
    const worker = field.roles.findIndex((role) => role.id === 'worker');
    const workerThirties = page.getByLabel(`${field.roles[worker]!.label}、${field.bands[2]!.label}`, { exact: true });
    await workerThirties.focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown'); // 3
    await page.keyboard.press('Tab'); // the forties, in the same role
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown'); // 1
    await page.keyboard.press('Tab'); // the fifties
    await page.keyboard.press('ArrowDown'); // 0: not in this role
    await waitSaved(page);
    await page.reload();
    await waitSaved(page);
    expect(await workerThirties.inputValue()).toBe('3');
    expect(await page.locator(select(worker, 3)).inputValue()).toBe('1');
    expect(await page.locator(select(worker, 4)).inputValue()).toBe('0');
    expect(await page.locator(select(worker, 5)).inputValue()).toBe('');

    const chart = page.locator('.bn-exercise .bn-rainbow');
    // Two filled segments (weight 0 fills nothing), thicker for the larger weight.
    const filled = chart.locator('svg path[data-weight]');
    await expect.poll(() => filled.count()).toBe(2);
    // The band's thickness is the difference between the radii of its two arcs ("A r r …").
    const thickness = async (weight: string) => {
      const [outer, inner] = [...((await chart.locator(`svg path[data-weight="${weight}"]`).getAttribute('d')) ?? '').matchAll(/A([\d.]+) /g)].map((m) => Number(m[1]));
      return outer! - inner!;
    };
    expect(await thickness('3')).toBeCloseTo(3 * (await thickness('1')), 0);
    const row = chart.locator('tbody tr').nth(worker);
    await expect(row.locator('th').textContent()).resolves.toContain(field.roles[worker]!.label);
    expect(await row.getByRole('cell').allTextContents()).toEqual(['—', '—', `3：${field.levels[3]}`, `1：${field.levels[1]}`, `0：${field.levels[0]}`, '—', '—']);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    await page.emulateMedia({ media: 'print' });
    await expect(workerThirties.isVisible()).resolves.toBe(false);
    await expect(chart.locator('svg').isVisible()).resolves.toBe(true);
    await expect(chart.getByRole('table').isVisible()).resolves.toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.emulateMedia({ media: 'screen' });
    expect(watched.foreignRequests).toEqual([]);
    expect(watched.errors).toEqual([]);
    await watched.context.close();
  });

  it('draws the worked example on the server, with a table a screen reader can read', async () => {
    const watched = await openWatchedPage(browser);
    const { page } = watched;
    await page.goto(`${siteUrl}en/exercises/life-career-rainbow/`);
    const example = page.locator('.bn-example');
    await example.locator('summary').click();
    const weights = Object.values(rainbowExample()).flatMap((cells) => Object.values(cells));
    await expect(example.locator('svg path[data-weight]').count()).resolves.toBe(weights.filter((w) => w > 0).length);
    await expect(example.getByRole('table').getByRole('row').count()).resolves.toBe(1 + field.roles.length);
    await watched.context.close();
  });

  function rainbowExample(): Record<string, Record<string, number>> {
    const english = parseYaml(readFileSync(new URL('../../content/exercises/en/life-career-rainbow.yaml', import.meta.url), 'utf8')) as Exercise;
    return english.example.rainbow as Record<string, Record<string, number>>;
  }
});

describe('the career inventory prints like the Job Card forms', () => {
  it('shows the work history as a bordered table on A4, its columns headed by the sub-fields, nothing cut off', async () => {
    const watched = await openWatchedPage(browser);
    const { page } = watched;
    const inventory = exercises.find((e) => e.id === 'career-inventory')!;
    const history = inventory.fields.find((f) => f.id === 'workHistory')!;
    if (history.type !== 'entries') throw new Error('workHistory is not an entries field');
    await page.goto(`${siteUrl}ja/exercises/career-inventory/`);
    await page.locator('#career-inventory-workHistory-add').click();
    const long = '夜勤帯の人員配置、出荷計画の管理、新人教育、倉庫管理システムのトラブル時の一次対応。'.repeat(4);
    await page.locator('#career-inventory-workHistory-0-period').fill('2016年4月〜現在');
    await page.locator('#career-inventory-workHistory-0-company').fill('通販出荷センター 出荷チーム');
    await page.locator('#career-inventory-workHistory-0-duties').fill(long);
    await page.locator('#career-inventory-workHistory-0-learned').fill('Unbreakable_identifier_without_spaces_'.repeat(5));
    await waitSaved(page);

    const table = page.locator('.bn-exercise table.bn-sheet-table').filter({ hasText: history.label });
    await expect(table.isVisible()).resolves.toBe(false); // on screen, the inputs
    await page.emulateMedia({ media: 'print' });
    await expect(table.isVisible()).resolves.toBe(true);
    await expect(page.locator('#career-inventory-workHistory-0-duties').isVisible()).resolves.toBe(false);
    expect(await table.locator('thead th').allTextContents()).toEqual(history.fields.map((sub) => sub.label));
    expect(await table.locator('tbody td').nth(2).textContent()).toBe(long);
    expect(await table.evaluate((t) => getComputedStyle(t.querySelector('td')!).borderTopStyle)).toBe('solid');
    // A4 portrait less the margins is about 182 mm wide: lay the page out at that width and check no cell overflows.
    await page.setViewportSize({ width: 688, height: 1000 });
    const overflowing = await table.locator('td, th').evaluateAll((cells) => cells.filter((cell) => cell.scrollWidth > cell.clientWidth + 1).map((cell) => cell.textContent));
    expect(overflowing).toEqual([]);
    expect(await table.evaluate((t) => t.getBoundingClientRect().right <= document.documentElement.clientWidth)).toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.emulateMedia({ media: 'screen' });
    expect(watched.errors).toEqual([]);
    await watched.context.close();
  });
});
