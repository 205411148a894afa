/**
 * Absolute links for search engines, from the configured public address (`publicUrl` in content/site.yaml):
 * a page's canonical link and its language alternates. Search engines ignore relative hreflang links
 * (https://developers.google.com/search/docs/specialty/international/localized-versions#all-method-guidelines:
 * "fully-qualified"), so without a public address a page carries none of them.
 */
import type { Locale } from '../i18n/locales.ts';

export interface LanguageLink {
  /** A language code, or "x-default" for the version shown to anyone whose language is not listed. */
  hreflang: Locale | 'x-default';
  href: string;
}

/** `publicUrl` ends in the base path, so a URL path that already carries the base resolves against its origin. */
export function absoluteUrl(publicUrl: string, pathWithBase: string): string {
  return new URL(pathWithBase, publicUrl).href;
}

/**
 * Every language version of a page, then "x-default": `xDefault` when given (the site's root landing page, which
 * links to every language), otherwise the version in the first of `localeOrder` (the default language) that the
 * page exists in. `alternates` holds URL paths with the base path.
 */
export function languageLinks(publicUrl: string, alternates: Partial<Record<Locale, string>>, localeOrder: readonly Locale[], xDefault?: string): LanguageLink[] {
  const versions = localeOrder.filter((locale) => alternates[locale] !== undefined);
  if (versions.length === 0) return [];
  const links: LanguageLink[] = versions.map((locale) => ({ hreflang: locale, href: absoluteUrl(publicUrl, alternates[locale]!) }));
  links.push({ hreflang: 'x-default', href: absoluteUrl(publicUrl, xDefault ?? alternates[versions[0]!]!) });
  return links;
}
