import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'yaml';
import { readInstrumentFile } from '../../src/lib/survey/instrument-file.ts';
import { csvCell, responseColumns, responsesToCsv, tableToCsv, toCsv } from '../../src/lib/dashboard/csv-export.ts';
import { csvRecords } from '../../src/lib/dashboard/csv-parse.ts';
import type { StoredResponse } from '../../src/lib/dashboard/dataset.ts';

const instrument = readInstrumentFile(new URL('../../content/survey/instrument.yaml', import.meta.url));

describe('formula injection (OWASP CSV injection)', () => {
  it('puts a single quote before text a spreadsheet would run as a formula', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('=HYPERLINK("http://example.com/","詳細")')).toBe(`"'=HYPERLINK(""http://example.com/"",""詳細"")"`);
    expect(csvCell('+81 3 1234')).toBe("'+81 3 1234");
    expect(csvCell('-1+2')).toBe("'-1+2");
    expect(csvCell("-2+3+cmd|' /C calc'!A0")).toBe("'-2+3+cmd|' /C calc'!A0");
    expect(csvCell('@SUM(A1:A9)')).toBe("'@SUM(A1:A9)");
    expect(csvCell('\t=1+1')).toBe("'\t=1+1");
    expect(csvCell('\r=1+1')).toBe(`"'\r=1+1"`);
    expect(csvCell('-')).toBe("'-");
  });

  it('treats the full-width ＝ ＋ － ＠ alike: Japanese Excel turns them into formulas', () => {
    expect(csvCell('＝1+1')).toBe("'＝1+1");
    expect(csvCell('＋1')).toBe("'＋1");
    expect(csvCell('－1')).toBe("'－1");
    expect(csvCell('＠A1')).toBe("'＠A1");
  });

  it('keeps numbers numbers: negative figures, given as numbers or as plain decimal text', () => {
    expect(csvCell(-0.25)).toBe('-0.25');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(1e-7)).toBe('1e-7');
    expect(csvCell('-0.25')).toBe('-0.25');
    expect(csvCell('-12')).toBe('-12');
    expect(csvCell('+1.5E3')).toBe('+1.5E3');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(Number.POSITIVE_INFINITY)).toBe('');
  });

  it('leaves ordinary text alone', () => {
    expect(csvCell('ややあてはまる')).toBe('ややあてはまる');
    expect(csvCell('a-b=c')).toBe('a-b=c');
    expect(csvCell('MGR-2026-11')).toBe('MGR-2026-11');
    expect(csvCell('')).toBe('');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(true)).toBe('TRUE');
  });

  it('never writes a cell a spreadsheet would run, whatever the text', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '"', ',', '1', 'a', '＝', '.', 'e') }), { minLength: 1, maxLength: 6 }), (cells) => {
        const [record] = [...csvRecords(toCsv([cells], { bom: false }))];
        record!.forEach((cell, index) => {
          const original = cells[index]!;
          if (/^[=+\-@\t\r＝＋－＠]/.test(cell)) expect(cell).toMatch(/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i);
          expect(cell === original || cell === `'${original}`).toBe(true);
        });
      }),
      { numRuns: 500 },
    );
  });
});

describe('CSV files', () => {
  it('starts with a byte order mark and ends every row with CRLF, quoting only where RFC 4180 needs it', () => {
    expect(toCsv([['a', 'b,c'], ['say "hi"', 'line 1\nline 2']])).toBe('\uFEFFa,"b,c"\r\n"say ""hi""","line 1\nline 2"\r\n');
    expect(toCsv([[' padded ', 'x']], { bom: false })).toBe('" padded ",x\r\n');
  });

  it('writes a summary table', () => {
    expect(tableToCsv(['scale', 'n', 'mean', 'change'], [['キャリア意識', 120, 3.25, -0.4], ['=evil()', 3, null, Number.NaN]])).toBe(
      '\uFEFFscale,n,mean,change\r\nキャリア意識,120,3.25,-0.4\r\n\'=evil(),3,,\r\n',
    );
  });

  it('writes responses with ids, one column per item, and defused comments when asked for them', () => {
    const response: StoredResponse = {
      instrumentVersion: 1,
      wave: 'after',
      role: 1,
      stage: 2,
      responseId: '0a1b2c3d4e5f',
      day: '2026-11-23',
      cohort: 'MGR-2026-11',
      anonymousCode: 'sakura42',
      answers: Array.from({ length: 36 }, (_, i) => (i === 0 ? null : (i % 5) + 1)),
      evaluation: { satisfaction: 5, applicability: null, recommend: 0 },
      comment: '=HYPERLINK("http://example.com/")',
      source: 'sealed-code',
      importedAt: '2026-11-25T10:00:00.000Z',
      sessionId: 'abcdefabcdef',
    };
    const csv = responsesToCsv([response, { ...response, stage: null, evaluation: null, comment: null, source: 'code', sessionId: null }], instrument, { comments: true });
    const [header, first, second] = [...csvRecords(csv.slice(1))];
    expect(header).toEqual(responseColumns(instrument, { comments: true }));
    expect(header!.slice(0, 8)).toEqual(['responseId', 'day', 'wave', 'cohort', 'anonymousCode', 'role', 'careerStage', 'ca1']);
    expect(first!.slice(0, 9)).toEqual(['0a1b2c3d4e5f', '2026-11-23', 'after', 'MGR-2026-11', 'sakura42', 'manager', 'mid-career', '', '2']);
    expect(first!.slice(-7)).toEqual(['5', '', '0', `'=HYPERLINK("http://example.com/")`, 'sealed-code', 'abcdefabcdef', '2026-11-25T10:00:00.000Z']);
    expect(second!.slice(5, 7)).toEqual(['manager', '']);
    expect(second!.slice(-7)).toEqual(['', '', '', '', 'code', '', '2026-11-25T10:00:00.000Z']);

    // Without being asked, the comments are left out: no column, and no trace of the text.
    const plain = responsesToCsv([response], instrument);
    const [plainHeader, plainFirst] = [...csvRecords(plain.slice(1))];
    expect(plainHeader).not.toContain('comment');
    expect(plainHeader).toEqual(header!.filter((column) => column !== 'comment'));
    expect(plainFirst!.slice(-6)).toEqual(['5', '', '0', 'sealed-code', 'abcdefabcdef', '2026-11-25T10:00:00.000Z']);
    expect(plain).not.toContain('HYPERLINK');
  });
});
