/** My workbook: export, import on a fresh browser profile, a corrupt import that changes nothing, erase. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { parse as parseYaml } from 'yaml';
import type { Exercise } from '../../src/schemas/exercise.ts';
import { launchChromium, openWatchedPage, type WatchedPage } from '../support/browser.ts';
import { testOutput } from '../support/sites.ts';

const siteUrl = inject('rootSiteUrl');
const exerciseCount = readdirSync(new URL('../../content/exercises/en/', import.meta.url)).length;
const labelOf = (id: string) => (parseYaml(readFileSync(new URL(`../../content/exercises/en/${id}.yaml`, import.meta.url), 'utf8')) as Exercise).fields[0]!.label;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function write(page: Page, exerciseId: string, text: string) {
  await page.goto(`${siteUrl}en/exercises/${exerciseId}/`);
  await page.getByLabel(labelOf(exerciseId), { exact: true }).fill(text);
  await page.locator('.bn-save-status[data-status="saved"]').waitFor();
}

async function exportWorkbook(page: Page): Promise<{ path: string; json: { exercises: Record<string, { answers: unknown }> } }> {
  await page.goto(`${siteUrl}en/workbook/`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export all exercises to a file' }).click()]);
  const path = (await download.path())!;
  return { path, json: JSON.parse(readFileSync(path, 'utf8')) };
}

describe('my workbook', () => {
  let first: WatchedPage;
  let exported: Awaited<ReturnType<typeof exportWorkbook>>;

  beforeAll(async () => {
    first = await openWatchedPage(browser);
    await write(first.page, 'will-can-must', 'Become the person the team asks about accessibility');
    await write(first.page, 'assignment-meaning', 'Review the onboarding guide');
    exported = await exportWorkbook(first.page);
  });
  afterAll(async () => {
    expect(first.foreignRequests).toEqual([]);
    expect(first.errors).toEqual([]);
    await first.context.close();
  });

  it('lists started exercises with their time of last change', async () => {
    const list = first.page.locator('.bn-workbook-list');
    await expect(list.getByRole('listitem').filter({ hasText: /Last changed/ }).count()).resolves.toBe(2);
  });

  it('exports a documented, versioned file with the answers', () => {
    expect(exported.json).toMatchObject({ format: 'banso-workbook', version: 2 });
    expect(Object.keys(exported.json.exercises).sort()).toEqual(['assignment-meaning', 'will-can-must']);
  });

  it('imports the export on a fresh profile and gives the same workbook', async () => {
    const fresh = await openWatchedPage(browser);
    await fresh.page.goto(`${siteUrl}en/workbook/`);
    await fresh.page.getByLabel('Import an exported file').setInputFiles(exported.path);
    await fresh.page.getByText('The file holds 2 exercises.').waitFor();
    await fresh.page.getByRole('button', { name: /^Replace/ }).click();
    await fresh.page.getByText('2 exercises imported.').waitFor();
    const again = await exportWorkbook(fresh.page);
    const answersOf = (file: typeof exported.json) => Object.fromEntries(Object.entries(file.exercises).map(([id, r]) => [id, r.answers]));
    expect(answersOf(again.json)).toEqual(answersOf(exported.json));
    await fresh.page.goto(`${siteUrl}en/exercises/will-can-must/`);
    await expect(fresh.page.getByLabel(labelOf('will-can-must'), { exact: true }).inputValue()).resolves.toBe('Become the person the team asks about accessibility');
    await fresh.context.close();
  });

  it('prints a take-away pack of the answers without the controls or the site chrome', async () => {
    const { page } = first;
    await page.goto(`${siteUrl}en/workbook/`);
    await page.getByRole('heading', { name: 'Take-away pack' }).waitFor();
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.bn-take-away').textContent()).resolves.toContain('Become the person the team asks about accessibility');
    await expect(page.locator('.bn-take-away').isVisible()).resolves.toBe(true);
    await expect(page.locator('.bn-workbook-actions').isVisible()).resolves.toBe(false);
    await expect(page.locator('.site-header').isVisible()).resolves.toBe(false);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.emulateMedia({ media: 'screen' });
  });

  it('rejects a corrupt file with reasons and changes nothing', async () => {
    const { page } = first;
    await page.goto(`${siteUrl}en/workbook/`);
    const corrupt = `${testOutput}corrupt-workbook.json`;
    const tampered = structuredClone(exported.json) as { exercises: Record<string, { answers: Record<string, unknown> }> };
    tampered.exercises['will-can-must']!.answers = { notAField: 'x' };
    writeFileSync(corrupt, JSON.stringify(tampered));
    await page.getByLabel('Import an exported file').setInputFiles(corrupt);
    const alert = page.getByRole('alert');
    await expect(alert.textContent()).resolves.toContain('This file could not be imported. Nothing you had has changed.');
    await expect(alert.textContent()).resolves.toContain('In "Will, Can, Must": "notAField" is not a question of this exercise');
    const notJson = `${testOutput}not-a-workbook.zip`;
    writeFileSync(notJson, 'PK\u0003\u0004 not json');
    await page.getByLabel('Import an exported file').setInputFiles(notJson);
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('it is not JSON text');
    const after = await exportWorkbook(page);
    expect(after.json.exercises).toEqual(exported.json.exercises);
  });

  it('refuses, in Japanese on a Japanese page, a revision past 2^53 and a key the format does not have (issue 15)', async () => {
    const { page } = first;
    await page.goto(`${siteUrl}ja/workbook/`);
    const input = page.getByLabel('書き出したファイルを読み込む');
    const huge = structuredClone(exported.json) as unknown as { exercises: Record<string, { revision: number }> };
    huge.exercises['will-can-must']!.revision = 2 ** 53;
    writeFileSync(`${testOutput}huge-revision.json`, JSON.stringify(huge));
    await input.setInputFiles(`${testOutput}huge-revision.json`);
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('「Will・Can・Must」：「revision」は0〜9007199254740991の整数にしてください。');
    writeFileSync(`${testOutput}extra-key.json`, JSON.stringify({ ...exported.json, owner: '佐藤' }));
    await input.setInputFiles(`${testOutput}extra-key.json`);
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('「owner」はワークブックのファイルにない項目です。');
    expect(await page.getByRole('group', { name: '取り込み方' }).count()).toBe(0);
    const after = await exportWorkbook(page);
    expect(after.json.exercises).toEqual(exported.json.exercises);
  });

  it('erases everything only after confirmation', async () => {
    const { page } = first;
    await page.goto(`${siteUrl}en/workbook/`);
    await page.getByRole('button', { name: 'Erase all my notes from this device' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();
    await expect(page.locator('.bn-workbook-list').getByText(/Last changed/).count()).resolves.toBe(2);
    await page.getByRole('button', { name: 'Erase all my notes from this device' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Erase', exact: true }).click();
    await page.getByText('All your notes have been erased from this device.').waitFor();
    await expect(page.locator('.bn-workbook-list').getByText(/Last changed/).count()).resolves.toBe(0);
    await page.reload();
    // The list is drawn by the island: wait for it rather than counting at once after the reload.
    await expect.poll(() => page.locator('.bn-workbook-list').getByText('Not started').count()).toBe(exerciseCount);
  });
});

describe('on a phone: the manager action plan and the self-efficacy sources, by keyboard', () => {
  const phone = { viewport: { width: 375, height: 740 } };
  const plan = {
    assignTo: 'Care worker, third year, came from retail',
    assignWork: 'A five-minute talk at the family meeting on how we help at mealtimes',
    reviewNoticed: 'I filled silences with another question instead of waiting',
  };
  let phoneA: WatchedPage;
  let file: Awaited<ReturnType<typeof exportWorkbook>>;

  beforeAll(async () => {
    phoneA = await openWatchedPage(browser, phone);
  });
  afterAll(async () => {
    expect(phoneA.foreignRequests).toEqual([]);
    expect(phoneA.errors).toEqual([]);
    await phoneA.context.close();
  });

  it('keeps the action plan typed by keyboard after a reload, with nothing wider than the screen', async () => {
    const { page } = phoneA;
    await page.goto(`${siteUrl}en/exercises/manager-action-plan/`);
    await page.locator('.bn-save-status[data-status="empty"]').waitFor();
    await page.getByLabel('Assignment: who', { exact: true }).focus();
    await page.keyboard.type(plan.assignTo);
    await page.keyboard.press('Tab'); // to "the work"
    await page.keyboard.type(plan.assignWork);
    await page.getByLabel('Review: what I noticed about my own approach', { exact: true }).focus();
    await page.keyboard.type(plan.reviewNoticed);
    await page.locator('.bn-save-status[data-status="saved"]').waitFor();
    await page.reload();
    await page.locator('.bn-save-status[data-status="saved"]').waitFor();
    expect(await page.getByLabel('Assignment: who', { exact: true }).inputValue()).toBe(plan.assignTo);
    expect(await page.getByLabel('Assignment: the work', { exact: true }).inputValue()).toBe(plan.assignWork);
    expect(await page.getByLabel('Review: what I noticed about my own approach', { exact: true }).inputValue()).toBe(plan.reviewNoticed);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  });

  it('ticks several sources of one win with the space bar, and keeps them', async () => {
    const { page } = phoneA;
    await page.goto(`${siteUrl}en/exercises/self-efficacy-log/`);
    await page.locator('#self-efficacy-log-wins-add').focus();
    await page.keyboard.press('Enter');
    await page.locator('#self-efficacy-log-wins-0-win').focus();
    await page.keyboard.type('Checked in a coach party of forty in fifteen minutes');
    await page.keyboard.press('Tab'); // first source: mastery
    const sources = page.getByRole('group', { name: 'Where my confidence came from (tick all that apply)' });
    await expect.poll(() => sources.getByRole('checkbox').first().evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab'); // verbal persuasion
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab'); // emotional state: ticked, then unticked again
    await page.keyboard.press('Space');
    await page.keyboard.press('Space');
    await page.locator('.bn-save-status[data-status="saved"]').waitFor();
    await page.reload();
    const boxes = page.getByRole('group', { name: 'Where my confidence came from (tick all that apply)' }).getByRole('checkbox');
    await expect.poll(() => Promise.all([0, 1, 2, 3].map((i) => boxes.nth(i).isChecked()))).toEqual([true, false, true, false]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  });

  it('exports both, imports them on a fresh phone and shows every ticked source in the printed pack', async () => {
    file = await exportWorkbook(phoneA.page);
    expect(file.json.exercises['manager-action-plan']!.answers).toMatchObject(plan);
    expect(file.json.exercises['self-efficacy-log']!.answers).toMatchObject({ wins: [{ source: ['mastery', 'persuasion'] }] });

    const phoneB = await openWatchedPage(browser, phone);
    const { page } = phoneB;
    await page.goto(`${siteUrl}en/workbook/`);
    await page.getByLabel('Import an exported file').setInputFiles(file.path);
    await page.getByText('The file holds 2 exercises.').waitFor();
    await page.getByRole('button', { name: /^Merge/ }).click();
    await page.getByText('2 exercises imported.').waitFor();
    await page.emulateMedia({ media: 'print' });
    const pack = (await page.locator('.bn-take-away').textContent()) ?? '';
    expect(pack).toContain(plan.reviewNoticed);
    expect(pack).toContain('Doing it myself (mastery experience); Encouragement or words from others (verbal persuasion)');
    await page.emulateMedia({ media: 'screen' });
    await page.goto(`${siteUrl}en/exercises/manager-action-plan/`);
    await expect.poll(() => page.getByLabel('Assignment: who', { exact: true }).inputValue()).toBe(plan.assignTo);
    expect(phoneB.errors).toEqual([]);
    await phoneB.context.close();
  });

  it('imports a file from the previous format, turning each single source into a ticked box', async () => {
    const v1 = {
      format: 'banso-workbook',
      version: 1,
      exportedAt: '2026-10-31T00:00:00.000Z',
      exercises: {
        'self-efficacy-log': {
          exerciseId: 'self-efficacy-log',
          answers: { wins: [{ date: '2026-10-23', win: 'Handled a complaint in English', source: 'vicarious', confidence: 6 }], nextSource: 'mastery' },
          updatedAt: '2026-10-30T09:00:00.000Z',
          revision: 3,
        },
      },
    };
    const path = `${testOutput}workbook-v1.json`;
    writeFileSync(path, JSON.stringify(v1));
    const fresh = await openWatchedPage(browser, phone);
    const { page } = fresh;
    await page.goto(`${siteUrl}en/workbook/`);
    await page.getByLabel('Import an exported file').setInputFiles(path);
    await page.getByText('The file holds 1 exercise.').waitFor();
    await page.getByRole('button', { name: /^Replace/ }).click();
    await page.getByText('1 exercise imported.').waitFor();
    await page.goto(`${siteUrl}en/exercises/self-efficacy-log/`);
    const boxes = page.getByRole('group', { name: 'Where my confidence came from (tick all that apply)' }).getByRole('checkbox');
    // The island renders after load; on a busy machine that takes longer than one poll allows.
    await boxes.first().waitFor();
    await expect.poll(() => Promise.all([0, 1, 2, 3].map((i) => boxes.nth(i).isChecked()))).toEqual([false, true, false, false]);
    expect(fresh.errors).toEqual([]);
    await fresh.context.close();
  });
});

describe('the rainbow and the Job Card sheets in the workbook', () => {
  const ja = (id: string) => parseYaml(readFileSync(new URL(`../../content/exercises/ja/${id}.yaml`, import.meta.url), 'utf8')) as Exercise;
  const rainbow = ja('life-career-rainbow');
  const inventory = ja('career-inventory');
  const fileWith = (exercises: Record<string, Record<string, unknown>>, name: string) => {
    const path = `${testOutput}${name}.json`;
    const records = Object.fromEntries(Object.entries(exercises).map(([id, answers]) => [id, { exerciseId: id, answers, updatedAt: '2026-11-20T09:00:00.000Z', revision: 1 }]));
    writeFileSync(path, JSON.stringify({ format: 'banso-workbook', version: 2, exportedAt: '2026-11-20T09:00:00.000Z', exercises: records }));
    return path;
  };

  it('refuses a rainbow weight out of range, saying in Japanese which question, role and decade, and changes nothing', async () => {
    const watched = await openWatchedPage(browser);
    const { page } = watched;
    await page.goto(`${siteUrl}ja/workbook/`);
    const bad = fileWith({ 'life-career-rainbow': { rainbow: { worker: { thirties: 5 }, pilot: { teens: 1 } } } }, 'workbook-bad-rainbow');
    await page.getByLabel('書き出したファイルを読み込む').setInputFiles(bad);
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('このファイルは読み込めませんでした。今の記録は何も変わっていません。');
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain('「わたしのライフ・キャリア・レインボー」の「働く人」「30代」の重みは、0〜3の整数にしてください');
    expect(text).toContain('「わたしのライフ・キャリア・レインボー」に、このワークにない役割「pilot」が含まれています');
    await expect(page.locator('.bn-workbook-list').getByText(/最終更新/).count()).resolves.toBe(0);
    expect(watched.errors).toEqual([]);
    await watched.context.close();
  });

  it('prints the rainbow with its table, and the work history as a Job Card table, in the take-away pack', async () => {
    const watched = await openWatchedPage(browser);
    const { page } = watched;
    await page.goto(`${siteUrl}ja/workbook/`);
    const good = fileWith({ 'life-career-rainbow': rainbow.example, 'career-inventory': inventory.example }, 'workbook-rainbow-inventory');
    await page.getByLabel('書き出したファイルを読み込む').setInputFiles(good);
    await page.getByRole('button', { name: /^置き換える/ }).click();
    await page.getByText('2 件のワークを取り込みました。').waitFor();
    await page.emulateMedia({ media: 'print' });
    const pack = page.locator('.bn-take-away');
    const drawn = pack.locator('.bn-take-away-item').filter({ hasText: rainbow.title });
    const weights = Object.values(rainbow.example.rainbow as Record<string, Record<string, number>>).flatMap((cells) => Object.values(cells));
    await expect(drawn.locator('svg path[data-weight]').count()).resolves.toBe(weights.filter((w) => w > 0).length);
    await expect(drawn.locator('svg').isVisible()).resolves.toBe(true);
    await expect(drawn.getByRole('table').getByRole('row').count()).resolves.toBe(7);
    const sheet = pack.locator('.bn-take-away-item').filter({ hasText: inventory.title }).locator('table.bn-sheet-table').first();
    await expect(sheet.isVisible()).resolves.toBe(true);
    const history = inventory.fields.find((f) => f.id === 'workHistory')!;
    if (history.type !== 'entries') throw new Error('workHistory is not an entries field');
    expect(await sheet.locator('thead th').allTextContents()).toEqual(history.fields.map((sub) => sub.label));
    await expect(sheet.locator('tbody tr').count()).resolves.toBe((inventory.example.workHistory as unknown[]).length);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.emulateMedia({ media: 'screen' });
    expect(watched.foreignRequests).toEqual([]);
    expect(watched.errors).toEqual([]);
    await watched.context.close();
  });
});
