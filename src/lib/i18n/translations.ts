/**
 * UI strings: one flat JSON file per locale in `content/i18n/`, dotted keys, `{{name}}` placeholders (and
 * `{{name|one|other}}` for a word that agrees with a number; see fill.ts).
 * Japanese is the reference: every key must exist there; a key missing in another locale falls back
 * to Japanese and is reported by `checkTranslations` at build time (Starlight's translation system).
 */
import { z } from 'astro/zod';
import { DEFAULT_LOCALE, type Locale } from './locales.ts';
import { fill, PLACEHOLDER } from './fill.ts';

export type Dictionary = Record<string, string>;

export const dictionarySchema = z.record(
  z.string().regex(/^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9-]*)+$/, { error: 'keys written as dotted words, for example "search.open"' }),
  z.string({ error: 'a text value' }),
);

/** The values a string uses, once each: a plural choice uses the same value as the number it agrees with. */
function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))].sort();
}

export interface TranslationReport {
  /** Keys the default locale has and this locale lacks: they fall back to the default locale. */
  missing: string[];
  /** Keys this locale has that the default locale does not know: almost always a typo. */
  unknown: string[];
  /** Keys whose {{placeholders}} differ from the default locale's. */
  placeholderMismatch: string[];
}

export function checkTranslations(reference: Dictionary, translated: Dictionary): TranslationReport {
  const missing = Object.keys(reference).filter((key) => !(key in translated));
  const unknown = Object.keys(translated).filter((key) => !(key in reference));
  const placeholderMismatch = Object.keys(translated).filter(
    (key) => key in reference && placeholdersOf(reference[key]!).join() !== placeholdersOf(translated[key]!).join(),
  );
  return { missing, unknown, placeholderMismatch };
}

export type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * A translator for one locale. An unknown key throws, so a typo in a component fails the build
 * instead of showing a raw key to a participant.
 */
export function createTranslator(dictionaries: Partial<Record<Locale, Dictionary>>, locale: Locale): Translate {
  const primary = dictionaries[locale] ?? {};
  const fallback = dictionaries[DEFAULT_LOCALE] ?? {};
  return (key, values = {}) => {
    const template = primary[key] ?? fallback[key];
    if (template === undefined) throw new Error(`Unknown UI string "${key}": add it to content/i18n/${DEFAULT_LOCALE}.json.`);
    return fill(template, values);
  };
}
