/**
 * Programme documents on paper. Every document the build has, in every language, prints on A4 portrait with nothing
 * wider than the printable area and no site chrome; the one-page documents fit one sheet; blanks are highlighted on
 * screen and print as bracketed labels. The site is built with the fixture documents of tests/fixtures/programme/
 * added, so the checks have pages to run on before an organisation has written any, and cover all that it writes.
 */
import { cpSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openWatchedPage, pdfPageCount, pdfPageSizes, type WatchedPage } from '../support/browser.ts';
import { buildContentVariant } from '../support/content-variant.ts';
import { listPages, pagePathOf } from '../support/built-files.ts';
import { serve } from '../support/serve-sites.ts';
import { projectRoot } from '../support/sites.ts';

/** Documents agreed to fit one A4 sheet (the fixture stands in for them until they exist). */
const ONE_PAGE = ['consent-form', 'executive-briefing', 'interview-invitation', 'fixture-one-page'];
/** @page bn-document leaves 210 mm less 2 × 16 mm: the printable width in CSS pixels (96 per inch). */
const PRINTABLE_WIDTH_PX = Math.floor((178 / 25.4) * 96);
const DOCUMENT_PAGE = /^(ja|en)\/programme\/documents\/([a-z0-9-]+)\/$/;

let outDir: string;
let server: Server;
let siteUrl: string;
let documents: { path: string; locale: string; slug: string }[];
let browser: Browser;
let watched: WatchedPage;

beforeAll(async () => {
  const build = buildContentVariant('programme', (contentDir) => cpSync(`${projectRoot}tests/fixtures/programme`, `${contentDir}/programme`, { recursive: true }));
  expect(build.ok, build.output).toBe(true);
  outDir = build.outDir;
  documents = listPages(outDir)
    .map((file) => pagePathOf(outDir, file))
    .flatMap((path) => {
      const match = DOCUMENT_PAGE.exec(path);
      return match ? [{ path, locale: match[1]!, slug: match[2]! }] : [];
    });
  server = await serve(outDir, '/');
  siteUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  browser = await launchChromium();
  watched = await openWatchedPage(browser);
}, 240_000);

afterAll(async () => {
  expect(watched?.foreignRequests).toEqual([]);
  expect(watched?.errors).toEqual([]);
  await watched?.context.close();
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

/** Elements of the document that reach past its column, or scroll inside it, as the reader would not see them on paper. */
const overflowingElements = (page: Page) =>
  page.locator('.bn-programme-document').evaluate((article) => {
    const right = article.getBoundingClientRect().right;
    return [...article.querySelectorAll('*')]
      // The screen-reader prefix of a blank is clipped to nothing on purpose.
      .filter((element) => element.checkVisibility() && !element.closest('.bn-visually-hidden'))
      .filter((element) => element.getBoundingClientRect().right > right + 0.5 || element.scrollWidth > element.clientWidth + 1)
      .map((element) => `${element.tagName.toLowerCase()} “${element.textContent?.trim().slice(0, 30)}”`);
  });

describe('programme documents', () => {
  it('has documents in both languages to check, fixtures included', () => {
    expect(documents.filter((d) => d.slug.startsWith('fixture-')).map((d) => d.path).sort()).toEqual([
      'en/programme/documents/fixture-one-page/',
      'en/programme/documents/fixture-wide-table/',
      'ja/programme/documents/fixture-one-page/',
      'ja/programme/documents/fixture-wide-table/',
    ]);
  });

  it('lists every document of a language on that language\'s index, in order', async () => {
    for (const locale of ['ja', 'en']) {
      await watched.page.goto(`${siteUrl}${locale}/programme/documents/`);
      const listed = await watched.page.locator('.bn-document-list h2 a').evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
      expect([...listed].sort()).toEqual(documents.filter((d) => d.locale === locale).map((d) => `/${d.path}`).sort());
      // The fixtures' order (900, 910) puts the wide table first.
      expect(listed.indexOf(`/${locale}/programme/documents/fixture-wide-table/`)).toBeLessThan(listed.indexOf(`/${locale}/programme/documents/fixture-one-page/`));
    }
  });

  it('indexes every document for search as a programme page, without the notes above it', () => {
    for (const { path } of documents) {
      const html = readFileSync(`${outDir}/${path}index.html`, 'utf8');
      expect(html, path).toMatch(/data-pagefind-filter="kind"[^>]*>programme</);
      expect(html, path).toMatch(/class="bn-document-about"[^>]*data-pagefind-ignore/);
    }
  });

  it('prints every document on A4 portrait, with nothing wider than the printable area and only the document itself', async () => {
    const { page } = watched;
    const problems: string[] = [];
    for (const { path, slug } of documents) {
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto(`${siteUrl}${path}`);
      // Media emulation is reset (null, not 'screen'), so the PDF is made with print styles as a browser prints.
      const pdf = await page.pdf({ preferCSSPageSize: true });
      const sizes = pdfPageSizes(pdf);
      if (!sizes.every(([width, height]) => Math.round(width) === 595 && Math.round(height) === 842)) problems.push(`/${path}: pages of ${JSON.stringify(sizes)} pt, not A4 portrait`);
      if (ONE_PAGE.includes(slug) && pdfPageCount(pdf) !== 1) problems.push(`/${path}: ${pdfPageCount(pdf)} pages, not one`);

      await page.setViewportSize({ width: PRINTABLE_WIDTH_PX, height: 1100 });
      await page.emulateMedia({ media: 'print' });
      problems.push(...(await overflowingElements(page)).map((element) => `/${path}: ${element} overflows the printable width`));
      for (const chrome of ['header', 'footer', '.bn-document-about', 'banso-print-button']) {
        if (await page.locator(chrome).first().isVisible()) problems.push(`/${path}: ${chrome} prints`);
      }
      if (!(await page.getByRole('heading', { level: 1 }).isVisible())) problems.push(`/${path}: the title does not print`);
      await page.emulateMedia({ media: null });
    }
    expect(problems).toEqual([]);
  }, 240_000);

  it('offers a print button on screen that opens the print dialog', async () => {
    const { page } = watched;
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${siteUrl}en/programme/documents/fixture-one-page/`);
    await page.evaluate(() => {
      window.print = () => document.documentElement.setAttribute('data-printed', '');
    });
    await page.getByRole('button', { name: 'Print' }).click();
    await expect(page.locator('html[data-printed]').count()).resolves.toBe(1);
  });

  it('highlights blanks on screen and prints them as bracketed labels', async () => {
    const { page } = watched;
    const brackets = { ja: /^［[^［］]+］$/, en: /^\[[^[\]]+\]$/ };
    let checked = 0;
    for (const { path, locale } of documents) {
      await page.goto(`${siteUrl}${path}`);
      const blanks = page.locator('.bn-programme-document .bn-blank');
      /** What a sighted reader sees of each blank: its text without the prefix kept for screen readers. */
      const seen = () => blanks.evaluateAll((elements) => (elements as HTMLElement[]).map((element) => element.innerText.replace((element.querySelector('.bn-visually-hidden') as HTMLElement).innerText, '').trim()));
      const onScreen = await seen();
      const styles = await blanks.evaluateAll((elements) => elements.map((element) => getComputedStyle(element).borderStyle));
      await page.emulateMedia({ media: 'print' });
      const onPaper = await seen();
      await page.emulateMedia({ media: null });
      onScreen.forEach((label, index) => {
        expect(label, `/${path}`).not.toMatch(/^[［[]|[］\]]$/);
        expect(styles[index], `/${path}`).toBe('dotted');
        expect(onPaper[index], `/${path}`).toMatch(brackets[locale as 'ja' | 'en']);
        expect(onPaper[index]!.slice(1, -1)).toBe(label);
      });
      const prefixes = await blanks.locator('.bn-visually-hidden').allTextContents();
      expect(new Set(prefixes).size, `/${path}`).toBeLessThanOrEqual(1);
      checked += onScreen.length;
    }
    expect(checked).toBeGreaterThanOrEqual(12);
  });

  it('prints a line to sign on for each signature', async () => {
    const { page } = watched;
    await page.goto(`${siteUrl}ja/programme/documents/fixture-one-page/`);
    await page.emulateMedia({ media: 'print' });
    const lines = await page.locator('.bn-signature').evaluateAll((signatures) =>
      signatures.map((signature) => {
        const line = signature.querySelector('.bn-signature-line')!;
        return { label: signature.textContent!.trim(), width: line.getBoundingClientRect().width, border: getComputedStyle(line).borderBottomStyle };
      }),
    );
    await page.emulateMedia({ media: null });
    expect(lines.map((line) => line.label)).toEqual(['氏名', '日付']);
    for (const line of lines) {
      expect(line.border).toBe('solid');
      expect(line.width).toBeGreaterThan(200);
    }
  });
});
