/** The service worker, its precache list and the web app manifest in both test builds (issue 15). */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import { measurePage } from '../../scripts/page-weight.ts';
import { listPages } from '../support/built-files.ts';
import { kitSite, rootSite } from '../support/sites.ts';

describe.each([rootSite, kitSite])('offline files of the site at $base', (site) => {
  it('writes the worker at the base path, with every page, chunk and search file in its list', () => {
    const worker = readFileSync(`${site.dir}/sw.js`, 'utf8');
    for (const file of ['index.html', 'ja/facilitator/run/screen/index.html', '404.html', 'pagefind/pagefind-entry.json', 'pagefind/pagefind.js', 'manifest.webmanifest']) {
      expect(worker, file).toContain(`"${file}"`);
    }
    // Search runs Pagefind on the page, and reads excerpts from the precached fragments rather than the passages.
    for (const file of ['pagefind/pagefind-ui.js', 'pagefind/pagefind-worker.js', 'pagefind/passage/']) expect(worker, file).not.toContain(`"${file}`);
    expect(worker).not.toMatch(/import\s*\(|\bimport\s+[{*]/); // one self-contained script
  });

  it('links the manifest, an apple-touch-icon and the registration module from every page', () => {
    const manifest = JSON.parse(readFileSync(`${site.dir}/manifest.webmanifest`, 'utf8'));
    expect(manifest.start_url).toBe(site.base);
    expect(manifest.scope).toBe(site.base);
    for (const icon of manifest.icons) expect(existsSync(`${site.dir}/${icon.src.slice(site.base.length)}`), icon.src).toBe(true);
    const pages = listPages(site.dir).filter((file) => !file.endsWith('/run/screen/index.html') && !file.endsWith('/404.html'));
    for (const file of pages) {
      const document = parse(readFileSync(file, 'utf8'));
      expect(document.querySelector('link[rel="manifest"]')?.getAttribute('href'), file).toBe(`${site.base}manifest.webmanifest`);
      expect(document.querySelector('link[rel="apple-touch-icon"]')?.getAttribute('href'), file).toBe(`${site.base}brand/apple-touch-icon.png`);
      expect(document.querySelector('script[src*="OfflineSupport"]'), file).not.toBeNull();
    }
  });
});

describe('page weight of offline support', () => {
  it('counts the registration module on every page, and not the worker, which no page loads', async () => {
    const weight = await measurePage(rootSite.dir, '/', `${rootSite.dir}/ja/facilitator/dashboard/index.html`);
    expect(weight.jsFiles.some((file) => file.includes('OfflineSupport'))).toBe(true);
    expect(weight.jsWithLazyFiles).not.toContain('sw.js');
    const registration = weight.jsFiles.find((file) => file.includes('OfflineSupport'))!;
    const { gzipSync } = await import('node:zlib');
    expect(gzipSync(readFileSync(`${rootSite.dir}/${registration}`), { level: 9 }).length).toBeLessThan(600);
  });
});
