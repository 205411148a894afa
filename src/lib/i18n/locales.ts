/** The languages the kit is written in. Japanese is the default; English the second. */
export const LOCALES = ['ja', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'ja';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Text given per language; the other language stands in when one is missing. */
export type LocalisedText = Partial<Record<Locale, string>>;

export function pickLocalised(text: LocalisedText, locale: Locale): string {
  return text[locale] ?? text[DEFAULT_LOCALE] ?? Object.values(text).find(Boolean) ?? '';
}

/** The name of each language in itself, for the language switcher. */
export const LANGUAGE_NAMES: Record<Locale, string> = { ja: '日本語', en: 'English' };
