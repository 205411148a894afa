import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeText } from '../../src/lib/dashboard/text-decoding.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/dashboard/${name}`, import.meta.url)));
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decodeText', () => {
  it('runs on a Node with full ICU, whose TextDecoder knows Shift_JIS', () => {
    expect(new TextDecoder('shift_jis').encoding).toBe('shift_jis');
  });

  it('reads UTF-8 with and without a byte order mark, removing the mark', () => {
    expect(decodeText(utf8('あなたの役割,ID'))).toEqual({ ok: true, text: 'あなたの役割,ID', encoding: 'utf-8' });
    expect(decodeText(utf8('\uFEFFあなたの役割,ID'))).toEqual({ ok: true, text: 'あなたの役割,ID', encoding: 'utf-8-bom' });
    expect(decodeText(new Uint8Array(0))).toEqual({ ok: true, text: '', encoding: 'utf-8' });
  });

  it('reads Shift_JIS (Windows-31J, as Excel writes it), including vendor characters', () => {
    // あ ア ① ㈱ in Windows-31J.
    expect(decodeText(Uint8Array.of(0x82, 0xa0, 0x83, 0x41, 0x87, 0x40, 0x87, 0x8a))).toEqual({ ok: true, text: 'あア①㈱', encoding: 'shift_jis' });
    // 0x8160 is 〜 (U+301C) to the Encoding Standard and in browsers, ～ (U+FF5E) to Node's ICU, as in Microsoft's table.
    expect(decodeText(Uint8Array.of(0x81, 0x60))).toMatchObject({ ok: true, text: expect.stringMatching(/^[\u301C\uFF5E]$/) });
  });

  it('reads the Windows-31J extensions Excel writes: NEC special characters and both rows of IBM extensions', () => {
    // 髙 as Excel writes it (IBM extension, FBFC) and as the NEC-selected row (EEE0); Ⅲ in the NEC row (8756) and the
    // IBM row (FA4C); ㎝ (8770); ① (8740); 﨑 (ED95, FAB1). A plain Shift_JIS (JIS X 0208) decoder refuses them all.
    const bytes = Uint8Array.of(0xfb, 0xfc, 0xee, 0xe0, 0x2c, 0x87, 0x56, 0xfa, 0x4c, 0x2c, 0x87, 0x70, 0x2c, 0x87, 0x40, 0x2c, 0xed, 0x95, 0xfa, 0xb1);
    expect(decodeText(bytes)).toEqual({ ok: true, text: '髙髙,ⅢⅢ,㎝,①,﨑﨑', encoding: 'shift_jis' });
    // A name with 髙 in a whole CSV row, as a Japanese HR export would have it.
    const row = Uint8Array.of(...utf8('id,'), 0x8d, 0x82 /* 高 */, 0x2c, 0xfb, 0xfc /* 髙 */, 0x96, 0xec /* 野 */, 0x0d, 0x0a);
    expect(decodeText(row)).toEqual({ ok: true, text: 'id,高,髙野\r\n', encoding: 'shift_jis' });
  });

  it('reads the Shift_JIS export to the same text as its UTF-8 twin', () => {
    const sjis = decodeText(fixture('ms-forms-ja-sjis.csv'));
    const bom = decodeText(fixture('ms-forms-ja.csv'));
    expect(sjis).toMatchObject({ ok: true, encoding: 'shift_jis' });
    expect(bom).toMatchObject({ ok: true, encoding: 'utf-8-bom' });
    const fold = (text: string) => text.replace(/\uFF5E/g, '\u301C');
    if (sjis.ok && bom.ok) expect(fold(sjis.text)).toBe(bom.text);
  });

  it('reads UTF-16 with a byte order mark (Excel\'s "Unicode text")', () => {
    const text = 'ID\tあなたの役割\r\n';
    const le = new Uint8Array(2 + text.length * 2);
    le.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) new DataView(le.buffer).setUint16(2 + i * 2, text.charCodeAt(i), true);
    expect(decodeText(le)).toEqual({ ok: true, text, encoding: 'utf-16le' });
  });

  it('tells a spreadsheet workbook, a binary file and unreadable text apart', () => {
    expect(decodeText(Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 0, 0))).toMatchObject({ ok: false, error: { kind: 'excel-workbook', detail: expect.stringContaining('CSV UTF-8') } });
    expect(decodeText(Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1))).toMatchObject({ ok: false, error: { kind: 'excel-workbook' } });
    expect(decodeText(Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13))).toMatchObject({ ok: false, error: { kind: 'binary' } });
    expect(decodeText(utf8('a,b\u0001c'))).toMatchObject({ ok: false, error: { kind: 'binary' } });
    // 0x82 0x20: a Shift_JIS lead byte with no trail byte, and not UTF-8 either.
    expect(decodeText(Uint8Array.of(0x41, 0x82, 0x20))).toMatchObject({ ok: false, error: { kind: 'unreadable-encoding' } });
    expect(decodeText(Uint8Array.of(0xef, 0xbb, 0xbf, 0xff))).toMatchObject({ ok: false, error: { kind: 'unreadable-encoding' } });
  });

  it('round-trips any text through UTF-8, and never throws on any bytes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const decoded = decodeText(utf8(text));
        if (decoded.ok) expect(decoded.text).toBe(text.replace(/^\uFEFF/, ''));
        else expect(decoded.error.kind).toBe('binary');
      }),
    );
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => void decodeText(bytes)));
  });
});
