import type ja from '../../content/i18n/ja.json';
import uiStrings from 'virtual:banso/ui-strings';
import { createTranslator, type Translate } from '../lib/i18n/translations.ts';
import type { Locale } from '../lib/i18n/locales.ts';

/** The kit's strings with the organisation's replacements (src/integrations/organisation-layer.ts). */
export function useTranslations(locale: Locale): Translate {
  return createTranslator(uiStrings, locale);
}

/** Every UI string whose key starts with the prefix, resolved for one locale with its placeholders kept (for islands). */
export type KeysWithPrefix<P extends string> = Extract<keyof typeof ja, `${P}${string}`> extends `${P}${infer Rest}` ? Rest : never;

export function stringsWithPrefix<P extends string>(t: Translate, prefix: P): Record<KeysWithPrefix<P>, string> {
  return Object.fromEntries(
    Object.keys(uiStrings.ja)
      .filter((key) => key.startsWith(prefix))
      .map((key) => [key.slice(prefix.length), t(key)]),
  ) as Record<KeysWithPrefix<P>, string>;
}
