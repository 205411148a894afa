/** Lists the files of a built site, for checks that cover every page. */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

export function listFiles(dir: string, extension: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith(extension))
    .map((file) => join(dir, file));
}

/** The site path of an HTML file: "ja/index.html" -> "ja/", "404.html" -> "404.html". */
export function pagePathOf(dir: string, file: string): string {
  const path = relative(dir, file).split('\\').join('/');
  return path.endsWith('index.html') ? path.slice(0, -'index.html'.length) : path;
}

/** HTML pages of a site, excluding Pagefind's own files. */
export function listPages(dir: string): string[] {
  return listFiles(dir, '.html').filter((file) => !relative(dir, file).startsWith('pagefind'));
}
