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
