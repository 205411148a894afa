/**
 * Every workshop collects its survey for real: the closing gives people time to answer and names the hand-over
 * as the survey shows it, and the facilitator guide takes the facilitator to the survey sessions and the
 * dashboard, under the site's base path. Checked for every module in both languages, from the module files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, openWatchedPage, pdfPageCount, type WatchedPage } from '../support/browser.ts';
import { moduleSource } from '../support/module-source.ts';
import { stepTimeFigures } from '../../src/lib/schedule/step-times.ts';
import { siteInstrument } from '../support/instrument.ts';
import { surveyMinutes } from '../../src/lib/survey/duration.ts';

const kitUrl = inject('kitSiteUrl');
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

const locales = ['ja', 'en'] as const;
const moduleIds = readdirSync(new URL('../../content/modules/ja/', import.meta.url)).map((file) => file.replace(/\.mdx$/, ''));
const interfaceText = (locale: string) => JSON.parse(readFileSync(new URL(`../../content/i18n/${locale}.json`, import.meta.url), 'utf8')) as Record<string, string>;

interface Block {
  id: string;
  kind: string;
  instructions: string[];
}
function blocksOf(locale: string, id: string): Block[] {
  return moduleSource(locale, id).blocks;
}

describe.each(locales)('every workshop collects the survey (%s)', (locale) => {
  const handOverHeading = interfaceText(locale)['survey.handover.heading']!;

  it.each(moduleIds)('%s: the closing gives the survey its real time and names the hand-over as the survey does', (id) => {
    const closing = blocksOf(locale, id).filter((block) => block.kind !== 'break').at(-1)!;
    const answering = closing.instructions.find((step) => /QR/.test(step) && /アンケート|survey/i.test(step));
    expect(answering, `${id}: a closing step where people open the survey from the projected QR code`).toBeDefined();
    const [seconds] = stepTimeFigures(answering!);
    // At least the time the survey page promises the person with the most statements to answer.
    const statements = siteInstrument.scales.reduce((sum, scale) => sum + scale.items.length, 0);
    expect(seconds! / 60).toBeGreaterThanOrEqual(surveyMinutes(statements));
    const handing = closing.instructions.find((step) => step.includes(handOverHeading));
    expect(handing, `${id}: a closing step that names "${handOverHeading}"`).toBeDefined();
  });

  it.each(moduleIds)('%s: the guide links the survey sessions and the dashboard under the base path, and the links work', async (id) => {
    const { page } = watched;
    await page.goto(`${kitUrl}${locale}/modules/${id}/facilitator/`);
    const sessions = page.locator(`a[href="/kit/${locale}/facilitator/sessions/"]`).first();
    await expect(sessions.count()).resolves.toBe(1);
    await expect(page.locator(`a[href="/kit/${locale}/facilitator/dashboard/"]`).count()).resolves.toBeGreaterThan(0);
    await sessions.click();
    await page.waitForURL(`${kitUrl}${locale}/facilitator/sessions/`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(interfaceText(locale)['sessions.title']);
  });

  it.each(moduleIds)('%s: the participant page sends participants to no facilitator page', async (id) => {
    const { page } = watched;
    await page.goto(`${kitUrl}${locale}/modules/${id}/`);
    const facilitatorLinks = await page.locator('main a[href*="/facilitator/"]').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    // The page's own link to its facilitator guide is the one facilitator link it may show.
    expect(facilitatorLinks.filter((href) => href !== `/kit/${locale}/modules/${id}/facilitator/`)).toEqual([]);
  });
});


describe.each(locales)('every workshop prints on A4 (%s)', (locale) => {
  const text = interfaceText(locale);

  /** Presses a print button with the browser's print dialog replaced, then lays the page out for print. */
  async function printAs(button: string): Promise<number> {
    const { page } = watched;
    await page.evaluate(() => void (window.print = () => {}));
    await page.getByRole('group', { name: text['facilitator.print.title'] }).getByRole('button', { name: button }).click();
    await page.emulateMedia({ media: 'print' });
    const pages = pdfPageCount(await page.pdf({ format: 'A4' }));
    await page.emulateMedia({ media: 'screen' });
    return pages;
  }

  it.each(moduleIds)('%s: the run sheet alone fits one or two pages, and each handout starts a page of its own', async (id) => {
    const { page } = watched;
    await page.goto(`${kitUrl}${locale}/modules/${id}/facilitator/`);
    const runSheet = await printAs(text['facilitator.print.runSheet']!);
    expect(runSheet).toBeGreaterThanOrEqual(1);
    expect(runSheet).toBeLessThanOrEqual(2);
    const handouts = await page.locator('.bn-handout').count();
    expect(handouts).toBeGreaterThan(0);
    expect(await printAs(text['facilitator.print.handouts']!)).toBeGreaterThanOrEqual(handouts);
  });

  it.each(moduleIds)('%s: the participant page prints with no control showing', async (id) => {
    const { page } = watched;
    await page.goto(`${kitUrl}${locale}/modules/${id}/`);
    await page.emulateMedia({ media: 'print' });
    const visibleControls = await page.locator('button, input, select, [role="button"]').evaluateAll((controls) =>
      controls.filter((control) => (control as HTMLElement).offsetParent !== null).map((control) => control.outerHTML.slice(0, 80)),
    );
    expect(visibleControls).toEqual([]);
    expect(pdfPageCount(await page.pdf({ format: 'A4' }))).toBeGreaterThan(0);
    await page.emulateMedia({ media: 'screen' });
  });
});
