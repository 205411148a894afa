/**
 * Links for search engines (issue 16, item 7). The /kit/ test site names its public address (publicUrl), so each
 * page carries a canonical link and absolute hreflang alternates with an x-default, and the build writes
 * sitemap.xml (robots.txt only at the root of a host: tests/unit/public-links.test.ts). The root test site names none, as on an intranet: no hreflang links at all
 * (relative ones are invalid), no canonical link, no sitemap.
 */
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { listPages, pagePathOf } from '../support/built-files.ts';
import { kitSite, rootSite } from '../support/sites.ts';

const headLinks = (file: string) =>
  parse(readFileSync(file, 'utf8'))
    .querySelectorAll('head link')
    .filter((link) => ['canonical', 'alternate'].includes(link.getAttribute('rel') ?? ''))
    .map((link) => ({ rel: link.getAttribute('rel')!, hreflang: link.getAttribute('hreflang') ?? null, href: link.getAttribute('href')! }));

const pageFile = (site: { dir: string }, path: string) => `${site.dir}/${path}index.html`;
const address = (path: string) => `${kitSite.publicUrl}${path}`;

describe('a site with a public address', () => {
  it('gives a module page its canonical address and absolute alternates in each language, x-default on Japanese', () => {
    expect(headLinks(pageFile(kitSite, 'en/modules/mid-career/'))).toEqual([
      { rel: 'canonical', hreflang: null, href: address('en/modules/mid-career/') },
      { rel: 'alternate', hreflang: 'ja', href: address('ja/modules/mid-career/') },
      { rel: 'alternate', hreflang: 'en', href: address('en/modules/mid-career/') },
      { rel: 'alternate', hreflang: 'x-default', href: address('ja/modules/mid-career/') },
    ]);
  });

  it('makes the root landing page, which links to every language, the x-default of the home pages', () => {
    expect(headLinks(pageFile(kitSite, ''))).toEqual([
      { rel: 'canonical', hreflang: null, href: address('') },
      { rel: 'alternate', hreflang: 'ja', href: address('ja/') },
      { rel: 'alternate', hreflang: 'en', href: address('en/') },
      { rel: 'alternate', hreflang: 'x-default', href: address('') },
    ]);
  });

  it('gives every page one canonical link to itself, and only absolute alternates under the address', () => {
    const problems = listPages(kitSite.dir).flatMap((file) => {
      const page = pagePathOf(kitSite.dir, file);
      const links = headLinks(file);
      const canonical = links.filter((link) => link.rel === 'canonical').map((link) => link.href);
      // The 404 page answers for any address and the projector window is not for search engines (noindex).
      if (page === '404.html' || page.endsWith('facilitator/run/screen/')) return canonical.length === 0 ? [] : [`${page}: has a canonical link`];
      const alternates = links.filter((link) => link.rel === 'alternate');
      return [
        ...(canonical.length === 1 && canonical[0] === address(page) ? [] : [`${page}: canonical ${canonical.join(', ') || 'missing'}`]),
        ...(alternates.some((link) => link.href === address(page)) ? [] : [`${page}: no alternate for itself`]),
        ...(alternates.filter((link) => link.hreflang === 'x-default').length === 1 ? [] : [`${page}: not exactly one x-default`]),
        ...alternates.filter((link) => !link.href.startsWith(kitSite.publicUrl)).map((link) => `${page}: ${link.hreflang} ${link.href}`),
      ];
    });
    expect(problems).toEqual([]);
  });

  it('lists every page with a canonical link in sitemap.xml, with the same language alternates', () => {
    const sitemap = parse(readFileSync(`${kitSite.dir}/sitemap.xml`, 'utf8'), { lowerCaseTagName: false });
    const listed = new Map(
      sitemap.querySelectorAll('url').map((entry) => [
        entry.querySelector('loc')!.text,
        entry.querySelectorAll('xhtml\\:link').map((link) => ({ rel: 'alternate', hreflang: link.getAttribute('hreflang')!, href: link.getAttribute('href')! })),
      ]),
    );
    const expected = new Map(
      listPages(kitSite.dir)
        .map((file) => headLinks(file))
        .filter((links) => links.some((link) => link.rel === 'canonical'))
        .map((links) => [links.find((link) => link.rel === 'canonical')!.href, links.filter((link) => link.rel === 'alternate')]),
    );
    expect(listed.size).toBeGreaterThan(100);
    expect(listed).toEqual(expected);
    expect(listed.get(address('ja/survey/'))).toEqual([
      { rel: 'alternate', hreflang: 'ja', href: address('ja/survey/') },
      { rel: 'alternate', hreflang: 'en', href: address('en/survey/') },
      { rel: 'alternate', hreflang: 'x-default', href: address('ja/survey/') },
    ]);
  });

  it('writes no robots.txt in a sub-folder, where crawlers would not read it, and keeps the sitemap out of the offline copy', () => {
    expect(existsSync(`${kitSite.dir}/robots.txt`)).toBe(false);
    const worker = readFileSync(`${kitSite.dir}/sw.js`, 'utf8');
    expect(worker).not.toMatch(/sitemap\.xml|robots\.txt/);
  });
});

describe('a site without a public address', () => {
  it('carries no hreflang or canonical links on any page, and no sitemap', () => {
    const links = listPages(rootSite.dir).flatMap((file) => headLinks(file).map((link) => `${relative(rootSite.dir, file)}: ${link.rel} ${link.href}`));
    expect(listPages(rootSite.dir).length).toBeGreaterThan(100);
    expect(links).toEqual([]);
    expect(existsSync(`${rootSite.dir}/sitemap.xml`)).toBe(false);
    expect(existsSync(`${rootSite.dir}/robots.txt`)).toBe(false);
  });

  it('still offers the language switch to people', () => {
    const html = readFileSync(pageFile(rootSite, 'ja/modules/mid-career/'), 'utf8');
    expect(html).toMatch(/<a href="\/en\/modules\/mid-career\/" hreflang="en" lang="en"/);
  });
});
