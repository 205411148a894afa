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

  it('treats a word that agrees with a number as using that number, and fills it', () => {
    const reference = { 'a.count': '{{count}} 件を追加しました', 'a.other': '{{count}} 件' };
    const translated = { 'a.count': 'Added {{count}} {{count|response|responses}}', 'a.other': '{{count}} {{total|item|items}}' };
    expect(checkTranslations(reference, translated).placeholderMismatch).toEqual(['a.other']);
    const t = createTranslator({ ja: reference, en: translated }, 'en');
    expect([t('a.count', { count: 1 }), t('a.count', { count: 2 })]).toEqual(['Added 1 response', 'Added 2 responses']);
    // An island receives the string with its placeholders intact and fills them itself.
    expect(t('a.count')).toBe(translated['a.count']);
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
