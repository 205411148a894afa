/**
 * Every internal URL goes through here so the site works under any base path (`/`, `/kit/`).
 * Pages call `withBase(import.meta.env.BASE_URL, path)` through `src/components/url.ts`.
 */
import type { Locale } from '../i18n/locales.ts';

/** Join a base path ("/" or "/kit/") and a site path ("/ja/guides/") into one URL path. */
export function joinBase(base: string, path: string): string {
  const trimmedBase = base.endsWith('/') ? base.slice(0, -1) : base;
  const rooted = path.startsWith('/') ? path : `/${path}`;
  return `${trimmedBase}${rooted}`;
}

/** The path of a page in a given locale, always with a trailing slash for directory-style output. */
export function localePath(locale: Locale, ...segments: string[]): string {
  const rest = segments
    .flatMap((segment) => segment.split('/'))
    .filter(Boolean)
    .join('/');
  return rest ? `/${locale}/${rest}/` : `/${locale}/`;
}

/** Strip the base from a URL pathname, giving the site path ("/kit/ja/x/" -> "/ja/x/"). */
export function stripBase(base: string, pathname: string): string {
  const trimmedBase = base.endsWith('/') ? base.slice(0, -1) : base;
  if (trimmedBase && pathname.startsWith(trimmedBase)) return pathname.slice(trimmedBase.length) || '/';
  return pathname;
}

/** The same page in another locale: swaps the leading locale segment of a site path. */
export function switchLocale(sitePath: string, to: Locale): string {
  const match = /^\/(ja|en)(\/.*)?$/.exec(sitePath);
  if (!match) return `/${to}/`;
  return `/${to}${match[2] ?? '/'}`;
}
