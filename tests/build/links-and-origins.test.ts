/**
 * Every internal link and asset in the built site resolves to a file, under the root base and under
 * /kit/; and no page or stylesheet references another origin (privacy: nothing is fetched from elsewhere).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import { kitSite, rootSite } from '../support/sites.ts';
import { listFiles, listPages } from '../support/built-files.ts';

const URL_ATTRIBUTES = ['href', 'src', 'srcset', 'action', 'poster', 'data', 'data-bundle', 'data-base'];

interface Reference {
  page: string;
  url: string;
}

/**
 * Every URL a page references. The site's own public address (canonical and hreflang links, on a site that
 * configures one) is the site itself, not another origin: it is read as the path under the base it names, so
 * those links must resolve to built pages too.
 */
function referencesOf(siteDir: string, base: string, publicUrl?: string): Reference[] {
  const own = (url: string) => (publicUrl && url.startsWith(publicUrl) ? `${base}${url.slice(publicUrl.length)}` : url);
  return listPages(siteDir).flatMap((file) => {
    const document = parse(readFileSync(file, 'utf8'));
    const page = relative(siteDir, file);
    return URL_ATTRIBUTES.flatMap((attribute) =>
      document.querySelectorAll(`[${attribute}]`).flatMap((element) => {
        const value = element.getAttribute(attribute)!;
        // The search bundle attribute names a folder; what must exist in it is pagefind.js.
        const urls =
          attribute === 'srcset' ? value.split(',').map((candidate) => candidate.trim().split(/\s+/)[0]!) : attribute === 'data-bundle' ? [`${value}pagefind.js`] : [value];
        return urls.map((url) => ({ page, url: own(url) }));
      }),
    );
  });
}

/** The file a URL path names in the built folder, or undefined if it leaves the base. */
function targetFile(siteDir: string, base: string, pathname: string): string | undefined {
  if (!pathname.startsWith(base)) return undefined;
  const path = decodeURIComponent(pathname.slice(base.length));
  return join(siteDir, path === '' || path.endsWith('/') ? `${path}index.html` : path);
}

function idsOf(file: string): Set<string> {
  return new Set(parse(readFileSync(file, 'utf8')).querySelectorAll('[id]').map((element) => element.id));
}

for (const site of [rootSite, kitSite]) {
  describe(`site built with base ${site.base}`, () => {
    const references = referencesOf(site.dir, site.base, site.publicUrl);

    it('has pages and references to check', () => {
      expect(listPages(site.dir).length).toBeGreaterThanOrEqual(16);
      expect(references.length).toBeGreaterThan(100);
    });

    it('resolves every internal link, asset and #fragment', () => {
      const broken: string[] = [];
      for (const { page, url } of references) {
        if (/^(mailto:|tel:|data:)/.test(url)) continue;
        const pageUrl = new URL(`http://site.test${site.base}${page.replace(/index\.html$/, '')}`);
        const target = new URL(url, pageUrl);
        if (target.origin !== pageUrl.origin) continue; // foreign origins are the next test's business
        const file = targetFile(site.dir, site.base, target.pathname);
        if (!file || !existsSync(file)) {
          broken.push(`${page}: ${url} (no file for ${target.pathname})`);
          continue;
        }
        // A fragment of name=value pairs is state the page's script reads (a plan in the planner's link), not an element.
        const isState = /^#[\w-]+=/.test(target.hash);
        if (target.hash && !isState && file.endsWith('.html') && !idsOf(file).has(decodeURIComponent(target.hash.slice(1)))) {
          broken.push(`${page}: ${url} (no element with that id)`);
        }
      }
      expect(broken).toEqual([]);
    });

    it('references no other origin from any page', () => {
      const foreign = references.filter(({ url }) => /^(https?:)?\/\//i.test(url)).map(({ page, url }) => `${page}: ${url}`);
      expect(foreign).toEqual([]);
    });

    it('loads nothing from another origin in any stylesheet', () => {
      const foreign = listFiles(site.dir, '.css').flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/(?:url\(\s*["']?|@import\s+["'])((?:https?:)?\/\/[^"')\s]+)/gi)].map((m) => `${relative(site.dir, file)}: ${m[1]}`),
      );
      expect(foreign).toEqual([]);
    });
  });
}
