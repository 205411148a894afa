/**
 * The facilitator's dashboard in Chromium: responses made on the survey page are imported as pasted codes, a
 * response file, a QR code read from an image and a forms CSV (UTF-8 and Shift_JIS); duplicates, mistyped codes,
 * another session's codes and garbage files are reported and nothing partial is added; datasets survive a reload,
 * back up and restore.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { encodeResponse } from '../../src/lib/survey/response-code.ts';
import { toResponseFile } from '../../src/lib/survey/response-file-write.ts';
import { createSession } from '../../src/lib/survey/session-link.ts';
import { sealResponse } from '../../src/lib/survey/sealed-handover.ts';
import { itemOrder } from '../../src/lib/survey/localise.ts';
import { scoreScales } from '../../src/lib/survey/scoring.ts';
import { axeViolations, describeViolations, launchChromium, openWatchedPage, type WatchedPage } from '../support/browser.ts';
import { testOutput } from '../support/sites.ts';
import { itemsForRole } from '../../src/lib/survey/roles.ts';
import { REAL_V1_CODE, siteInstrument } from '../support/instrument.ts';
// A response as the survey page would make it; `seed` varies the answers and the id.
import { surveyResponse as response } from '../support/survey-responses.ts';

const siteUrl = inject('rootSiteUrl');
const instrument = siteInstrument;
const items = itemOrder(instrument);
/** What a team member is asked: everything but a people manager's own practice. */
const memberItems = new Set(itemsForRole(instrument, 'member'));
const fixture = (name: string) => new URL(`../fixtures/dashboard/${name}`, import.meta.url).pathname;

let browser: Browser;
let watched: WatchedPage;
let page: Page;

/** The analyses are computed in a worker: wait until the figures on screen are those of the view just chosen. */
const settled = () => page.locator('.bn-analyses[aria-busy="false"]').waitFor();

/** Show the dataset whose name starts with `name`. */
async function showDataset(name: string) {
  const choice = page.getByLabel('Dataset to show');
  const value = await choice.locator('option').evaluateAll((options, wanted) => (options as HTMLOptionElement[]).find((option) => option.textContent!.startsWith(wanted))!.value, name);
  await choice.selectOption(value);
}

/** Complete the survey on its page by clicking, and return the code it gives. */
async function answerSurvey(page: Page, path: string, answer: (index: number) => number): Promise<string> {
  await page.goto(`${siteUrl}${path}`);
  // A browser that has answered before opens on its last report.
  await page.locator('.bn-survey, .bn-report').first().waitFor();
  if (await page.locator('.bn-report').count()) await page.getByRole('button', { name: 'Answer the survey again' }).click();
  await page.getByRole('radio', { name: 'Team member' }).check();
  const wave = page.getByRole('radio', { name: 'Before the workshop' });
  if (await wave.count()) await wave.check();
  await page.getByRole('button', { name: 'Next' }).click();
  // A team member is shown every statement but the people manager's own practice.
  const asked = items.filter((id) => memberItems.has(id));
  for (let first = 0; first < asked.length; first += 6) {
    for (let index = first; index < Math.min(first + 6, asked.length); index++) await page.locator(`#q-${asked[index]}`).getByRole('radio').nth(answer(index) - 1).check();
    await page.getByRole('button', { name: first + 6 >= asked.length ? 'Finish and see my results' : 'Next' }).click();
  }
  await expect(page.locator('#q-mp1').count()).resolves.toBe(0);
  const code = page.locator('.bn-response-code[data-code^="BN"]');
  await code.waitFor();
  return (await code.getAttribute('data-code'))!;
}

async function check(codes: string) {
  await page.getByLabel('Response codes (one per line)').fill(codes);
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await page.locator('#bn-batch-heading').waitFor();
  return (await page.locator('#bn-batch-heading').textContent())!.trim();
}

beforeAll(async () => {
  browser = await launchChromium();
  watched = await openWatchedPage(browser, { locale: 'en-GB' });
  page = watched.page;
  page.on('dialog', (dialog) => dialog.accept());
});
afterAll(async () => {
  expect(watched.foreignRequests).toEqual([]);
  expect(watched.errors).toEqual([]);
  await browser?.close();
});

describe('facilitator dashboard: imports', () => {
  const surveyCodes: string[] = [];

  it('collects responses made on the survey page', async () => {
    surveyCodes.push(await answerSurvey(page, 'en/survey/?cohort=MGR-1', (index) => (index % 5) + 1));
    surveyCodes.push(await answerSurvey(page, 'en/survey/?cohort=MGR-1', () => 4));
    expect(surveyCodes).toHaveLength(2);
  });

  it('creates a dataset', async () => {
    await page.goto(`${siteUrl}en/facilitator/dashboard/`);
    await page.getByText('No datasets yet.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByText('Enter a name for the dataset.').waitFor();
    await page.getByLabel('Name of a new dataset').fill('Managers 2026');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByText('Created the dataset “Managers 2026”.').waitFor();
    expect(describeViolations(await axeViolations(page))).toEqual([]);
  });

  it('checks pasted codes first, naming each duplicate and rejected line, and adds nothing until confirmed', async () => {
    const mistyped = surveyCodes[0]!.slice(0, 20) + (surveyCodes[0]![20] === 'A' ? 'B' : 'A') + surveyCodes[0]!.slice(21);
    const pasted = [...surveyCodes, encodeResponse(response(1)), surveyCodes[0]!, mistyped, 'hello'].join('\n');
    await expect(check(pasted)).resolves.toBe('Checked: 3 to add, 1 duplicates, 2 rejected');
    const report = page.locator('.bn-batch-report');
    await expect(report.getByText('line 4: the same response appears earlier in this batch').count()).resolves.toBe(1);
    await expect(report.getByText('line 5: a character is missing or mistyped').count()).resolves.toBe(1);
    await expect(report.getByText('line 6: it is not a response code').count()).resolves.toBe(1);
    expect(describeViolations(await axeViolations(page))).toEqual([]);
    await page.getByRole('button', { name: 'Close without adding' }).click();
    await expect(page.getByLabel('Dataset to show').textContent()).resolves.toContain('Managers 2026 (0 responses)');
    await expect(check(pasted)).resolves.toBe('Checked: 3 to add, 1 duplicates, 2 rejected');
    await page.getByRole('button', { name: 'Add 3 responses' }).click();
    await page.getByText('Added 3 responses.').waitFor();
    await expect(page.getByLabel('Dataset to show').textContent()).resolves.toContain('Managers 2026 (3 responses)');
  });

  it('recognises a replayed code as already in the dataset', async () => {
    await expect(check(surveyCodes[1]!)).resolves.toBe('Checked: 0 to add, 1 duplicates, 0 rejected');
    await expect(page.getByText('line 1: already in this dataset').count()).resolves.toBe(1);
    await expect(page.getByRole('button', { name: 'Nothing to add' }).isDisabled()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Close without adding' }).click();
  });

  it('opens codes sealed to a session held in this browser, and explains codes of another session', async () => {
    await page.goto(`${siteUrl}en/facilitator/sessions/`);
    await page.getByLabel('Group code (optional)').fill('MGR-1');
    // A new session's key backup is locked with a passphrase typed twice.
    await page.getByLabel('Backup passphrase', { exact: true }).fill('harbour lantern pebble orbit');
    await page.getByLabel('Backup passphrase again').fill('harbour lantern pebble orbit');
    await page.getByRole('button', { name: 'Create the session' }).click();
    const link = await page.locator('.bn-session-link').inputValue();
    const sealedCode = await answerSurvey(page, new URL(link).pathname.replace(/^\//, '') + new URL(link).hash, () => 2);
    expect(sealedCode.startsWith('BNX1')).toBe(true);
    const stranger = await createSession({ cohort: 'X', wave: 'before', instrumentVersion: instrument.version });
    const foreign = await sealResponse(response(9, { cohort: 'X' }), stranger.descriptor);
    await page.goto(`${siteUrl}en/facilitator/dashboard/`);
    await expect(check([sealedCode, foreign].join('\n'))).resolves.toBe('Checked: 1 to add, 0 duplicates, 1 rejected');
    await expect(page.getByText(`line 2: it belongs to a session this browser does not hold (ID ${stranger.descriptor.sessionId})`, { exact: false }).count()).resolves.toBe(1);
    await page.getByRole('button', { name: 'Add 1 response' }).click();
    await page.getByText('Added 1 response.').waitFor();
  });

  it('reads a QR code from a screenshot with the bundled decoder, not a network service', async () => {
    const survey = await browser.newPage({ viewport: { width: 800, height: 1000 } });
    await survey.goto(`${siteUrl}en/survey/`);
    await survey.evaluate((stored) => localStorage.setItem('banso:survey:results', stored), JSON.stringify([{ response: response(2), submittedAt: new Date().toISOString(), session: null }]));
    await survey.reload();
    const image = `${testOutput}qr-screenshot.png`;
    await survey.locator('.bn-qr').screenshot({ path: image });
    await survey.close();
    await page.getByLabel('Read QR codes from images').setInputFiles(image);
    await page.getByText('Read codes from 1 image.').waitFor();
    await expect(page.getByLabel('Response codes (one per line)').inputValue()).resolves.toBe(encodeResponse(response(2)));
    await expect(check(encodeResponse(response(2)))).resolves.toBe('Checked: 1 to add, 0 duplicates, 0 rejected');
    await page.getByRole('button', { name: 'Add 1 response' }).click();
    await page.getByText('Added 1 response.').waitFor();
  });

  it('imports response files and refuses a garbage file with a reason, adding nothing from that batch', async () => {
    const file = `${testOutput}response-3.json`;
    writeFileSync(file, JSON.stringify({ format: 'banso-survey-response', version: 1, instrument: { id: instrument.id, version: instrument.version }, response: {
      responseId: '0000000000f3', day: '2026-11-21', wave: 'after', cohort: 'MGR-1', anonymousCode: 'p1', role: 'member', careerStage: 'early-career',
      answers: Object.fromEntries(items.map((id) => [id, memberItems.has(id) ? 5 : null])), evaluation: { satisfaction: 5, applicability: 4, recommend: 10 }, comment: 'Clear and practical.',
    } }));
    const garbage = `${testOutput}garbage.bin`;
    writeFileSync(garbage, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256)));
    await page.locator('#bn-import-files').setInputFiles([file, garbage]);
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await expect(page.locator('#bn-batch-heading').textContent()).resolves.toContain('1 to add, 0 duplicates, 1 rejected');
    await expect(page.locator('.bn-batch-report').textContent()).resolves.toContain('garbage.bin:');
    await page.getByRole('button', { name: 'Add 1 response' }).click();
    await page.getByText('Added 1 response.').waitFor();
  });

  it('refuses a 50 MB file at once, by its size, and adds nothing', async () => {
    const huge = `${testOutput}huge-response.json`;
    writeFileSync(huge, Buffer.alloc(50 * 1024 * 1024, 0x20));
    await page.locator('#bn-import-files').setInputFiles(huge);
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await expect(page.locator('#bn-batch-heading').textContent()).resolves.toContain('0 to add, 0 duplicates, 1 rejected');
    await expect(page.locator('.bn-batch-report').textContent()).resolves.toContain('huge-response.json: the file is too large');
    await page.getByRole('button', { name: 'Close without adding' }).click();
  });

  it('refuses a real version 1 code in a version 2 dataset, saying what to do, and imports it into a dataset of version 1', async () => {
    await page.locator('#bn-import-files').setInputFiles([]);
    await expect(check(REAL_V1_CODE)).resolves.toBe('Checked: 0 to add, 0 duplicates, 1 rejected');
    await page
      .locator('.bn-batch-report')
      .getByText('line 1: it answers version 1 of the survey, and this dataset holds version 2. Create a dataset for version 1', { exact: false })
      .waitFor();
    await page.getByRole('button', { name: 'Close without adding' }).click();
    await page.getByLabel('Name of a new dataset').fill('Managers 2025');
    await page.getByLabel('Survey version').selectOption({ label: 'Version 1 (an earlier survey)' });
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByText('Created the dataset “Managers 2025”.').waitFor();
    await page.getByText('This dataset holds answers to an earlier version of the survey (version 1)', { exact: false }).waitFor();
    await expect(check(REAL_V1_CODE)).resolves.toBe('Checked: 1 to add, 0 duplicates, 0 rejected');
    await page.getByRole('button', { name: 'Add 1 response' }).click();
    await page.getByText('Added 1 response.').waitFor();
    expect(describeViolations(await axeViolations(page))).toEqual([]);
  });

  it('maps a Microsoft Forms CSV, never reading names or e-mail addresses, and sees the Shift_JIS copy as the same rows', async () => {
    // The forms export was made from version 1 of the survey, so it goes into the version 1 dataset.
    await page.locator('#bn-import-files').setInputFiles(fixture('ms-forms-ja.csv'));
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await page.getByRole('heading', { name: 'Match the CSV\'s columns' }).waitFor();
    await expect(page.getByLabel('メール', { exact: true }).inputValue()).resolves.toBe('personal');
    await expect(page.getByLabel('名前', { exact: true }).inputValue()).resolves.toBe('personal');
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'Some parts have neither a column nor a value' }).waitFor();
    await page.getByLabel('When answered', { exact: true }).first().selectOption('before');
    await page.getByLabel('Save this mapping as (optional)').fill('MS Forms HR');
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await expect(page.locator('#bn-batch-heading').textContent()).resolves.toMatch(/Checked: 4 to add, 0 duplicates, 0 rejected/);
    await expect(page.getByText('Saved the mapping “MS Forms HR”.', { exact: false }).count()).resolves.toBe(1);
    await expect(page.getByText('personal, never read: 2', { exact: false }).count()).resolves.toBe(1);
    await page.getByRole('button', { name: 'Add 4 responses' }).click();
    await page.getByText('Added 4 responses.').waitFor();

    await page.locator('#bn-import-files').setInputFiles(fixture('ms-forms-ja-sjis.csv'));
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await page.getByText('Using the saved mapping “MS Forms HR”.').waitFor();
    await expect(page.getByText('(4 rows, Shift_JIS)', { exact: false }).count()).resolves.toBe(1);
    await page.getByLabel('When answered', { exact: true }).first().selectOption('before');
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await expect(page.locator('#bn-batch-heading').textContent()).resolves.toMatch(/Checked: 0 to add, 4 duplicates, 0 rejected/);
    await page.getByRole('button', { name: 'Close without adding' }).click();
  });

  it('keeps the dataset after a reload, and backs it up and restores it', async () => {
    await page.reload();
    await expect(page.getByLabel('Dataset to show').textContent()).resolves.toContain('Managers 2025 (5 responses)');
    await showDataset('Managers 2026');
    await expect(page.getByLabel('Dataset to show').textContent()).resolves.toContain('Managers 2026 (6 responses)');
    await page.getByText('This dataset holds answers to an earlier version', { exact: false }).waitFor({ state: 'detached' });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export a backup' }).click()]);
    const backup = (await download.path())!;
    expect(JSON.parse(readFileSync(backup, 'utf8'))).toMatchObject({ format: 'banso-dataset', version: 1, name: 'Managers 2026' });
    await page.getByRole('button', { name: 'Delete this dataset' }).click();
    await page.getByText('Deleted the dataset “Managers 2026”.').waitFor();
    await page.getByLabel('Restore a dataset from a backup').setInputFiles(fixture('ms-forms-ja.csv'));
    await page.getByText('This is not a dataset backup', { exact: false }).waitFor();
    const otherVersion = `${testOutput}other-version-backup.json`;
    const parsedBackup = JSON.parse(readFileSync(backup, 'utf8'));
    writeFileSync(otherVersion, JSON.stringify({ ...parsedBackup, instrument: { ...parsedBackup.instrument, version: 99 }, responses: [] }));
    await page.getByLabel('Restore a dataset from a backup').setInputFiles(otherVersion);
    await page.getByText('This backup belongs to another survey, or to version 99, which this site cannot read.', { exact: false }).waitFor();
    await page.getByLabel('Restore a dataset from a backup').setInputFiles(backup);
    await page.getByText('Restored the dataset “Managers 2026” (6 responses).').waitFor();
  });
});

describe('facilitator dashboard: analyses', () => {
  /** Twelve people before a workshop: nine team members and three managers; one group code that looks like a formula. */
  const people = Array.from({ length: 12 }, (_, n) => response(100 + n, { role: n < 9 ? 0 : 1, cohort: n === 0 ? '-X' : 'SMALL', anonymousCode: null }));
  const meanOf = (scaleId: string) => people.map((p) => scoreScales(instrument, Object.fromEntries(items.map((id, i) => [id, p.answers[i]!]))).find((s) => s.scaleId === scaleId)!.score!).reduce((a, b) => a + b, 0) / people.length;

  it('shows the right counts and means for a new dataset', async () => {
    await page.getByLabel('Name of a new dataset').fill('Small groups');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByText('Created the dataset “Small groups”.').waitFor();
    await expect(check(people.map(encodeResponse).join('\n'))).resolves.toBe('Checked: 12 to add, 0 duplicates, 0 rejected');
    await page.getByRole('button', { name: 'Add 12 responses' }).click();
    await settled();
    await page.getByText('Analysing 12 responses (Before the workshop).').waitFor();
    // "All waves" with only one wave never passes silently for a pooled view.
    await expect(page.locator('[data-wave-note="single"]').textContent()).resolves.toBe('“All waves” is chosen, but only Before the workshop has responses to analyse, so everything below is that wave alone.');
    for (const scaleId of ['careerAwareness', 'selfEfficacy', 'vigour']) {
      await expect(page.locator(`tr[data-measure="scale:${scaleId}"] [data-mean]`).textContent()).resolves.toBe(meanOf(scaleId).toFixed(2));
    }
    expect(describeViolations(await axeViolations(page))).toEqual([]);
  });

  it('hides a group of three, and the other group too, so neither can be worked out from the total', async () => {
    const roles = page.locator('table[data-breakdown="role"]');
    await expect(roles.locator('tr[data-hidden]').count()).resolves.toBe(2);
    await expect(roles.textContent()).resolves.toContain('hidden: fewer than 5');
    await expect(roles.textContent()).resolves.toContain('hidden so that another hidden group cannot be worked out by subtraction');
    await expect(roles.textContent()).not.toContain(meanOf('careerAwareness').toFixed(2));
    await expect(page.getByText('2 groups (12 responses together) are hidden.').count()).resolves.toBeGreaterThan(0);
    // Comments and the before-and-after comparison say why they are not shown.
    await expect(page.locator('section[aria-labelledby="bn-before-after"] .bn-hidden-note').textContent()).resolves.toContain('needs at least 5 responses in each of the two waves');
  });

  it('shows no alpha, correlations or model at 12 responses, only how many more each needs', async () => {
    await expect(page.locator('section[aria-labelledby="bn-reliability"] .bn-hidden-note').textContent()).resolves.toBe('18 more responses needed. This analysis is shown from 30 responses: with fewer, its figures would mostly reflect chance.');
    await expect(page.locator('section[aria-labelledby="bn-correlations"] .bn-hidden-note').textContent()).resolves.toContain('18 more responses needed.');
    await expect(page.locator('section[aria-labelledby="bn-model"] .bn-hidden-note').textContent()).resolves.toBe('62 more responses needed. This analysis is shown from 74 responses: with fewer, its figures would mostly reflect chance.');
    await expect(page.locator('[data-alpha]').count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: /Compute the intervals/ }).count()).resolves.toBe(0);
  });

  it('exports the responses as CSV only after saying it is personal data, comments only when ticked, and the summary without hidden figures', async () => {
    const ask = page.getByRole('button', { name: 'Export the responses as CSV (personal data)' });
    await ask.click();
    await expect(ask.getAttribute('aria-expanded')).resolves.toBe('true');
    const confirm = page.getByRole('group', { name: /This file is personal data/ });
    await expect(confirm.textContent()).resolves.toContain('every response in the dataset (12)');
    await expect(page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).resolves.toBe('checkbox');
    expect(describeViolations(await axeViolations(page))).toEqual([]);
    // Cancel writes nothing and closes the question.
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(confirm.count()).resolves.toBe(0);

    await ask.click();
    const [plainDownload] = await Promise.all([page.waitForEvent('download'), confirm.getByRole('button', { name: 'Export the file' }).click()]);
    const plain = readFileSync((await plainDownload.path())!, 'utf8').slice(1).trim().split('\r\n');
    expect(plain[0]!.split(',')).not.toContain('comment');

    await ask.click();
    await confirm.getByLabel('Include the free-text comments').check();
    const [responsesDownload] = await Promise.all([page.waitForEvent('download'), confirm.getByRole('button', { name: 'Export the file' }).click()]);
    const csv = readFileSync((await responsesDownload.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).trim().split('\r\n');
    expect(lines).toHaveLength(13);
    const header = lines[0]!.split(',');
    expect(header).toContain('comment');
    for (const id of items) expect(header).toContain(id);
    expect(lines.some((line) => line.split(',').includes("'-X"))).toBe(true);
    expect(lines.some((line) => line.split(',').includes('-X'))).toBe(false);

    const [summaryDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export the summary by measure as CSV' }).click()]);
    const summary = readFileSync((await summaryDownload.path())!, 'utf8').slice(1).trim().split('\r\n');
    // Headers in the page's language; figures rounded as the table shows them.
    expect(summary[0]).toBe('Measure,Kind,ID,n,Mean,95% CI lower,95% CI upper,SD');
    const careerAwareness = summary.find((line) => line.includes(',Scale,careerAwareness,'))!;
    expect(careerAwareness.split(',')[3]).toBe('12');
    expect(careerAwareness.split(',')[4]).toBe(String(Number(meanOf('careerAwareness').toFixed(2))));
  });

  it('says a wave has no responses instead of showing empty brackets', async () => {
    const waves = page.getByRole('group', { name: 'Responses to analyse' });
    await waves.getByRole('radio', { name: 'Straight after the workshop' }).check();
    await settled();
    await expect(page.locator('section[aria-labelledby="bn-participation"] .bn-reading').textContent()).resolves.toBe('There are no responses to analyse in this wave.');
    await waves.getByRole('radio', { name: 'All waves' }).check();
    await page.getByText('Analysing 12 responses (Before the workshop).').waitFor();
  });

  it('labels figures from 90 responses as indicative, and computes the bootstrap intervals in a worker', async () => {
    // Ninety team members with varied answers: above the model's minimum (74) and the bootstrap's (80), below 107.
    const varied = Array.from({ length: 90 }, (_, n) =>
      response(300 + n, { cohort: 'LARGE', anonymousCode: null, answers: items.map((id, index) => (memberItems.has(id) ? ((index * 7 + n * 13 + ((index * n) % 7)) % 5) + 1 : null)) }),
    );
    await page.getByLabel('Name of a new dataset').fill('Ninety');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByText('Created the dataset “Ninety”.').waitFor();
    await expect(check(varied.map(encodeResponse).join('\n'))).resolves.toBe('Checked: 90 to add, 0 duplicates, 0 rejected');
    await page.getByRole('button', { name: 'Add 90 responses' }).click();
    await page.getByText('Analysing 90 responses (Before the workshop).').waitFor();
    const model = page.locator('section[aria-labelledby="bn-model"]');
    await expect(model.locator('[data-sample="indicative"]').first().textContent()).resolves.toBe('Indicative: 90 responses, fewer than the 107 this analysis needs for firm conclusions (17 more). Read the figures as a rough guide.');
    await expect(model.locator('.bn-reading').first().textContent()).resolves.not.toMatch(/explain/);
    await expect(page.locator('section[aria-labelledby="bn-reliability"] [data-sample="indicative"]').count()).resolves.toBe(1);
    await expect(page.locator('section[aria-labelledby="bn-correlations"] [data-sample="indicative"]').count()).resolves.toBe(0);
    await page.getByRole('button', { name: /Compute the intervals/ }).click();
    await page.getByText(/Computed from 2,000 resamples/).waitFor({ timeout: 30_000 });
    await expect(page.locator('[data-table="mediation"] [data-interval]').first().textContent()).resolves.toMatch(/^-?\d\.\d{3}–-?\d\.\d{3}$/);
    expect(describeViolations(await axeViolations(page))).toEqual([]);
  });
});

describe('facilitator dashboard: waves and time', () => {
  // Six people in all three waves, each answering every statement with one value, so a scale's score is that
  // value: "learning" goes from 1,2,2,3,3,4 (before) to 3,3,4,4,5,5 at the follow-up, a mean change of 1.50.
  const scores = { before: [1, 2, 2, 3, 3, 4], after: [2, 3, 3, 4, 4, 4], 'follow-up': [3, 3, 4, 4, 5, 5] } as const;
  const people = (Object.keys(scores) as (keyof typeof scores)[]).flatMap((wave, w) =>
    scores[wave].map((value, i) =>
      response(500 + w * 10 + i, { wave, cohort: 'WAVES', anonymousCode: `w${i}`, day: wave === 'follow-up' ? '2027-02-18' : '2026-11-20', answers: items.map((id) => (memberItems.has(id) ? value : null)) }),
    ),
  );

  it('pools all waves with a warning, and compares before with the follow-up', async () => {
    await page.getByLabel('Name of a new dataset').fill('Three waves');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByText('Created the dataset “Three waves”.').waitFor();
    await expect(check(people.map(encodeResponse).join('\n'))).resolves.toBe('Checked: 18 to add, 0 duplicates, 0 rejected');
    await page.getByRole('button', { name: 'Add 18 responses' }).click();
    await settled();
    await page.locator('[data-wave-note="pooled"]').waitFor();
    await expect(page.locator('[data-wave-note="pooled"]').textContent()).resolves.toContain('pools the responses of Before the workshop, Straight after the workshop, A few months after the workshop (follow-up)');

    const comparison = page.locator('section[aria-labelledby="bn-before-after"]');
    await expect(comparison.locator('tr[data-measure="scale:learning"] [data-change]').textContent()).resolves.toBe('0.83');
    await comparison.getByRole('group', { name: 'Waves to compare' }).getByRole('radio', { name: 'Before → follow-up' }).check();
    await settled();
    await expect(comparison.getAttribute('data-pair')).resolves.toBe('before-follow-up');
    await expect(comparison.locator('tr[data-measure="scale:learning"] [data-change]').textContent()).resolves.toBe('1.50');
    await expect(comparison.locator('table[data-comparison="paired"] thead').textContent()).resolves.toContain('Follow-up');
    await expect(comparison.textContent()).resolves.toContain('People matched by anonymous code: 6.');
    await comparison.getByRole('radio', { name: 'After → follow-up' }).check();
    await settled();
    await expect(comparison.locator('tr[data-measure="scale:learning"] [data-change]').textContent()).resolves.toBe('0.67');
    expect(describeViolations(await axeViolations(page))).toEqual([]);
  });

  it('counts responses by month for each wave', async () => {
    const followUp = page.locator('table[data-timeline-wave="follow-up"]');
    await expect(followUp.locator('tbody tr').count()).resolves.toBe(1);
    await expect(followUp.locator('tbody tr th').textContent()).resolves.toBe('February 2027');
    await expect(followUp.locator('tbody tr td').textContent()).resolves.toBe('6');
    await expect(page.locator('table[data-timeline-wave="before"] tbody tr th').textContent()).resolves.toBe('November 2026');
  });
});

describe('facilitator dashboard: on a phone', () => {
  it('keeps wide group tables inside the page, scrollable to their last column with each row still named', async () => {
    const phone = await openWatchedPage(browser, { viewport: { width: 390, height: 844 }, locale: 'ja-JP' });
    try {
      await phone.page.goto(`${siteUrl}ja/facilitator/dashboard/`);
      await phone.page.getByRole('button', { name: /デモ/ }).click();
      await phone.page.locator('.bn-analyses[aria-busy="false"] #bn-breakdowns').waitFor();
      const regions = phone.page.locator('section[aria-labelledby="bn-breakdowns"] .bn-table-scroll, section[aria-labelledby="bn-profiles"] .bn-table-scroll');
      expect(await regions.count()).toBeGreaterThanOrEqual(5);
      const geometry = await regions.evaluateAll((elements) =>
        elements.map((region) => {
          const wide = region.scrollWidth > region.clientWidth;
          region.scrollLeft = region.scrollWidth;
          const box = region.getBoundingClientRect();
          const lastHeader = region.querySelector('thead th:last-child')!.getBoundingClientRect();
          const rowName = region.querySelector('tbody th[scope="row"]')!.getBoundingClientRect();
          return { wide, regionRight: box.right, lastRight: lastHeader.right, regionLeft: box.left, rowNameLeft: rowName.left };
        }),
      );
      // The tables are wider than a phone, so this checks the scrolling, not a table that happens to fit.
      expect(geometry.some((g) => g.wide)).toBe(true);
      for (const g of geometry) {
        expect(g.regionRight).toBeLessThanOrEqual(390);
        expect(g.lastRight).toBeLessThanOrEqual(g.regionRight + 1);
        expect(g.rowNameLeft).toBeGreaterThanOrEqual(g.regionLeft - 1);
      }
      expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      expect(phone.errors).toEqual([]);
    } finally {
      await phone.page.context().close();
    }
  });
});

describe('facilitator dashboard: files that say where they are wrong, fuller copies, runaway CSVs (issue 15)', () => {
  let own: WatchedPage;
  const report = () => own.page.locator('.bn-batch-report');
  const checkFiles = async (...files: string[]) => {
    await own.page.locator('#bn-import-files').setInputFiles(files);
    await own.page.getByRole('button', { name: 'Check', exact: true }).click();
    await own.page.locator('#bn-batch-heading').waitFor();
    return (await own.page.locator('#bn-batch-heading').textContent())!.trim();
  };

  beforeAll(async () => {
    own = await openWatchedPage(browser, { locale: 'en-GB' });
    own.page.on('dialog', (dialog) => dialog.accept());
    await own.page.goto(`${siteUrl}en/facilitator/dashboard/`);
    await own.page.getByLabel('Name of a new dataset').fill('Issue 15');
    await own.page.getByRole('button', { name: 'Create' }).click();
    await own.page.getByText('Created the dataset “Issue 15”.').waitFor();
  });
  afterAll(async () => {
    expect(own.foreignRequests).toEqual([]);
    expect(own.errors).toEqual([]);
    await own.context.close();
  });

  it('names the question and the key path of a wrong answer in a response file', async () => {
    const answered = items.find((id) => memberItems.has(id))!;
    const wrong = toResponseFile(response(71), instrument) as unknown as { response: { answers: Record<string, number> } };
    wrong.response.answers[answered] = 9;
    writeFileSync(`${testOutput}wrong-answer.json`, JSON.stringify(wrong));
    await expect(checkFiles(`${testOutput}wrong-answer.json`)).resolves.toContain('0 to add, 0 duplicates, 1 rejected');
    const text = instrument.scales.flatMap((scale) => scale.items).find((item) => item.id === answered)!.text.en;
    await expect(report().textContent()).resolves.toContain(`wrong-answer.json: the answer to “${text}” is not one of the survey’s answer choices (response.answers.${answered})`);
    await own.page.getByRole('button', { name: 'Close without adding' }).click();
  });

  it('keeps a response file’s full comment over its code’s shortened one, without counting the response twice', async () => {
    const long = response(72, { wave: 'after', evaluation: { satisfaction: 4, applicability: 4, recommend: 8 }, comment: 'The exercises on assignments were the most useful part of the day for my team. '.repeat(4).trim() });
    writeFileSync(`${testOutput}full-comment.json`, JSON.stringify(toResponseFile(long, instrument)));
    await own.page.getByLabel('Response codes (one per line)').fill(encodeResponse(long));
    await own.page.getByRole('button', { name: 'Check', exact: true }).click();
    await own.page.getByRole('button', { name: 'Add 1 response' }).click();
    await own.page.getByText('Added 1 response.').waitFor();
    await expect(checkFiles(`${testOutput}full-comment.json`)).resolves.toContain('0 to add, 1 duplicates, 0 rejected');
    await own.page.getByRole('button', { name: 'Keep the full comments of 1 response' }).click();
    await expect(own.page.getByLabel('Dataset to show').textContent()).resolves.toContain('Issue 15 (1 response)');
    // Now the dataset holds the full comment: the same file has nothing more to give.
    await checkFiles(`${testOutput}full-comment.json`);
    await expect(own.page.getByRole('button', { name: 'Nothing to add' }).isDisabled()).resolves.toBe(true);
    await own.page.getByRole('button', { name: 'Close without adding' }).click();
  });

  it('refuses a CSV with more than 500 columns at once, saying what to do', async () => {
    const header = Array.from({ length: 20_000 }, () => 'comment').join(',');
    writeFileSync(`${testOutput}runaway-header.csv`, `${header}\n${header.replace(/comment/g, 'x')}\n`);
    const started = Date.now();
    await own.page.locator('#bn-import-files').setInputFiles(`${testOutput}runaway-header.csv`);
    await own.page.getByRole('button', { name: 'Check', exact: true }).click();
    const message = own.page.getByRole('status').filter({ hasText: 'more than 500 columns' });
    await message.waitFor({ timeout: 10_000 });
    expect(Date.now() - started).toBeLessThan(10_000);
    await expect(message.textContent()).resolves.toContain('Delete the columns the survey does not need');
  });
});
