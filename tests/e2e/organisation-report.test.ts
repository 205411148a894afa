/**
 * The organisation report in Chromium: made from a dataset imported on the dashboard, opened from the dashboard's
 * link with that dataset, it shows participation, the changes of the model's parts, the model test and the
 * evaluation, each with a plain sentence; a small group stays hidden on screen and on paper, comments never
 * appear, and it prints on A4 without controls.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { encodeResponse, type SurveyResponse } from '../../src/lib/survey/response-code.ts';
import { itemOrder } from '../../src/lib/survey/localise.ts';
import { itemsForRole } from '../../src/lib/survey/roles.ts';
import { axeViolations, describeViolations, launchChromium, openWatchedPage, type WatchedPage } from '../support/browser.ts';
import { siteInstrument } from '../support/instrument.ts';
import { testOutput } from '../support/sites.ts';

const siteUrl = inject('rootSiteUrl');
const instrument = siteInstrument;
const items = itemOrder(instrument);
const memberItems = new Set(itemsForRole(instrument, 'member'));

/**
 * Ten people in three waves: seven team members and three people managers (a group below the minimum of 5), each
 * answering one value per wave; half of them one higher after the workshop than before, so the change varies. The after wave rates the workshop and
 * leaves a comment that must never reach the report.
 */
function cycle(): SurveyResponse[] {
  return (['before', 'after', 'follow-up'] as const).flatMap((wave, w) =>
    Array.from({ length: 10 }, (_, person): SurveyResponse => {
      const manager = person >= 7;
      const value = 1 + (person % 3) + (wave !== 'before' && person % 2 === 0 ? 1 : 0);
      return {
        instrumentVersion: instrument.version,
        wave,
        role: manager ? 1 : 0,
        stage: 1,
        responseId: (0xde0000 + w * 100 + person).toString(16).padStart(12, '0'),
        day: wave === 'follow-up' ? '2027-02-20' : '2026-11-20',
        cohort: 'CYCLE',
        anonymousCode: `c${person}`,
        answers: items.map((id, index) => (manager || memberItems.has(id) ? Math.max(1, Math.min(5, value + ((index + person) % 2))) : null)),
        evaluation: wave === 'after' ? { satisfaction: 4 + (person % 2), applicability: 4, recommend: 9 } : null,
        comment: wave === 'after' && person === 0 ? 'Only the dashboard may show this comment' : null,
      };
    }),
  );
}

let browser: Browser;
let watched: WatchedPage;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  watched = await openWatchedPage(browser, { locale: 'en-GB' });
  page = watched.page;
});
afterAll(async () => {
  expect(watched.foreignRequests).toEqual([]);
  expect(watched.errors).toEqual([]);
  await browser?.close();
});

async function createDataset(name: string, responses: SurveyResponse[]) {
  await page.getByLabel('Name of a new dataset').fill(name);
  await page.getByRole('button', { name: 'Create' }).click();
  await page.getByText(`Created the dataset “${name}”.`).waitFor();
  await page.getByLabel('Response codes (one per line)').fill(responses.map(encodeResponse).join('\n'));
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await page.getByRole('button', { name: `Add ${responses.length} responses` }).click();
  await page.locator('.bn-analyses[aria-busy="false"]').waitFor();
}

const report = () => page.locator('[data-report="ready"]');

/** Elements reaching past the right edge of a `width` px page, named so that a failure says which; scroll areas' contents excepted. */
const widerThan = (width: number) =>
  page.evaluate((limit) => [...document.querySelectorAll('body *')].filter((element) => !element.closest('.bn-table-scroll') && element.getBoundingClientRect().right > limit + 1).map((element) => `${element.tagName.toLowerCase()}.${element.className}`), width);

describe('the organisation report', () => {
  it('says there is nothing to report before any dataset exists, and where to start', async () => {
    await page.goto(`${siteUrl}en/facilitator/report/`);
    await expect(page.locator('[data-report="empty"]').textContent()).resolves.toContain('Import responses on the dashboard first.');
  });

  it('opens from the dashboard with the dataset on screen, not merely the latest', async () => {
    await page.goto(`${siteUrl}en/facilitator/dashboard/`);
    await createDataset('Cycle 2026', cycle());
    await createDataset('Another cohort', cycle().slice(0, 10).map((response, index) => ({ ...response, responseId: (0xee0000 + index).toString(16).padStart(12, '0') })));
    await page.getByLabel('Dataset to show').selectOption({ label: await page.getByLabel('Dataset to show').locator('option', { hasText: 'Cycle 2026' }).textContent() ?? '' });
    const link = page.locator('[data-report-link]');
    await expect(link.getAttribute('href')).resolves.toMatch(/\/en\/facilitator\/report\/#dataset=/);
    await link.click();
    await report().waitFor();
    await expect(page.getByLabel('Dataset to report on').locator('option:checked').textContent()).resolves.toBe('Cycle 2026 (30 responses)');
    await expect(page.locator('.bn-report-title').textContent()).resolves.toBe('Career autonomy programme: report (Cycle 2026)');
  });

  it('sums up participation, the changes and the model in plain sentences', async () => {
    const summary = page.locator('section[aria-labelledby="bn-report-summary"]');
    await expect(summary.textContent()).resolves.toContain('30 responses in all (Before the workshop: 10, Straight after the workshop: 10, A few months after the workshop (follow-up): 10).');
    await expect(summary.textContent()).resolves.toContain('The model test needs more responses before it can be run.');
    const after = page.locator('section[aria-labelledby="bn-report-after"]');
    await expect(after.textContent()).resolves.toContain('The change of the same people: 10 people whose Before the workshop and Straight after the workshop responses could be matched');
    await expect(after.locator('.bn-report-readings li').first().textContent()).resolves.toMatch(/^Career awareness rose by \d\.\d\d \(d_z = \d\.\d\d, a (small|medium|large) effect, p = 0\.\d{3}\)\.$/);
    await expect(after.locator('svg[role="img"]').getAttribute('aria-label')).resolves.toContain('The table below gives the same figures.');
    await expect(page.locator('section[aria-labelledby="bn-report-follow-up"] table[data-table="report-changes"] thead').textContent()).resolves.toContain('A few months after the workshop (follow-up)');
    await expect(page.locator('section[aria-labelledby="bn-report-model"] .bn-hidden-note').textContent()).resolves.toBe('44 more responses needed. This analysis is shown from 74 responses: with fewer, its figures would mostly reflect chance.');
    await expect(page.locator('[data-model-meaning]').textContent()).resolves.toContain('no conclusion can be drawn');
    const evaluation = page.locator('section[aria-labelledby="bn-report-evaluation"]');
    await expect(evaluation.locator('.bn-reading').textContent()).resolves.toBe('Mean satisfaction is 4.50, applicability 4.00, and the net promoter score 100.');
  });

  it('hides the people managers, three in each wave, and the team members too so neither can be worked out, and leaves comments out', async () => {
    const roles = page.locator('section[aria-labelledby="bn-report-participation"] table[data-dimension="role"]');
    await expect(roles.locator('tr[data-hidden]').count()).resolves.toBe(2);
    await expect(roles.textContent()).resolves.toContain('hidden so that another hidden group cannot be worked out by subtraction');
    // 21 team members' and 9 managers' responses over the three waves: neither count is published.
    await expect(roles.textContent()).resolves.not.toMatch(/\b(21|9)\b/);
    await expect(report().textContent()).resolves.not.toContain('Only the dashboard may show this comment');
    await expect(report().textContent()).resolves.toContain('Free-text comments are left out of this report');
  });

  it('finds no WCAG 2.2 AA violation, and fits a phone without scrolling sideways', async () => {
    expect(describeViolations(await axeViolations(page))).toEqual([]);
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(widerThan(390)).resolves.toEqual([]);
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('prints on A4 with the edited title, the hidden groups still hidden, and no controls', async () => {
    await page.getByLabel('Report title (printed)').fill('Career programme 2026: report to the board');
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.bn-report-title').textContent()).resolves.toBe('Career programme 2026: report to the board');
    await expect(page.locator('.bn-report-controls').isVisible()).resolves.toBe(false);
    await expect(page.locator('button:visible, select:visible, input:visible').count()).resolves.toBe(0);
    const roles = page.locator('section[aria-labelledby="bn-report-participation"] table[data-dimension="role"]');
    await expect(roles.locator('tr[data-hidden]:visible').count()).resolves.toBe(2);
    // Nothing wider than A4's printable width (210 mm less 2 × 14 mm margins, at 96 px per inch).
    const printable = ((210 - 28) / 25.4) * 96;
    await page.setViewportSize({ width: Math.floor(printable), height: 1000 });
    await expect(widerThan(Math.ceil(printable))).resolves.toEqual([]);
    const pdf = await page.pdf({ path: `${testOutput}organisation-report.pdf`, format: 'A4', preferCSSPageSize: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(pages).toBeLessThanOrEqual(5);
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});
