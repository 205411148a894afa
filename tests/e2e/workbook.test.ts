/** My workbook: export, import on a fresh browser profile, a corrupt import that changes nothing, erase. */
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { parse as parseYaml } from 'yaml';
import type { Exercise } from '../../src/schemas/exercise.ts';
import { launchChromium, openWatchedPage, type WatchedPage } from '../support/browser.ts';
import { testOutput } from '../support/sites.ts';

const siteUrl = inject('rootSiteUrl');
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
    expect(exported.json).toMatchObject({ format: 'banso-workbook', version: 1 });
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
    await expect(alert.textContent()).resolves.toContain('"notAField" is not a field of this exercise');
    const notJson = `${testOutput}not-a-workbook.zip`;
    writeFileSync(notJson, 'PK\u0003\u0004 not json');
    await page.getByLabel('Import an exported file').setInputFiles(notJson);
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('it is not JSON text');
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
    await expect(page.locator('.bn-workbook-list').getByText('Not started').count()).resolves.toBe(10);
  });
});
