/**
 * The programme view (/{lang}/programme/): its timeline figure switches to a vertical layout on a phone and is
 * followed by the same steps as text; it invites the stages of content/stages.yaml by their configured names; it
 * links the programme documents that exist in the build and no others; the set-up and facilitators home pages lead to it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { parse as parseYaml } from 'yaml';
import { launchChromium, openWatchedPage, type WatchedPage } from '../support/browser.ts';
import { projectRoot, rootSite } from '../support/sites.ts';

const siteUrl = inject('rootSiteUrl');
const stages = parseYaml(readFileSync(`${projectRoot}content/stages.yaml`, 'utf8')) as { id: string; name: Record<string, string>; band: Record<string, string> }[];
const viewOf = (locale: string) =>
  parseYaml(readFileSync(`${projectRoot}content/programme-view/${locale}/index.mdx`, 'utf8').split(/^---$/m)[1]!) as {
    steps: { id: string; title: string; documents?: string[] }[];
    invitations: { stage: string }[];
  };

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

describe.each(['ja', 'en'])('the programme view in %s', (locale) => {
  const view = viewOf(locale);

  it('shows the wide timeline on a desktop and the vertical one on a phone, never wider than the phone', async () => {
    const { page } = watched;
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${siteUrl}${locale}/programme/`);
    const figure = page.getByRole('figure');
    await expect(figure.locator('svg.bn-timeline-wide').isVisible()).resolves.toBe(true);
    await expect(figure.locator('svg.bn-timeline-narrow').isVisible()).resolves.toBe(false);
    // One mark a step in each figure.
    await expect(figure.locator('svg.bn-timeline-wide .mark').count()).resolves.toBe(view.steps.length);
    await expect(figure.locator('svg.bn-timeline-narrow .mark').count()).resolves.toBe(view.steps.length);

    await page.setViewportSize({ width: 390, height: 844 });
    await expect(figure.locator('svg.bn-timeline-wide').isVisible()).resolves.toBe(false);
    await expect(figure.locator('svg.bn-timeline-narrow').isVisible()).resolves.toBe(true);
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
    // The phone figure's text is drawn at a readable size: at least 12 px on screen.
    const smallest = await figure.locator('svg.bn-timeline-narrow text').evaluateAll((texts) => Math.min(...texts.map((text) => text.getBoundingClientRect().height)));
    expect(smallest).toBeGreaterThanOrEqual(12);
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('gives the figure a name and follows it with every step as text, in order', async () => {
    const { page } = watched;
    await page.goto(`${siteUrl}${locale}/programme/`);
    await expect(page.getByRole('img').filter({ has: page.locator('title') }).first().getAttribute('aria-labelledby')).resolves.toBeTruthy();
    const titles = await page.locator('ol.bn-programme-steps > li > h3').allTextContents();
    expect(titles).toEqual(view.steps.map((step) => step.title));
  });

  it('links the documents of each step that exist in this build, and only those', async () => {
    const { page } = watched;
    await page.goto(`${siteUrl}${locale}/programme/`);
    for (const step of view.steps) {
      const existing = (step.documents ?? []).filter((slug) => existsSync(`${rootSite.dir}/${locale}/programme/documents/${slug}/index.html`));
      const linked = await page
        .locator(`#step-${step.id} a[href*="/programme/documents/"]`)
        .evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname.split('/').at(-2)));
      expect(linked, step.id).toEqual(existing);
    }
  });

  it('lists the invited stages by the names and bands of content/stages.yaml, in its order', async () => {
    const { page } = watched;
    await page.goto(`${siteUrl}${locale}/programme/`);
    const table = page.getByRole('table', { name: locale === 'ja' ? 'どの段階の人を、いつ招くか' : 'Which stage is invited when' });
    const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].slice(0, 2).map((cell) => cell.textContent!.trim())));
    const invited = stages.filter((stage) => view.invitations.some((i) => i.stage === stage.id));
    expect(rows).toEqual(invited.map((stage) => [stage.name[locale], stage.band[locale]]));
  });

  it('is linked from the set-up and facilitators home pages', async () => {
    const { page } = watched;
    for (const home of ['organisations', 'facilitators']) {
      await page.goto(`${siteUrl}${locale}/${home}/`);
      await page.locator(`a[href="/${locale}/programme/"]`).first().click();
      await expect(page.waitForURL(`${siteUrl}${locale}/programme/`)).resolves.toBeUndefined();
    }
  });
});

describe('the programme in search', () => {
  it('finds the programme view under its own kind of page', async () => {
    const { page } = watched;
    await page.goto(`${siteUrl}ja/`);
    await page.keyboard.press('Control+k');
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('searchbox').fill('役職定年');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-results]')?.dataset.query === '役職定年');
    await dialog.getByRole('group', { name: 'ページの種類' }).getByRole('radio', { name: 'プログラム運営' }).check();
    const links = () => dialog.getByRole('listitem').getByRole('link').evaluateAll((anchors) => anchors.map((a) => `${a.getAttribute('href')} ${a.textContent}`));
    await expect.poll(async () => (await links()).every((link) => / プログラム運営/.test(link))).toBe(true);
    await expect.poll(links).toContainEqual(expect.stringMatching(/^\/ja\/programme\/ プログラム運営/));
  });
});
