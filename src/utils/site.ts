/** The validated site configuration, and the route parameters it implies. */
import config from 'virtual:banso/config';
import { pickLocalised, type Locale } from '../lib/i18n/locales.ts';
import { localePath } from '../lib/url/base.ts';

export const siteConfig = config;
export const enabledLocales: readonly Locale[] = config.locales;
export const defaultLocale: Locale = config.locales[0]!;

/** The same route in every enabled language, for the language switcher: `localeAlternates('modules')`. */
export function localeAlternates(...segments: string[]): Partial<Record<Locale, string>> {
  return Object.fromEntries(enabledLocales.map((locale) => [locale, localePath(locale, ...segments)]));
}

/** `getStaticPaths` for routes under `[lang]`: one page per enabled locale. */
export function localeStaticPaths() {
  return enabledLocales.map((lang) => ({ params: { lang } }));
}

export function organisationName(locale: Locale): string {
  return pickLocalised(config.organisation.name, locale);
}
