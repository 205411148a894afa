/** The validated site configuration, and the route parameters it implies. */
import config from 'virtual:banso/config';
import { pickLocalised, type Locale } from '../lib/i18n/locales.ts';

export const siteConfig = config;
export const enabledLocales: readonly Locale[] = config.locales;
export const defaultLocale: Locale = config.locales[0]!;

/** `getStaticPaths` for routes under `[lang]`: one page per enabled locale. */
export function localeStaticPaths() {
  return enabledLocales.map((lang) => ({ params: { lang } }));
}

export function organisationName(locale: Locale): string {
  return pickLocalised(config.organisation.name, locale);
}
