/**
 * Measures what each built page makes the browser download before anyone interacts with it:
 * eager JavaScript (module scripts, their static imports, inline scripts) and CSS, gzip-compressed; and, with
 * everything it may load later, its lazy chunks and Web Workers.
 * Run: `npm run weight` (after a build), or import `measurePage` in tests.
 */
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, relative } from 'node:path';
import { parse as parseHtml } from 'node-html-parser';
import { init, parse as parseModule } from 'es-module-lexer';
import { listPages, pagePathOf } from '../tests/support/built-files.ts';

export interface PageWeight {
  page: string;
  jsGzip: number;
  /**
   * Eager JavaScript plus every chunk it may import later (charts, workers), gzip. The site search's results
   * script is left out: the header loads it on any page once search is opened, so it belongs to no page type; its
   * weight is budgeted with everything else the first query downloads (tests/e2e/search-download.test.ts).
   */
  jsWithLazyGzip: number;
  cssGzip: number;
  /** Files counted as eager JavaScript, relative to the site folder. */
  jsFiles: string[];
  /** Files counted in jsWithLazyGzip: the eager ones, lazy chunks and workers. */
  jsWithLazyFiles: string[];
}

const gzipSize = (text: string | Buffer) => gzipSync(text, { level: 9 }).length;

function fileOf(siteDir: string, base: string, url: string): string {
  const path = url.startsWith(base) ? url.slice(base.length) : url.replace(/^\//, '');
  return join(siteDir, path.split(/[?#]/)[0]!);
}

/** The header's search button script: what it imports when search is opened is counted apart (see PageWeight). */
const SITE_SEARCH_SCRIPT = /SearchDialog\.astro_astro_type_script/;

/** A worker or other script a module starts by URL: `new URL('…js', import.meta.url)` as the bundler writes it. */
const SCRIPT_URL = /new URL\(\s*(["'`])([^"'`]+?\.js)\1\s*,\s*(?:(["'`])\3\s*\+\s*)?import\.meta\.url\s*\)/g;

/**
 * A module and everything it imports statically: the browser fetches all of it before running.
 * With `followDynamic`, also what it may load later: import() (a chart library, say) and Web Workers.
 */
function staticGraph(entry: string, site: { dir: string; base: string }, seen = new Set<string>(), followDynamic = false): Set<string> {
  if (seen.has(entry) || !existsSync(entry)) return seen;
  seen.add(entry);
  const source = readFileSync(entry, 'utf8');
  const [imports] = parseModule(source);
  const followsDynamic = followDynamic && !SITE_SEARCH_SCRIPT.test(entry);
  for (const found of imports) {
    const relative = 'specifier' in found && typeof found.specifier === 'string' && found.specifier.startsWith('.');
    if (relative && (found.type === 'static' || (followsDynamic && found.type === 'dynamic'))) staticGraph(join(entry, '..', found.specifier as string), site, seen, followDynamic);
  }
  if (followDynamic) {
    for (const [, , url] of source.matchAll(SCRIPT_URL)) staticGraph(url!.startsWith('/') ? fileOf(site.dir, site.base, url!) : join(entry, '..', url!), site, seen, followDynamic);
  }
  return seen;
}

export async function measurePage(siteDir: string, base: string, htmlFile: string): Promise<PageWeight> {
  await init;
  const site = { dir: siteDir, base };
  const document = parseHtml(readFileSync(htmlFile, 'utf8'));
  const modules = new Set<string>();
  let inlineJs = '';
  for (const script of document.querySelectorAll('script')) {
    const type = script.getAttribute('type');
    if (type && !/module|javascript/.test(type)) continue; // JSON data blocks are not code
    const src = script.getAttribute('src');
    if (src) staticGraph(fileOf(siteDir, base, src), site, modules);
    else inlineJs += script.textContent;
  }
  for (const preload of document.querySelectorAll('link[rel="modulepreload"]')) staticGraph(fileOf(siteDir, base, preload.getAttribute('href')!), site, modules);
  // An island loads its component and framework renderer as soon as it hydrates: count them as eager.
  for (const island of document.querySelectorAll('astro-island')) {
    for (const attribute of ['component-url', 'renderer-url']) {
      const src = island.getAttribute(attribute);
      if (src) staticGraph(fileOf(siteDir, base, src), site, modules);
    }
  }
  const jsText = [...modules].map((file) => readFileSync(file, 'utf8')).join('\n') + inlineJs;
  const withLazy = new Set<string>();
  for (const file of modules) staticGraph(file, site, withLazy, true);
  const lazyText = [...withLazy].map((file) => readFileSync(file, 'utf8')).join('\n') + inlineJs;
  const cssText =
    document
      .querySelectorAll('link[rel="stylesheet"]')
      .map((link) => readFileSync(fileOf(siteDir, base, link.getAttribute('href')!), 'utf8'))
      .join('\n') + document.querySelectorAll('style').map((style) => style.textContent).join('\n');
  return {
    page: pagePathOf(siteDir, htmlFile),
    jsGzip: jsText.trim() ? gzipSize(jsText) : 0,
    jsWithLazyGzip: lazyText.trim() ? gzipSize(lazyText) : 0,
    cssGzip: cssText.trim() ? gzipSize(cssText) : 0,
    jsFiles: [...modules].map((file) => relative(siteDir, file)),
    jsWithLazyFiles: [...withLazy].map((file) => relative(siteDir, file)),
  };
}

export async function measureSite(siteDir: string, base = '/'): Promise<PageWeight[]> {
  return Promise.all(listPages(siteDir).map((file) => measurePage(siteDir, base, file)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir = 'dist', base = '/'] = process.argv.slice(2);
  const weights = await measureSite(dir, base);
  console.table(weights.map(({ page, jsGzip, jsWithLazyGzip, cssGzip }) => ({ page, 'JS gzip (B)': jsGzip, 'JS incl. lazy (B)': jsWithLazyGzip, 'CSS gzip (B)': cssGzip })));
}
