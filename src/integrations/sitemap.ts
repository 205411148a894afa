/**
 * Writes `<outDir>/sitemap.xml` from the built pages' canonical and hreflang links (src/lib/url/sitemap.ts), and a
 * `robots.txt` naming it unless the site already has one (public/robots.txt). Only with a public address configured:
 * a sitemap needs absolute URLs.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { robotsTxt, sitemapEntryOf, sitemapXml, type SitemapEntry } from '../lib/url/sitemap.ts';

export function writeSitemap(outDir: string, publicUrl: string): { pages: number; robots: boolean } {
  const entries: SitemapEntry[] = [];
  for (const file of readdirSync(outDir, { recursive: true, encoding: 'utf8' })) {
    // Pagefind's folder holds no pages of the site.
    if (!file.endsWith('.html') || file.startsWith('pagefind')) continue;
    const entry = sitemapEntryOf(readFileSync(join(outDir, file), 'utf8'));
    if (entry) entries.push(entry);
  }
  const sitemapUrl = new URL('sitemap.xml', publicUrl).href;
  writeFileSync(join(outDir, 'sitemap.xml'), sitemapXml(entries));
  const robotsFile = join(outDir, 'robots.txt');
  const robots = !existsSync(robotsFile);
  if (robots) writeFileSync(robotsFile, robotsTxt(sitemapUrl));
  return { pages: entries.length, robots };
}
