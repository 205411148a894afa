/**
 * User text is always text: whatever a person types, pastes or brings in a file is shown again as the characters
 * they wrote, never run and never turned into markup. Exercise answers, imported workbooks and their error
 * messages, the survey's comment and codes, dataset names, CSV headers and cells and the messages that quote them,
 * backups, the organisation report, plan names and the messages that quote a link.
 *
 * The site is served with NO Content Security Policy (tests/support/unguarded-site.ts): the kit's policy would block
 * an injected handler anyway, and then these tests could not fail. Each check asserts that no payload ran (every
 * payload calls window.__bansoXss(n)), that no element or attribute of a payload exists, and that the payload is on
 * the page verbatim where it belongs. The first test proves the checks can fail.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { parse as parseYaml } from 'yaml';
import type { Exercise, ExerciseField } from '../../src/schemas/exercise.ts';
import { WORKBOOK_FORMAT, WORKBOOK_VERSION } from '../../src/lib/workbook/format.ts';
import { toResponseFile } from '../../src/lib/survey/response-file-write.ts';
import { itemOrder } from '../../src/lib/survey/localise.ts';
import { itemsForRole } from '../../src/lib/survey/roles.ts';
import { csvTemplate } from '../../src/lib/dashboard/csv-mapping.ts';
import { csvRecords } from '../../src/lib/dashboard/csv-parse.ts';
import type { SurveyResponse } from '../../src/lib/survey/response-code.ts';
import { launchChromium } from '../support/browser.ts';
import { siteInstrument as instrument } from '../support/instrument.ts';
import { surveyResponse } from '../support/survey-responses.ts';
import { rootSite, testOutput } from '../support/sites.ts';
import { serveWithoutPolicy, type UnguardedSite } from '../support/unguarded-site.ts';
import { corpusText, formulaPayloads, payloadsUpTo, xssElementSelector, xssPayloads, type Payload } from '../support/hostile-text.ts';

let browser: Browser;
let site: UnguardedSite;
let context: BrowserContext;
let page: Page;
/** The numbers of the payloads that ran, across navigations. */
const ran: number[] = [];
/** Checks made: one per payload and place it is shown again (each: did not run, made no markup, is there verbatim). */
let checks = 0;

const exerciseDir = (locale: string) => new URL(`../../content/exercises/${locale}/`, import.meta.url);
const exercises = readdirSync(exerciseDir('en')).map((file) => ({ id: file.replace(/\.yaml$/, ''), ...(parseYaml(readFileSync(new URL(file, exerciseDir('en')), 'utf8')) as Exercise) }));

/** What a text input keeps (it drops line breaks) and what a textarea keeps. */
const corpusLine = (payloads: readonly Payload[] = xssPayloads) => corpusText(payloads).replaceAll('\n', ' ');
const hostileFor = (field: ExerciseField) => (field.type === 'textarea' ? corpusText() : corpusLine());
/** The survey takes a comment of up to 1,000 characters: every payload but the very long one. */
const surveyComment = corpusText(payloadsUpTo(1000 / 4));
/** Islands hydrate at their own pace on a busy machine: poll for up to 15 seconds. */
const poll = <T>(read: () => Promise<T> | T, message?: string) => expect.poll(read, { timeout: 15_000, message });

beforeAll(async () => {
  site = await serveWithoutPolicy(rootSite.dir, rootSite.base);
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB', serviceWorkers: 'block', acceptDownloads: true });
  await context.exposeFunction('bansoXssRan', (n: number) => ran.push(n));
  await context.addInitScript(() => {
    (window as unknown as { __bansoXss(n: number): void }).__bansoXss = (n) => (window as unknown as { bansoXssRan(n: number): void }).bansoXssRan(n);
  });
  page = await context.newPage();
  page.on('dialog', (dialog) => dialog.accept());
});
// Each test answers for its own pages: a payload that ran in one does not fail the next.
beforeEach(() => {
  ran.length = 0;
});
afterAll(async () => {
  console.log(`user text is text: ${checks} checks`);
  await browser?.close();
  await site?.close();
});

/** Lets a handler that would fire (an image failing to load, a toggle) fire, then checks nothing ran or was made. */
async function expectInert(where: string) {
  await page.waitForTimeout(300);
  const made = await page.locator(xssElementSelector).evaluateAll((elements) => elements.map((element) => element.outerHTML.slice(0, 80)));
  const scripts = await page.locator('script').evaluateAll((elements) => elements.filter((element) => element.textContent?.includes('__bansoXss')).map((element) => element.outerHTML.slice(0, 80)));
  expect([...made, ...scripts], `markup made from a payload on ${where}`).toEqual([]);
  expect(ran, `payloads that ran on ${where}`).toEqual([]);
}

/** Each payload is in `text` as written; counts one check per payload. */
function expectVerbatim(text: string, payloads: readonly Payload[], where: string) {
  for (const payload of payloads) {
    expect(text.includes(payload.text), `payload ${payload.id} (${payload.kind}) shown verbatim on ${where}`).toBe(true);
    checks++;
  }
}

/** The text of main as a person reads it: without the contents of script, style and template elements. */
const mainText = () =>
  page.locator('main').evaluate((main) => {
    const copy = main.cloneNode(true) as HTMLElement;
    for (const hidden of copy.querySelectorAll('script, style, template')) hidden.remove();
    return copy.textContent ?? '';
  });
/** The values of every text field in main: what a person sees in the boxes. */
const fieldValues = () => page.locator('main').evaluate((main) => [...main.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('textarea, input[type="text"]')].map((field) => field.value));
const writeFixture = (name: string, content: string) => {
  const path = `${testOutput}xss-${name}`;
  writeFileSync(path, content);
  return path;
};

describe('the checks themselves', () => {
  it('run with no policy at all, so a payload that became markup would run and be caught', async () => {
    const response = await fetch(`${site.url}en/workbook/`);
    expect(response.headers.get('content-security-policy')).toBeNull();
    expect(await response.text()).not.toMatch(/http-equiv=["']?content-security-policy/i);
    await page.goto(`${site.url}en/workbook/`);
    // What rendering one field with {@html} would do: the checks must see it.
    await page.evaluate((text) => document.querySelector('main')!.insertAdjacentHTML('beforeend', `<div id="canary">${text}</div>`), corpusText());
    await page.waitForTimeout(300);
    expect(await page.locator(xssElementSelector).count()).toBeGreaterThan(0);
    expect(ran.length).toBeGreaterThan(0);
    ran.length = 0;
    await page.reload();
    await expectInert('the workbook after the canary');
  });
});

describe('exercise answers', () => {
  it('typed into every text field of an exercise are shown back as typed after a reload, and in the take-away pack', async () => {
    const exercise = exercises.find((e) => e.id === 'will-can-must')!;
    const textFields = exercise.fields.filter((field) => field.type === 'text' || field.type === 'textarea');
    await page.goto(`${site.url}en/exercises/will-can-must/`);
    for (const field of textFields) await page.getByLabel(field.label, { exact: true }).fill(hostileFor(field));
    await page.locator('.bn-save-status[data-status="saved"]').waitFor();
    await page.reload();
    await page.getByLabel(textFields[0]!.label, { exact: true }).waitFor();
    for (const field of textFields) expectVerbatim(await page.getByLabel(field.label, { exact: true }).inputValue(), xssPayloads, `${exercise.id}: ${field.id}`);
    await expectInert('the exercise page');

    await page.goto(`${site.url}en/workbook/`);
    const pack = page.locator('.bn-take-away');
    await pack.waitFor();
    expectVerbatim((await pack.textContent())!, xssPayloads, 'the take-away pack');
    await expectInert('the workbook');
  });
});

describe('imported workbooks', () => {
  /** Every text field of every exercise, entries' text fields too (two entries each), holds the whole corpus. */
  function hostileAnswers(fields: readonly ExerciseField[]): Record<string, unknown> {
    const answers: Record<string, unknown> = {};
    for (const field of fields) {
      if (field.type === 'text' || field.type === 'textarea') answers[field.id] = hostileFor(field);
      if (field.type === 'entries') answers[field.id] = [0, 1].map(() => hostileAnswers(field.fields));
    }
    return answers;
  }
  const withText = exercises.map((exercise) => ({ exercise, answers: hostileAnswers(exercise.fields) })).filter(({ answers }) => Object.keys(answers).length > 0);

  it('show every answer as text in the take-away pack and on every exercise page', { timeout: 240_000 }, async () => {
    const updatedAt = new Date().toISOString();
    const file = { format: WORKBOOK_FORMAT, version: WORKBOOK_VERSION, exportedAt: updatedAt, exercises: Object.fromEntries(withText.map(({ exercise, answers }) => [exercise.id, { exerciseId: exercise.id, answers, updatedAt, revision: 1 }])) };
    await page.goto(`${site.url}en/workbook/`);
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await page.getByLabel('Import an exported file').setInputFiles(writeFixture('workbook.json', JSON.stringify(file)));
    await page.getByRole('button', { name: 'Replace (erase what is here and use the file)' }).click();
    await page.getByText(`${withText.length} exercises imported.`).waitFor();
    const items = page.locator('.bn-take-away-item');
    await poll(() => items.count()).toBe(withText.length);
    for (const [index, { exercise }] of withText.entries()) expectVerbatim((await items.nth(index).textContent())!, xssPayloads, `the take-away pack: ${exercise.id}`);
    await expectInert('the workbook after an import');

    for (const { exercise } of withText) {
      await page.goto(`${site.url}en/exercises/${exercise.id}/`);
      await page.waitForFunction(() => !document.querySelector('astro-island[ssr]'));
      const topLevel = exercise.fields.filter((f) => f.type === 'text' || f.type === 'textarea');
      await poll(async () => (await fieldValues()).filter((value) => value === corpusText() || value === corpusLine()).length, exercise.id).toBeGreaterThanOrEqual(topLevel.length);
      const values = await fieldValues();
      for (const field of topLevel) expect(values, `${exercise.id}: ${field.id}`).toContain(hostileFor(field));
      expectVerbatim(values.join('\n'), xssPayloads, `the exercise ${exercise.id}`);
      await expectInert(`the exercise ${exercise.id}`);
    }
  });

  it('quote a file’s unknown exercise and extra key as text in the reasons it is refused', async () => {
    const short = payloadsUpTo(60);
    const file = {
      format: WORKBOOK_FORMAT,
      version: WORKBOOK_VERSION,
      exportedAt: new Date().toISOString(),
      exercises: Object.fromEntries(short.map((payload) => [payload.text, { answers: {}, updatedAt: new Date().toISOString(), revision: 1 }])),
    };
    await page.goto(`${site.url}en/workbook/`);
    await page.getByLabel('Import an exported file').setInputFiles(writeFixture('workbook-keys.json', JSON.stringify(file)));
    const alert = page.getByRole('alert').filter({ hasText: 'This file could not be imported' });
    await alert.waitFor();
    expectVerbatim((await alert.textContent())!, short, 'the refused workbook’s reasons');
    await expectInert('the workbook’s import reasons');

    const extra = { ...file, exercises: {}, [short[1]!.text]: 1 };
    await page.getByLabel('Import an exported file').setInputFiles(writeFixture('workbook-extra.json', JSON.stringify(extra)));
    await poll(() => alert.textContent()).toContain(short[1]!.text);
    checks++;
    await expectInert('the workbook’s extra key reason');
  });
});

const items = itemOrder(instrument);
const memberItems = new Set(itemsForRole(instrument, 'member'));
/** A response after a workshop with a comment, as a response file would bring it. */
const responseWith = (seed: number, comment: string, cohort = 'XSS'): SurveyResponse =>
  surveyResponse(seed, { wave: 'after', cohort, anonymousCode: null, evaluation: { satisfaction: 4, applicability: 4, recommend: 8 }, comment }, 0xdd0000);

const responseFiles: string[] = [];

describe('the survey', () => {
  it('keeps a hostile comment and codes as typed, and hands the comment over whole in the response file', async () => {
    await page.goto(`${site.url}en/survey/?wave=after`);
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await page.locator('fieldset.bn-choice').first().waitFor();
    await page.getByRole('radio', { name: 'Team member' }).check();
    for (const [label, typed] of [['Group code', '"><SVG/ONLOAD'], ['Anonymous code', '<b>x</b>"']] as const) {
      const field = page.getByLabel(label, { exact: false }).and(page.locator('input[type="text"]'));
      await field.fill(typed);
      await expect(field.inputValue()).resolves.toBe(typed);
    }
    await page.locator('.bn-actions button').last().click();
    await page.locator('.bn-field-error').first().waitFor();
    await expectInert('the survey’s context step');
    for (const label of ['Group code', 'Anonymous code']) await page.getByLabel(label, { exact: false }).and(page.locator('input[type="text"]')).fill('');
    for (let screen = 0; screen < 30 && !(await page.locator('#bn-comment').count()); screen++) {
      const heading = await page.locator('.bn-survey h2').first().textContent();
      for (const group of await page.locator('fieldset.bn-choice').all()) if (!(await group.locator('input:checked').count())) await group.getByRole('radio').first().check();
      await page.locator('.bn-actions button').last().click();
      await page.waitForFunction((previous) => document.querySelector('#bn-comment') || document.querySelector('.bn-survey h2')?.textContent !== previous, heading);
    }
    await page.locator('#bn-comment').fill(surveyComment);
    await page.reload();
    await page.locator('#bn-comment').waitFor();
    expectVerbatim(await page.locator('#bn-comment').inputValue(), payloadsUpTo(1000 / 4), 'the survey’s comment after a reload');
    await expectInert('the survey’s evaluation step');
    await page.locator('.bn-actions button').last().click();
    await page.locator('.bn-report').waitFor();
    await expectInert('the survey report');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the response file' }).click()]);
    const saved = readFileSync((await download.path())!, 'utf8');
    expect(JSON.parse(saved).response.comment).toBe(surveyComment);
    responseFiles.push(writeFixture('survey-response.json', saved));
  });
});

describe('the dashboard', () => {
  const names = payloadsUpTo(100);
  const datasetChoice = () => page.getByLabel('Dataset to show');

  async function checkBatch() {
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await page.locator('#bn-batch-heading, .bn-csv-mapper, [role="alert"]').first().waitFor();
  }

  it('shows dataset names as typed, in the list and in what it says', async () => {
    await page.goto(`${site.url}en/facilitator/dashboard/`);
    await page.getByText('No datasets yet.', { exact: false }).waitFor();
    for (const payload of names) {
      await page.getByLabel('Name of a new dataset').fill(payload.text);
      await page.getByRole('button', { name: 'Create' }).click();
      await poll(() => page.locator('main').getByRole('status').filter({ hasText: 'Created the dataset' }).first().textContent()).toContain(payload.text);
      checks++;
    }
    expectVerbatim((await datasetChoice().textContent())!, names, 'the list of datasets');
    await page.reload();
    await poll(() => datasetChoice().locator('option').count()).toBe(names.length);
    expectVerbatim((await datasetChoice().textContent())!, names, 'the list of datasets after a reload');
    await expectInert('the dashboard with hostile dataset names');
  });

  it('shows imported comments as text, those from the survey page and from files', async () => {
    // At least ten comments in the group, so the dashboard shows them (content/site.yaml: minCommentGroupSize).
    xssPayloads.forEach((payload, index) => responseFiles.push(writeFixture(`response-${payload.id}.json`, JSON.stringify(toResponseFile(responseWith(index, payload.text), instrument)))));
    await page.locator('#bn-import-files').setInputFiles(responseFiles);
    await checkBatch();
    await expect(page.locator('#bn-batch-heading').textContent()).resolves.toContain(`${responseFiles.length} to add`);
    await page.getByRole('button', { name: `Add ${responseFiles.length} responses` }).click();
    const comments = page.locator('.bn-comments');
    await comments.waitFor();
    const shown = await comments.locator('li').allTextContents();
    expect(shown).toContain(surveyComment);
    expectVerbatim(shown.join('\n'), xssPayloads, 'the comments');
    await expectInert('the dashboard’s comments');
  });

  it('shows a CSV’s hostile headers as text in the mapping, in the message naming them, and its cells as comments', async () => {
    const headerPayloads = payloadsUpTo(100).filter((payload) => !payload.text.includes(',') && !/^\s/.test(payload.text));
    const template = csvTemplate(instrument, 'en').slice(1).trim();
    const answers = items.map((id, index) => (memberItems.has(id) ? String((index % 5) + 1) : ''));
    const quote = (cell: string) => `"${cell.replaceAll('"', '""')}"`;
    const rows = headerPayloads.map((payload, index) => ['after', 'Team member', '', 'CSV', `2026-11-${10 + index}`, ...answers, '4', '4', '8', payload.text, ...headerPayloads.map(() => payload.text)]);
    const csv = [template + ',' + headerPayloads.map((payload) => quote(payload.text)).join(','), ...rows.map((row) => row.map(quote).join(','))].join('\r\n');
    await page.locator('#bn-import-files').setInputFiles(writeFixture('hostile.csv', csv));
    await checkBatch();
    await page.locator('.bn-csv-mapper').waitFor();
    expectVerbatim((await page.locator('.bn-csv-mapper').textContent())!, headerPayloads, 'the CSV mapping');
    await expectInert('the CSV mapping');
    await page.getByLabel('Save this mapping as (optional)').fill(headerPayloads[1]!.text.slice(0, 60));
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await page.locator('#bn-batch-heading').waitFor();
    await poll(() => mainText()).toContain(headerPayloads[1]!.text.slice(0, 60));
    checks++;
    await page.getByRole('button', { name: /^Add \d+ responses$/ }).click();
    await poll(async () => (await page.locator('.bn-comments li').allTextContents()).filter((comment) => headerPayloads.some((payload) => payload.text === comment)).length).toBeGreaterThanOrEqual(headerPayloads.length * 2);
    checks += headerPayloads.length;
    await expectInert('the dashboard after a hostile CSV');

    // Two columns with the same hostile header, one of them used for the comments: the refusal names it.
    const twice = headerPayloads[0]!.text;
    const templateColumns = [...csvRecords(template)][0]!.length;
    await page.locator('#bn-import-files').setInputFiles(writeFixture('hostile-twice.csv', `${template},${quote(twice)},${quote(twice)}\r\n${rows[0]!.slice(0, -headerPayloads.length).map(quote).join(',')},a,b`));
    await checkBatch();
    await page.locator(`#bn-csv-col-${templateColumns}`).selectOption('comment');
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    const refusal = page.locator('.bn-csv-mapper [role="alert"]');
    await poll(() => refusal.textContent()).toContain(twice);
    checks++;
    await expectInert('the refusal naming a hostile header');
  });

  it('restores a backup with a hostile name and shows it as text, also in the organisation report', async () => {
    const name = payloadsUpTo(100).find((payload) => payload.id === 5)!.text;
    const backup = { format: 'banso-dataset', version: 1, id: 'abcdefabcdef', name, createdAt: new Date().toISOString(), instrument: { id: instrument.id, version: instrument.version }, responses: [] };
    await page.getByLabel('Restore a dataset from a backup').setInputFiles(writeFixture('backup.json', JSON.stringify(backup)));
    await poll(() => page.locator('main').getByRole('status').filter({ hasText: 'Restored the dataset' }).first().textContent()).toContain(`Restored the dataset “${name}”`);
    checks++;
    await expectInert('the dashboard after a restore');

    // The dataset with the comments is named after the last short payload: its report.
    const reportOf = names.at(-1)!;
    const value = await datasetChoice().locator('option').evaluateAll((options, wanted) => (options as HTMLOptionElement[]).find((option) => option.textContent!.startsWith(wanted))!.value, reportOf.text);
    await datasetChoice().selectOption(value);
    await page.goto(new URL((await page.locator('[data-report-link]').getAttribute('href'))!, page.url()).href);
    await poll(() => mainText()).toContain(reportOf.text);
    checks++;
    expectVerbatim((await page.locator('main select').first().textContent())!, names, 'the organisation report’s list of datasets');
    await expectInert('the organisation report');
  });

  it('writes a downloaded responses CSV whose hostile comments and groups cannot run as formulas', async () => {
    await page.goto(`${site.url}en/facilitator/dashboard/`);
    await page.getByLabel('Name of a new dataset').fill('Formulas');
    await page.getByRole('button', { name: 'Create' }).click();
    await poll(() => datasetChoice().textContent()).toContain('Formulas (0 responses)');
    const files = formulaPayloads.map((formula, index) => writeFixture(`formula-${index}.json`, JSON.stringify(toResponseFile(responseWith(100 + index, formula, index % 2 ? '-1-2' : '-X'), instrument))));
    await page.locator('#bn-import-files').setInputFiles(files);
    await checkBatch();
    await page.getByRole('button', { name: `Add ${files.length} responses` }).click();
    await poll(() => datasetChoice().textContent()).toContain(`Formulas (${files.length} responses)`);
    await page.getByRole('button', { name: 'Export the responses as CSV (personal data)' }).click();
    const confirm = page.getByRole('group', { name: /This file is personal data/ });
    await confirm.getByRole('checkbox').check();
    const [download] = await Promise.all([page.waitForEvent('download'), confirm.getByRole('button', { name: 'Export the file' }).click()]);
    const [header, ...rows] = [...csvRecords(readFileSync((await download.path())!, 'utf8').slice(1))];
    const comment = header!.indexOf('comment');
    const cohort = header!.indexOf('cohort');
    expect(rows).toHaveLength(files.length);
    const comments = rows.map((row) => row[comment]!);
    for (const formula of formulaPayloads) {
      // The comment comes back with the quote that defuses it, and nothing else changed.
      expect(comments, formula).toContain(`'${formula}`);
      checks++;
    }
    for (const row of rows) {
      expect(row[cohort], 'a group code that a spreadsheet would compute').toBe(row[cohort] === "'-X" ? "'-X" : "'-1-2");
      checks++;
    }
    // Every cell: none starts with a formula character unless it is a plain number.
    for (const cell of rows.flat()) expect(/^[=+\-@\t\r＝＋－＠]/.test(cell) && !/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(cell), cell).toBe(false);
  });
});

describe('session plans', () => {
  const titles = payloadsUpTo(80);

  it('show a link’s hostile plan name and version as text in the planner and in run mode', { timeout: 180_000 }, async () => {
    for (const payload of titles) {
      const fragment = new URLSearchParams({ v: payload.text, t: payload.text, day: '@09:00~people-manager.opening.15' }).toString();
      // A new page each time: a link that differs only after the # would not load the page again.
      await page.goto('about:blank');
      await page.goto(`${site.url}en/facilitator/plan/#${fragment}`);
      await poll(() => page.locator('#bn-plan-title').inputValue()).toBe(payload.text);
      await poll(() => mainText()).toContain(payload.text);
      // The message about the link's version quotes it.
      expectVerbatim((await page.locator('[data-plan-problems]').textContent())!, [payload], 'the planner’s message about the link');
      await expectInert(`the planner (payload ${payload.id})`);

      await page.goto('about:blank');
      await page.goto(`${site.url}en/facilitator/run/#${fragment}`);
      await poll(() => page.locator('[data-run-day]').textContent()).toContain(payload.text);
      checks++;
      expectVerbatim((await page.locator('[data-run-problems]').textContent())!, [payload], 'run mode’s message about the link');
      await expectInert(`run mode (payload ${payload.id})`);
    }
  });
});
