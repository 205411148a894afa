/**
 * Writes `<outDir>/sitemap.xml` from the built pages' canonical and hreflang links (src/lib/url/sitemap.ts), and a
 * `robots.txt` naming it unless the site already has one (public/robots.txt). Only with a public address configured:
 * a sitemap needs absolute URLs.
 *
 * Crawlers read robots.txt only at the root of a host (RFC 9309), so a site in a sub-folder gets none: one there
 * would do nothing, and the build says which line to add to the host's own robots.txt instead.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { robotsTxt, sitemapEntryOf, sitemapXml, type SitemapEntry } from '../lib/url/sitemap.ts';

export interface SitemapWritten {
  pages: number;
  sitemapUrl: string;
  /** `written`; `kept`, the site's own public/robots.txt; or `sub-folder`, where a robots.txt would be ignored. */
  robots: 'written' | 'kept' | 'sub-folder';
}

export function writeSitemap(outDir: string, publicUrl: string): SitemapWritten {
  const entries: SitemapEntry[] = [];
  for (const file of readdirSync(outDir, { recursive: true, encoding: 'utf8' })) {
    // Pagefind's folder holds no pages of the site.
    if (!file.endsWith('.html') || file.startsWith('pagefind')) continue;
    const entry = sitemapEntryOf(readFileSync(join(outDir, file), 'utf8'));
    if (entry) entries.push(entry);
  }
  const sitemapUrl = new URL('sitemap.xml', publicUrl).href;
  writeFileSync(join(outDir, 'sitemap.xml'), sitemapXml(entries));
  const written = { pages: entries.length, sitemapUrl };
  if (new URL(publicUrl).pathname !== '/') return { ...written, robots: 'sub-folder' };
  const robotsFile = join(outDir, 'robots.txt');
  if (existsSync(robotsFile)) return { ...written, robots: 'kept' };
  writeFileSync(robotsFile, robotsTxt(sitemapUrl));
  return { ...written, robots: 'written' };
}

/** The build's one line about the sitemap, with what to do when the site is in a sub-folder. */
export function sitemapLogLine({ pages, sitemapUrl, robots }: SitemapWritten): string {
  const listed = `sitemap.xml lists ${pages} pages`;
  if (robots === 'written') return `${listed}; robots.txt points to it.`;
  if (robots === 'kept') return `${listed}; public/robots.txt is kept as it is: add "Sitemap: ${sitemapUrl}" to it if it lacks the line.`;
  return `${listed}. The site is in a sub-folder, where crawlers read no robots.txt: add "Sitemap: ${sitemapUrl}" to the robots.txt at the root of the host.`;
}
