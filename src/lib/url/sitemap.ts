/**
 * The sitemap (https://www.sitemaps.org/protocol.html) with each page's language versions as
 * `xhtml:link` alternates (https://developers.google.com/search/docs/specialty/international/localized-versions#sitemap).
 * Built from the links the pages themselves carry, so the sitemap and the pages cannot disagree: every page with
 * a canonical link is listed, with the hreflang alternates of its head. Pages without one (the 404 page, the
 * projector window) stay out.
 */
import type { LanguageLink } from './public.ts';

export interface SitemapEntry {
  url: string;
  alternates: LanguageLink[];
}

const LINK_TAG = /<link\b[^>]*>/g;
const attribute = (tag: string, name: string) => tag.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1];

const decodeEntities = (text: string) =>
  text.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[name]!);
const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The canonical URL and hreflang alternates in a page's head; undefined when it has no canonical link. */
export function sitemapEntryOf(html: string): SitemapEntry | undefined {
  const headEnd = html.indexOf('</head>');
  const head = headEnd === -1 ? html : html.slice(0, headEnd);
  const tags = head.match(LINK_TAG) ?? [];
  const canonical = tags.find((tag) => attribute(tag, 'rel') === 'canonical');
  const url = canonical && attribute(canonical, 'href');
  if (!url) return undefined;
  const alternates = tags
    .filter((tag) => attribute(tag, 'rel') === 'alternate' && attribute(tag, 'hreflang') && attribute(tag, 'href'))
    .map((tag) => ({ hreflang: attribute(tag, 'hreflang') as LanguageLink['hreflang'], href: decodeEntities(attribute(tag, 'href')!) }));
  return { url: decodeEntities(url), alternates };
}

export function sitemapXml(entries: readonly SitemapEntry[]): string {
  const urls = [...entries]
    .sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0))
    .map(({ url, alternates }) =>
      [`  <url>`, `    <loc>${escapeXml(url)}</loc>`, ...alternates.map(({ hreflang, href }) => `    <xhtml:link rel="alternate" hreflang="${hreflang}" href="${escapeXml(href)}"/>`), `  </url>`].join('\n'),
    );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ...urls,
    '</urlset>',
    '',
  ].join('\n');
}

/** robots.txt allowing everything and naming the sitemap (https://www.rfc-editor.org/rfc/rfc9309). */
export function robotsTxt(sitemapUrl: string): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${sitemapUrl}\n`;
}
