import { describe, expect, it } from 'vitest';
import { fill, filler } from '../../src/lib/i18n/fill.ts';

describe('filling placeholders', () => {
  const templates = ['{{file}}、{{line}}行目', 'line {{ line }} of {{file}}', '{{line}}', 'no placeholder', '{{missing}} stays, {{line}} goes', ''];
  const values = { file: 'codes.txt', line: 12 };

  it('gives what fill gives, template by template', () => {
    for (const template of templates) expect(filler(template)(values)).toBe(fill(template, values));
  });

  it('fills a parsed template again with other values', () => {
    const label = filler('{{file}}, line {{line}}');
    expect([label({ file: 'a.txt', line: 1 }), label({ file: 'b.txt', line: 20000 })]).toEqual(['a.txt, line 1', 'b.txt, line 20000']);
  });
});

describe('a word that agrees with a number', () => {
  const template = 'Added {{count}} {{count|response|responses}}.';

  it('takes the first form for exactly 1 and the second for anything else', () => {
    expect([0, 1, 2, 20_000].map((count) => fill(template, { count }))).toEqual(['Added 0 responses.', 'Added 1 response.', 'Added 2 responses.', 'Added 20000 responses.']);
    expect(fill(template, { count: '1' })).toBe('Added 1 response.');
  });

  it('is filled the same by filler, and left intact when its value is missing', () => {
    for (const count of [1, 3]) expect(filler(template)({ count })).toBe(fill(template, { count }));
    expect(fill(template, {})).toBe(template);
    expect(filler(template)({})).toBe(template);
    // A page keeps a placeholder for the browser by giving it itself as its value.
    expect(fill(template, { count: '{{count}}' })).toBe(template);
  });

  it('allows several words and an empty form', () => {
    expect(fill('{{n}} {{n|cell is|cells are}} hidden{{n||, all of them}}', { n: 1 })).toBe('1 cell is hidden');
    expect(fill('{{n}} {{n|cell is|cells are}} hidden{{n||, all of them}}', { n: 4 })).toBe('4 cells are hidden, all of them');
  });
});
