import type { AstroGlobal } from 'astro';
import { isLocale, DEFAULT_LOCALE, type Locale } from '../../lib/i18n/locales.ts';

/** The language of the page a component renders in, from its `[lang]` route. */
export function localeOf(astro: Pick<AstroGlobal, 'params'>): Locale {
  return isLocale(astro.params.lang) ? astro.params.lang : DEFAULT_LOCALE;
}
