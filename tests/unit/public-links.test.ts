import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sitemapLogLine, writeSitemap } from '../../src/integrations/sitemap.ts';
import { absoluteUrl, languageLinks } from '../../src/lib/url/public.ts';
import { robotsTxt, sitemapEntryOf, sitemapXml } from '../../src/lib/url/sitemap.ts';

const publicUrl = 'https://careers.example.co.jp/kit/';

describe('absolute links from the public address', () => {
  it('resolves a path that carries the base path against the address', () => {
    expect(absoluteUrl(publicUrl, '/kit/ja/modules/')).toBe('https://careers.example.co.jp/kit/ja/modules/');
    expect(absoluteUrl('http://intranet.example/', '/en/')).toBe('http://intranet.example/en/');
  });

  it('lists every language version in the configured order, then x-default on the default language', () => {
    expect(languageLinks(publicUrl, { en: '/kit/en/survey/', ja: '/kit/ja/survey/' }, ['ja', 'en'])).toEqual([
      { hreflang: 'ja', href: 'https://careers.example.co.jp/kit/ja/survey/' },
      { hreflang: 'en', href: 'https://careers.example.co.jp/kit/en/survey/' },
      { hreflang: 'x-default', href: 'https://careers.example.co.jp/kit/ja/survey/' },
    ]);
  });

  it('falls back to the first language a page exists in, and takes an explicit x-default', () => {
    expect(languageLinks(publicUrl, { en: '/kit/en/guides/x/' }, ['ja', 'en']).at(-1)).toEqual({ hreflang: 'x-default', href: 'https://careers.example.co.jp/kit/en/guides/x/' });
    expect(languageLinks(publicUrl, { ja: '/kit/ja/', en: '/kit/en/' }, ['ja', 'en'], '/kit/').at(-1)).toEqual({ hreflang: 'x-default', href: 'https://careers.example.co.jp/kit/' });
    expect(languageLinks(publicUrl, {}, ['ja', 'en'])).toEqual([]);
  });
});

describe('sitemap', () => {
  const page = (head: string) => `<!doctype html><html><head><meta charset="utf-8">${head}</head><body><link rel="canonical" href="https://elsewhere.example/"></body></html>`;

  it('reads a page’s canonical link and hreflang alternates from its head', () => {
    const html = page(
      '<link rel="icon" href="/kit/favicon.svg"><link rel="canonical" href="https://careers.example.co.jp/kit/ja/?a=1&amp;b=2">' +
        '<link rel="alternate" hreflang="ja" href="https://careers.example.co.jp/kit/ja/"><link rel="alternate" hreflang="x-default" href="https://careers.example.co.jp/kit/">' +
        '<link rel="alternate" type="application/rss+xml" href="/feed.xml">',
    );
    expect(sitemapEntryOf(html)).toEqual({
      url: 'https://careers.example.co.jp/kit/ja/?a=1&b=2',
      alternates: [
        { hreflang: 'ja', href: 'https://careers.example.co.jp/kit/ja/' },
        { hreflang: 'x-default', href: 'https://careers.example.co.jp/kit/' },
      ],
    });
  });

  it('leaves out a page without a canonical link in its head', () => {
    expect(sitemapEntryOf(page('<title>404</title>'))).toBeUndefined();
  });

  it('writes the entries sorted by address, escaped, with their alternates', () => {
    const xml = sitemapXml([
      { url: 'https://x.example/en/', alternates: [{ hreflang: 'en', href: 'https://x.example/en/' }] },
      { url: 'https://x.example/a?b=1&c=2', alternates: [] },
    ]);
    expect(xml).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
        '  <url>',
        '    <loc>https://x.example/a?b=1&amp;c=2</loc>',
        '  </url>',
        '  <url>',
        '    <loc>https://x.example/en/</loc>',
        '    <xhtml:link rel="alternate" hreflang="en" href="https://x.example/en/"/>',
        '  </url>',
        '</urlset>',
        '',
      ].join('\n'),
    );
  });

  it('names the sitemap in robots.txt', () => {
    expect(robotsTxt('https://x.example/kit/sitemap.xml')).toBe('User-agent: *\nAllow: /\n\nSitemap: https://x.example/kit/sitemap.xml\n');
  });
});

describe('writing the sitemap and robots.txt into a build', () => {
  const page = '<!doctype html><html><head><link rel="canonical" href="https://x.example/ja/"></head><body></body></html>';
  function build(ownRobots?: string): string {
    const dir = mkdtempSync(join(tmpdir(), 'banso-sitemap-'));
    writeFileSync(join(dir, 'index.html'), page);
    if (ownRobots) writeFileSync(join(dir, 'robots.txt'), ownRobots);
    return dir;
  }

  it('writes robots.txt naming the sitemap at the root of a host', () => {
    const dir = build();
    const written = writeSitemap(dir, 'https://x.example/');
    expect(written).toEqual({ pages: 1, sitemapUrl: 'https://x.example/sitemap.xml', robots: 'written' });
    expect(readFileSync(join(dir, 'robots.txt'), 'utf8')).toBe(robotsTxt('https://x.example/sitemap.xml'));
    expect(sitemapLogLine(written)).toBe('sitemap.xml lists 1 pages; robots.txt points to it.');
    rmSync(dir, { recursive: true });
  });

  it("keeps the site's own robots.txt", () => {
    const dir = build('User-agent: *\nDisallow: /drafts/\n');
    expect(writeSitemap(dir, 'https://x.example/').robots).toBe('kept');
    expect(readFileSync(join(dir, 'robots.txt'), 'utf8')).toBe('User-agent: *\nDisallow: /drafts/\n');
    rmSync(dir, { recursive: true });
  });

  it('writes none in a sub-folder, where crawlers would not read it, and says which line to add at the root', () => {
    const dir = build();
    const written = writeSitemap(dir, 'https://x.example/kit/');
    expect(written.robots).toBe('sub-folder');
    expect(existsSync(join(dir, 'robots.txt'))).toBe(false);
    expect(existsSync(join(dir, 'sitemap.xml'))).toBe(true);
    expect(sitemapLogLine(written)).toContain('add "Sitemap: https://x.example/kit/sitemap.xml" to the robots.txt at the root of the host');
    rmSync(dir, { recursive: true });
  });
});
