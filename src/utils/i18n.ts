import ja from '../../content/i18n/ja.json';
import en from '../../content/i18n/en.json';
import { createTranslator, type Translate } from '../lib/i18n/translations.ts';
import type { Locale } from '../lib/i18n/locales.ts';

export function useTranslations(locale: Locale): Translate {
  return createTranslator({ ja, en }, locale);
}
