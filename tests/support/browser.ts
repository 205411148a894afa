/**
 * Chromium for the end-to-end tests: Debian's /usr/bin/chromium by default; set BANSO_CHROMIUM to
 * use another Chrome or Chromium. No test tool downloads a browser of its own.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

export const chromiumPath = process.env.BANSO_CHROMIUM ?? '/usr/bin/chromium';

/**
 * `showScrollbars` keeps the classic scrollbars a desktop browser draws, which headless Chromium otherwise hides:
 * a scrollbar that appears after load narrows the page and moves everything on it (tests/e2e/layout-shift.test.ts).
 */
export function launchChromium(extraArgs: string[] = [], { showScrollbars = false } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    ignoreDefaultArgs: showScrollbars ? ['--hide-scrollbars'] : [],
    // Without these, Chromium tries to reach Google's services at start, which this closed network refuses.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', ...extraArgs],
  });
}

export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  /** Every request that went anywhere but the test server: must stay empty (privacy). */
  foreignRequests: string[];
  /** Uncaught exceptions and console errors on the page. */
  errors: string[];
}

/**
 * A fresh browser profile with one page, watched for requests to other origins and for script errors.
 * Service workers are blocked unless asked for: otherwise each fresh profile would download the whole site for
 * offline use while a test runs. tests/e2e/offline.test.ts tests the worker; blocked, the site must work as well.
 */
export async function openWatchedPage(
  browser: Browser,
  options: { viewport?: { width: number; height: number }; locale?: string; serviceWorkers?: 'allow' | 'block'; device?: Pick<BrowserContextOptions, 'deviceScaleFactor' | 'isMobile' | 'hasTouch' | 'javaScriptEnabled'> } = {},
): Promise<WatchedPage> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    locale: options.locale ?? 'ja-JP',
    serviceWorkers: options.serviceWorkers ?? 'block',
    ...options.device,
  });
  const page = await context.newPage();
  const foreignRequests: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    if (url.hostname !== '127.0.0.1') foreignRequests.push(request.url());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    // A 404 page load is expected in the tests that ask for missing pages.
    if (message.type() === 'error' && !/status of 404/.test(message.text())) errors.push(message.text());
  });
  return { page, context, foreignRequests, errors };
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.2 A and AA, as axe tags them. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

export async function axeViolations(page: Page, { islandsDrawn = true } = {}): Promise<AxeViolation[]> {
  // Islands render after load; Astro removes their "ssr" attribute once hydrated. Check them rendered, not empty,
  // unless the test is about what shows when they cannot start.
  if (islandsDrawn) await page.waitForFunction(() => !document.querySelector('astro-island[ssr]'));
  // Evaluated through the DevTools protocol rather than added as an inline <script>, which the site's
  // Content Security Policy (sent by the test server, as deployed) rightly blocks.
  await page.evaluate(axeSource);
  return page.evaluate(async (tags) => {
    const result = await (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return result.violations.map(({ id, help, nodes }) => ({ id, help, nodes: nodes.map(({ target, failureSummary }) => ({ target, failureSummary })) }));
  }, WCAG_TAGS);
}

/** One line per violation, readable in a failing assertion. */
export function describeViolations(violations: AxeViolation[]): string[] {
  return violations.flatMap((v) => v.nodes.map((node) => `${v.id}: ${v.help} at ${node.target.join(' ')}`));
}

/** Pages in a PDF that Chromium wrote: one "/Type /Page" object each (the tree's root is "/Type /Pages"). */
export function pdfPageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
}

/** Each page's size in points, [width, height], from its /MediaBox (A4 landscape is about 842 × 595). */
export function pdfPageSizes(pdf: Buffer): [number, number][] {
  return [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((match) => [
    Number(match[3]) - Number(match[1]),
    Number(match[4]) - Number(match[2]),
  ]);
}
