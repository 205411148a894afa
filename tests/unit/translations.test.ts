import { describe, expect, it } from 'vitest';
import ja from '../../content/i18n/ja.json';
import en from '../../content/i18n/en.json';
import { checkTranslations, createTranslator, dictionarySchema } from '../../src/lib/i18n/translations.ts';

describe('UI translations', () => {
  it('ships complete, valid dictionaries in both languages', () => {
    expect(dictionarySchema.safeParse(ja).success).toBe(true);
    expect(dictionarySchema.safeParse(en).success).toBe(true);
    expect(checkTranslations(ja, en)).toEqual({ missing: [], unknown: [], placeholderMismatch: [] });
  });

  it('reports missing keys, unknown keys and mismatched placeholders', () => {
    const reference = { 'a.one': '一', 'a.two': '{{n}} 件', 'a.three': '三' };
    const translated = { 'a.two': '{{count}} items', 'a.thre': 'three' };
    expect(checkTranslations(reference, translated)).toEqual({
      missing: ['a.one', 'a.three'],
      unknown: ['a.thre'],
      placeholderMismatch: ['a.two'],
    });
  });

  it('falls back to Japanese for a key the locale lacks, and interpolates values', () => {
    const t = createTranslator({ ja: { 'x.count': '{{count}} 件', 'x.only': '日本語のみ' }, en: { 'x.count': '{{count}} results' } }, 'en');
    expect(t('x.count', { count: 3 })).toBe('3 results');
    expect(t('x.only')).toBe('日本語のみ');
  });

  it('fails loudly on a key no dictionary has, instead of showing it to a person', () => {
    const t = createTranslator({ ja: {} }, 'ja');
    expect(() => t('nav.hoem')).toThrow('Unknown UI string "nav.hoem"');
  });

  it('rejects malformed keys', () => {
    expect(dictionarySchema.safeParse({ 'Not A Key': 'x' }).success).toBe(false);
    expect(dictionarySchema.safeParse({ nodots: 'x' }).success).toBe(false);
  });
});
