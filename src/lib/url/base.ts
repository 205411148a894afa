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
