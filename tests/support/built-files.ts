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

/**
 * The kind of page a site path is (an exercise, a module's facilitator guide, a guide...), found by the shape of
 * its path so a new kind of page is included; with `perLanguage`, ja and en pages are different kinds.
 */
export function pageKindOf(path: string, { perLanguage = false } = {}): string {
  const withoutLanguage = path.replace(/^(ja|en)\//, '');
  const kind = withoutLanguage.replace(/^(exercises|modules|guides|programme\/documents)\/[^/]+/, '$1/*');
  return perLanguage ? `${path.slice(0, path.length - withoutLanguage.length)}${kind}` : kind;
}

/** The first page of each kind, for checks where pages of one kind differ only in their text. */
export function oneOfEachKind(paths: string[], options: { perLanguage?: boolean } = {}): string[] {
  return [...new Map(paths.map((path) => [pageKindOf(path, options), path])).values()];
}
