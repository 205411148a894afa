import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'yaml';
import { readInstrumentFile } from '../../src/lib/survey/instrument-file.ts';
import { applyBatch } from '../../src/lib/dashboard/import-batch.ts';
import { createDataset } from '../../src/lib/dashboard/dataset.ts';
import { csvRecords, detectDelimiter, MAX_CSV_BYTES, MAX_CSV_COLUMNS, readCsvTable, UnclosedQuoteError, type CsvTable } from '../../src/lib/dashboard/csv-parse.ts';
import { mappingMatches, normaliseHeader, parseCsvMapping, suggestMapping, type CsvMapping } from '../../src/lib/dashboard/csv-mapping.ts';
import { applyMapping, importCsv, parseDay, type CsvImportOptions } from '../../src/lib/dashboard/csv-import.ts';
import { responsesToCsv, toCsv } from '../../src/lib/dashboard/csv-export.ts';
import { rowId } from '../../src/lib/dashboard/row-hash.ts';

// Version 1 of the survey (archived): its datasets and exports must keep working now that the survey is at version 2.
const instrument = readInstrumentFile(new URL('../../content/survey/versions/1.yaml', import.meta.url));
const NOW = new Date('2026-11-25T10:00:00.000Z');
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/dashboard/${name}`, import.meta.url)));
const empty = () => createDataset('Pilot', instrument, NOW);
const options = (changes: Partial<CsvImportOptions> = {}): CsvImportOptions => ({ instrument, now: NOW, defaults: { wave: 'after' }, ...changes });

async function table(name: string): Promise<CsvTable> {
  const read = await readCsvTable(fixture(name));
  if (!read.ok) throw new Error(read.error.detail);
  return read.table;
}

async function imported(name: string, changes: Partial<CsvImportOptions> = {}) {
  const csv = await table(name);
  const result = await importCsv(empty(), csv, suggestMapping(csv.headers, instrument, csv.rows), options(changes));
  if (!result.ok) throw new Error(result.error.detail);
  return result;
}

const records = (text: string, delimiter?: ',' | ';' | '\t') => [...csvRecords(text, delimiter)];

describe('CSV grammar (RFC 4180)', () => {
  it('reads plain, quoted and empty cells, with CRLF, LF or CR between records', () => {
    expect(records('a,b,c\r\n1,2,3\r\n')).toEqual([['a', 'b', 'c'], ['1', '2', '3']]);
    expect(records('a,b\n1,2')).toEqual([['a', 'b'], ['1', '2']]);
    expect(records('a,b\r1,2\r')).toEqual([['a', 'b'], ['1', '2']]);
    expect(records('a,,\n,b,')).toEqual([['a', '', ''], ['', 'b', '']]);
    expect(records('')).toEqual([]);
    expect(records('\n')).toEqual([['']]);
  });

  it('keeps delimiters, line breaks and doubled quotes inside quotes', () => {
    expect(records('"a,b","say ""hi""","line 1\r\nline 2",""\n')).toEqual([['a,b', 'say "hi"', 'line 1\r\nline 2', '']]);
    expect(records('"x"y,z')).toEqual([['xy', 'z']]);
  });

  it('reads semicolon- and tab-separated files, finding the delimiter from the header', () => {
    expect(detectDelimiter('a;b;c\n1,5;2;3')).toBe(';');
    expect(detectDelimiter('ID\tあなたの役割\n')).toBe('\t');
    expect(detectDelimiter('"a;b;c",d\n')).toBe(',');
    expect(detectDelimiter('single')).toBe(',');
    expect(records('a\tb\n1\t"2\t3"', '\t')).toEqual([['a', 'b'], ['1', '2\t3']]);
  });

  it('names the row where a quote is never closed', () => {
    expect(() => records('a,b\n1,"2\n3,4\n')).toThrow(UnclosedQuoteError);
    expect(() => records('a,b\n1,"2\n')).toThrow(/row 2/);
  });

  it('reads back whatever the export writes', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: fc.constantFrom('a', 'あ', ',', '"', '\r', '\n', ' ', '1') }), { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const safe = rows.map((row) => row.map((cell) => `x${cell}`));
        expect(records(toCsv(safe, { bom: false }))).toEqual(safe);
      }),
    );
  });
});

describe('reading a CSV file', () => {
  it('reads the Microsoft Forms export (UTF-8 with BOM), the Google Forms export (UTF-8) and the Shift_JIS one', async () => {
    const ms = await table('ms-forms-ja.csv');
    expect(ms).toMatchObject({ encoding: 'utf-8-bom', delimiter: ',' });
    expect(ms.headers.slice(0, 6)).toEqual(['ID', '開始時刻', '完了時刻', 'メール', '名前', '最終変更時刻']);
    expect(ms.headers).toHaveLength(6 + 36 + 6);
    expect(ms.rows.map((row) => row.rowNumber)).toEqual([2, 3, 4, 5]);
    expect(ms.rows[2]!.cells.at(-1)).toBe('良かった点：\n事例が多い, 具体的');
    const sjis = await table('ms-forms-ja-sjis.csv');
    expect(sjis.encoding).toBe('shift_jis');
    expect(sjis.headers).toEqual(ms.headers);
    expect((await table('google-forms-en.csv')).encoding).toBe('utf-8');
  });

  it('skips blank rows but keeps counting them, as a spreadsheet numbers rows', async () => {
    const read = await readCsvTable('\uFEFF\r\nID,ca1\r\n1,4\r\n,\r\n\r\n2,5\r\n');
    expect(read).toMatchObject({ ok: true, table: { headers: ['ID', 'ca1'], encoding: 'text', rows: [{ rowNumber: 3, cells: ['1', '4'] }, { rowNumber: 6, cells: ['2', '5'] }] } });
  });

  it('refuses files that are not CSV, with a reason', async () => {
    const kind = async (content: Blob | Uint8Array | string) => {
      const read = await readCsvTable(content);
      return read.ok ? 'ok' : read.error.kind;
    };
    expect(await kind('')).toBe('empty');
    expect(await kind('ID,ca1\r\n')).toBe('empty');
    expect(await kind('ID,ca1\r\n1,"4\r\n')).toBe('unclosed-quote');
    expect(await kind(Uint8Array.of(0x50, 0x4b, 0x03, 0x04))).toBe('excel-workbook');
    expect(await kind(Uint8Array.of(0x41, 0, 0x42))).toBe('binary');
    expect(await kind(Uint8Array.of(0x41, 0x82, 0x20))).toBe('unreadable-encoding');
  });

  it('refuses a file over the limit by its size, and 50 MB of garbage quickly, without freezing', async () => {
    const over = { size: MAX_CSV_BYTES + 1, arrayBuffer: () => Promise.reject(new Error('must not be read')) } as unknown as Blob;
    expect(await readCsvTable(over)).toMatchObject({ ok: false, error: { kind: 'too-large', detail: expect.stringContaining('60.0 MB') } });
    const garbage = new Uint8Array(50 * 1024 * 1024);
    for (let i = 0; i < garbage.length; i += 4096) garbage[i] = (i * 31) & 0xff;
    const started = performance.now();
    expect(await readCsvTable(garbage)).toMatchObject({ ok: false, error: { kind: 'binary' } });
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('refuses a file of more rows than a forms export can have', async () => {
    const read = await readCsvTable(`ca1\n${'4\n'.repeat(100_001)}`);
    expect(read).toMatchObject({ ok: false, error: { kind: 'too-large', detail: expect.stringContaining('100,000 rows') } });
  });
});

describe('suggesting a mapping', () => {
  it('maps the Microsoft Forms export: items by Japanese text, Forms columns as submission, names and e-mail as personal', async () => {
    const ms = await table('ms-forms-ja.csv');
    const mapping = suggestMapping(ms.headers, instrument, ms.rows);
    const uses = Object.fromEntries(mapping.columns.map((column) => [column.header, column.use === 'item' ? column.itemId : column.use]));
    expect(uses).toMatchObject({ ID: 'submission', 開始時刻: 'submission', 完了時刻: 'day', メール: 'personal', 名前: 'personal', 最終変更時刻: 'submission', あなたの役割: 'role', キャリアの段階: 'careerStage' });
    expect(uses[instrument.scales[0]!.items[0]!.text.ja]).toBe('ca1');
    expect(uses[instrument.evaluation.recommend.ja]).toBe('recommend');
    expect(mapping.columns.filter((column) => column.use === 'item').map((column) => (column as { itemId: string }).itemId)).toEqual(instrument.scales.flatMap((s) => s.items.map((i) => i.id)));
    expect(mapping).toMatchObject({ format: 'banso-csv-mapping', version: 1, instrument: { id: 'banso-career-autonomy', version: 1 }, dayOrder: 'mdy' });
  });

  it('maps the Google Forms export: grid rows "Title [statement]" by English text', async () => {
    const google = await table('google-forms-en.csv');
    const mapping = suggestMapping(google.headers, instrument, google.rows);
    const uses = mapping.columns.map((column) => (column.use === 'item' ? column.itemId : column.use));
    expect(uses.slice(0, 8)).toEqual(['day', 'personal', 'wave', 'role', 'careerStage', 'cohort', 'anonymousCode', 'ca1']);
    expect(uses.slice(-4)).toEqual(['satisfaction', 'applicability', 'recommend', 'comment']);
  });

  it('matches headers written with other spacing, width and punctuation, and ids', () => {
    expect(normaliseHeader(' Ｃａ１ ')).toBe('ca1');
    expect(normaliseHeader('「これなら任せてほしい」と言える得意分野がある。')).toBe(normaliseHeader('「これなら任せてほしい」と言える得意分野がある'));
    const mapping = suggestMapping(['CA1', '1. 自分のキャリアは 自分で考えて選んでいくものだと思う', 'Q3: Your role', 'Shoe size'], instrument);
    // The numbered copy of ca1's text finds ca1 taken by the first column; "Q3: Your role" contains "your role".
    expect(mapping.columns.map((column) => (column.use === 'item' ? column.itemId : column.use))).toEqual(['ca1', 'ignore', 'role', 'ignore']);
  });

  it('marks a column that mentions a name or an e-mail address as personal, even when the wording is new', () => {
    const mapping = suggestMapping(['Email address (optional)', 'お名前（任意）', 'Department', instrument.evaluation.comments.ja], instrument);
    // The comment question itself asks people not to write names: it is the comment column, not personal.
    expect(mapping.columns.map((column) => column.use)).toEqual(['personal', 'personal', 'ignore', 'comment']);
  });

  it('guesses day-first dates from the rows', () => {
    const mapping = suggestMapping(['Timestamp'], instrument, [{ cells: ['05/11/2026 10:00'] }, { cells: ['23/11/2026 10:00'] }]);
    expect(mapping.dayOrder).toBe('dmy');
  });

  it('is plain JSON that can be saved, read back and checked against a later export', async () => {
    const ms = await table('ms-forms-ja.csv');
    const mapping = suggestMapping(ms.headers, instrument, ms.rows);
    const saved = parseCsvMapping(JSON.parse(JSON.stringify(mapping)));
    expect(saved).toEqual(mapping);
    expect(parseCsvMapping({ ...mapping, version: 2 })).toBeUndefined();
    expect(parseCsvMapping({ ...mapping, columns: [{ header: 'x', use: 'password' }] })).toBeUndefined();
    expect(mappingMatches(ms.headers, saved!, instrument)).toEqual({ matches: true, missing: [], unexpected: [], sameInstrument: true });
    const sjis = await table('ms-forms-ja-sjis.csv');
    expect(mappingMatches(sjis.headers, saved!).matches).toBe(true);
    const missing = await table('missing-columns.csv');
    const fit = mappingMatches(missing.headers, saved!);
    expect(fit.matches).toBe(false);
    expect(fit.missing).toEqual([instrument.scales[0]!.items[1]!.text.ja, instrument.scales.at(-1)!.items[2]!.text.ja]);
    expect(mappingMatches([...ms.headers, '部署'], saved!).unexpected).toEqual(['部署']);
    expect(mappingMatches(ms.headers, saved!, { id: instrument.id, version: 2 })).toMatchObject({ matches: false, sameInstrument: false });
  });
});

describe('importing a CSV export', () => {
  it('reads the Microsoft Forms rows: labels to values, role and stage labels to indices, the day from 完了時刻', async () => {
    const { batch, columns } = await imported('ms-forms-ja.csv');
    expect(batch.rejected).toEqual([]);
    expect(batch.accepted).toHaveLength(4);
    const [first, second, third, fourth] = batch.accepted;
    expect(first).toEqual({
      instrumentVersion: 1,
      wave: 'after',
      role: 1,
      stage: 1,
      responseId: expect.stringMatching(/^[0-9a-f]{12}$/),
      day: '2026-11-23',
      cohort: '',
      anonymousCode: null,
      answers: Array(36).fill(4),
      evaluation: { satisfaction: 5, applicability: 4, recommend: 9 },
      comment: 'アサインの練習がすぐに使えそうです。',
      source: 'csv',
      importedAt: NOW.toISOString(),
      sessionId: null,
    });
    expect(second).toMatchObject({ role: 0, stage: 0, answers: [...Array(35).fill(3), null], comment: '=HYPERLINK("http://example.com/","詳細")' });
    expect(third).toMatchObject({ stage: 2, answers: Array.from({ length: 36 }, (_, i) => (i % 5) + 1), evaluation: { satisfaction: 4, applicability: 5, recommend: 10 } });
    expect(fourth).toMatchObject({ day: '2026-11-24', role: 1, stage: 3, evaluation: null, comment: null });
    expect(columns).toMatchObject({ submission: ['ID', '開始時刻', '最終変更時刻'], personal: ['メール', '名前'], ignored: [] });
  });

  it('never keeps a name or an e-mail address', async () => {
    const { batch } = await imported('ms-forms-ja.csv');
    const kept = JSON.stringify(batch);
    for (const personal of ['山田', '太郎', 'taro.yamada', 'example.co.jp']) expect(kept).not.toContain(personal);
    const extra = JSON.stringify(await imported('extra-columns.csv'));
    for (const personal of ['Hanako', 'Ken Ito', 'a.participant@example.com']) expect(extra).not.toContain(personal);
  });

  it('reads the Shift_JIS export to the same responses, with the same ids', async () => {
    const utf8 = await imported('ms-forms-ja.csv');
    const sjis = await imported('ms-forms-ja-sjis.csv');
    expect(sjis.batch.accepted).toEqual(utf8.batch.accepted);
  });

  it('reads the Google Forms rows: numbers, English labels and ids, and reports a bad row with every bad cell', async () => {
    const { batch, columns } = await imported('google-forms-en.csv');
    expect(batch.accepted.map((r) => [r.day, r.wave, r.role, r.stage, r.cohort, r.anonymousCode])).toEqual([
      ['2026-11-23', 'before', 0, 0, 'MGR-2026-11', 'sakura42'],
      ['2026-11-23', 'before', 1, 1, 'MGR-2026-11', null],
      ['2026-11-24', 'after', 0, 2, 'MGR-2026-11', 'sakura42'],
      ['2026-11-24', 'after', 0, 2, 'MGR-2026-11', 'sakura42'],
    ]);
    expect(batch.accepted[1]!.answers).toEqual(Array(36).fill(4));
    expect(batch.accepted[2]!.evaluation).toEqual({ satisfaction: 5, applicability: 4, recommend: 8 });
    // Rows 4 and 6 answer alike, at different times: two responses, not a duplicate.
    expect(batch.accepted[2]!.responseId).not.toBe(batch.accepted[3]!.responseId);
    expect(batch.rejected).toEqual([
      {
        label: 'row 5',
        reason: {
          kind: 'invalid-value',
          detail: '"How true is each statement of you? [I se…" (question ca1) is "Maybe", not an answer from 1 to 5 or one of its labels; "Your role" is "CEO", not a role of the survey (member, manager)',
        },
      },
    ]);
    expect(columns.personal).toEqual(['Email Address']);
  });

  it('finds every row as a duplicate when the same export is imported again', async () => {
    const csv = await table('google-forms-en.csv');
    const mapping = suggestMapping(csv.headers, instrument, csv.rows);
    const start = empty();
    const first = await importCsv(start, csv, mapping, options());
    if (!first.ok) throw new Error('first import failed');
    const dataset = applyBatch(start, first.batch);
    const again = await importCsv(dataset, csv, mapping, options({ now: new Date() }));
    expect(again.ok && again.batch.accepted).toEqual([]);
    expect(again.ok && again.batch.duplicates.map((d) => [d.label, d.where])).toEqual([['row 2', 'dataset'], ['row 3', 'dataset'], ['row 4', 'dataset'], ['row 6', 'dataset']]);
  });

  it('keeps identical rows that nothing tells apart as separate responses, and finds them again on re-import', async () => {
    const items = instrument.scales.flatMap((s) => s.items.map((item) => item.id));
    const read = await readCsvTable(toCsv([items, Array(36).fill('4'), Array(36).fill('4')]));
    if (!read.ok) throw new Error(read.error.detail);
    const mapping = suggestMapping(read.table.headers, instrument);
    const defaults = { wave: 'before', role: 'member', day: '2026-11-23' } as const;
    const start = empty();
    const first = await importCsv(start, read.table, mapping, options({ defaults }));
    if (!first.ok) throw new Error(first.error.detail);
    expect(first.batch.accepted).toHaveLength(2);
    expect(first.batch.accepted[0]!.responseId).not.toBe(first.batch.accepted[1]!.responseId);
    const again = await importCsv(applyBatch(start, first.batch), read.table, mapping, options({ defaults }));
    expect(again.ok && again.batch.duplicates.map((d) => d.where)).toEqual(['dataset', 'dataset']);
  });

  it('refuses the whole batch when question columns are missing, naming them', async () => {
    const csv = await table('missing-columns.csv');
    const suggested = await importCsv(empty(), csv, suggestMapping(csv.headers, instrument, csv.rows), options());
    expect(suggested).toEqual({
      ok: false,
      error: { kind: 'missing-columns', columns: [], items: ['ca2', 'ab3'], detail: 'no column answers the questions "ca2", "ab3": choose their columns, or use an export of the whole survey' },
    });
    const full = await table('ms-forms-ja.csv');
    const saved = await importCsv(empty(), csv, suggestMapping(full.headers, instrument, full.rows), options());
    expect(saved).toMatchObject({ ok: false, error: { kind: 'missing-columns', columns: [instrument.scales[0]!.items[1]!.text.ja, instrument.scales.at(-1)!.items[2]!.text.ja] } });
  });

  it('ignores extra columns and lists them', async () => {
    const { batch, columns } = await imported('extra-columns.csv');
    const plain = await imported('google-forms-en.csv');
    expect(columns.ignored).toEqual(['Department', 'Favourite colour']);
    expect(columns.personal).toEqual(['Email Address', 'Name']);
    expect(batch.accepted).toEqual(plain.batch.accepted);
  });

  it('asks for a value for every row when the file has no column for wave, role or day', async () => {
    const csv = await table('ms-forms-ja.csv');
    const mapping = suggestMapping(csv.headers, instrument, csv.rows);
    expect(await importCsv(empty(), csv, mapping, options({ defaults: {} }))).toMatchObject({ ok: false, error: { kind: 'missing-defaults', fields: ['wave'] } });
    const noRole: CsvMapping = { ...mapping, columns: mapping.columns.map((c) => (c.use === 'role' || c.use === 'day' ? { header: c.header, use: 'ignore' } : c)) };
    expect(await importCsv(empty(), csv, noRole, options({ defaults: {} }))).toMatchObject({ ok: false, error: { kind: 'missing-defaults', fields: ['wave', 'role', 'day'] } });
    const filled = await importCsv(empty(), csv, noRole, options({ defaults: { wave: 'before', role: 'member', day: '2026-12-01', cohort: 'HR-1' } }));
    expect(filled.ok && filled.batch.accepted.map((r) => [r.wave, r.role, r.day, r.cohort])).toEqual(Array(4).fill(['before', 0, '2026-12-01', 'HR-1']));
    await expect(applyMapping(csv, mapping, instrument, { role: 'ceo' })).rejects.toThrow(RangeError);
  });

  it('refuses a mapping made for another survey version', async () => {
    const csv = await table('ms-forms-ja.csv');
    const mapping = suggestMapping(csv.headers, instrument, csv.rows);
    expect(await importCsv(empty(), csv, { ...mapping, instrument: { id: instrument.id, version: 2 } }, options())).toMatchObject({ ok: false, error: { kind: 'other-instrument' } });
  });

  it('refuses a file where a header the mapping needs appears twice', async () => {
    const csv = await table('ms-forms-ja.csv');
    const mapping = suggestMapping(csv.headers, instrument, csv.rows);
    // The last column (the comment) renamed to the career stage's header, and the mapping left without a comment.
    const twice: CsvTable = { ...csv, headers: [...csv.headers.slice(0, -1), 'キャリアの段階'] };
    const withoutComment: CsvMapping = { ...mapping, columns: mapping.columns.filter((c) => c.use !== 'comment') };
    expect(await importCsv(empty(), twice, withoutComment, options())).toMatchObject({ ok: false, error: { kind: 'ambiguous-columns', columns: ['キャリアの段階'] } });
  });

  it('refuses a row whose wave, role or day is empty when no default is given', async () => {
    const csv = await table('google-forms-en.csv');
    const blank: CsvTable = { ...csv, rows: [{ rowNumber: 2, cells: csv.rows[0]!.cells.map((cell, i) => (i === 0 || i === 2 ? '' : cell)) }] };
    const result = await importCsv(empty(), blank, suggestMapping(csv.headers, instrument, csv.rows), options({ defaults: {} }));
    expect(result.ok && result.batch.rejected).toEqual([{ label: 'row 2', reason: { kind: 'invalid-value', detail: '"When are you answering?" is empty; "Timestamp" is empty' } }]);
  });

  it('refuses a mapping that puts two columns on one question', async () => {
    const csv = await table('ms-forms-ja.csv');
    const mapping = suggestMapping(csv.headers, instrument, csv.rows);
    const doubled: CsvMapping = { ...mapping, columns: mapping.columns.map((c) => (c.header === '最終変更時刻' ? { header: c.header, use: 'day' } : c)) };
    expect(await importCsv(empty(), csv, doubled, options())).toMatchObject({ ok: false, error: { kind: 'ambiguous-columns', columns: ['完了時刻', '最終変更時刻'] } });
  });

  it('refuses a row with more cells than the header, and a row with no answer', async () => {
    const csv = await table('ms-forms-ja.csv');
    const mapping = suggestMapping(csv.headers, instrument, csv.rows);
    const broken: CsvTable = { ...csv, rows: [{ rowNumber: 2, cells: [...csv.rows[0]!.cells, 'stray'] }, { rowNumber: 3, cells: csv.rows[0]!.cells.map((cell, i) => (i < 6 ? cell : '')) }] };
    const result = await importCsv(empty(), broken, mapping, options({ rowLabel: (n) => `${n}行目` }));
    expect(result.ok && result.batch.rejected.map(({ label, reason }) => [label, reason.kind])).toEqual([
      ['2行目', 'wrong-cell-count'],
      ['3行目', 'empty'],
    ]);
  });

  it('reads full-width digits, lower-case group codes and answers written as labels of either language', async () => {
    const items = instrument.scales.flatMap((s) => s.items);
    const header = ['Timestamp', 'Group code', ...items.map((item) => item.id)];
    const row = ['2026-11-23 10:00', 'mgr-１', '４', 'ややあてはまる', 'Somewhat true of me', ' Very true of me ', ...Array(32).fill('')];
    const read = await readCsvTable(toCsv([header, row]));
    if (!read.ok) throw new Error();
    const result = await importCsv(empty(), read.table, suggestMapping(read.table.headers, instrument), options({ defaults: { wave: 'before', role: 'member' } }));
    expect(result.ok && result.batch.accepted[0]).toMatchObject({ cohort: 'MGR-1', answers: [4, 4, 4, 5, ...Array(32).fill(null)] });
  });

  it('imports its own response export back to the same responses, which are then duplicates', async () => {
    const { batch } = await imported('ms-forms-ja.csv');
    const start = empty();
    const withResponses = applyBatch(start, { ...batch, datasetId: start.id });
    const exported = await readCsvTable(responsesToCsv(withResponses.responses, instrument, { comments: true }));
    if (!exported.ok) throw new Error(exported.error.detail);
    const mapping = suggestMapping(exported.table.headers, instrument, exported.table.rows);
    const back = await importCsv(createDataset('Copy', instrument, NOW), exported.table, mapping, options({ defaults: {} }));
    if (!back.ok) throw new Error(back.error.detail);
    const strip = ({ source: _s, importedAt: _i, sessionId: _id, ...response }: (typeof batch.accepted)[number]) => response;
    // The formula-like comment comes back with the quote that defused it in the spreadsheet.
    expect(back.batch.accepted.map(strip)).toEqual(batch.accepted.map(strip).map((r) => (r.comment?.startsWith('=') ? { ...r, comment: `'${r.comment}` } : r)));
    const again = await importCsv(withResponses, exported.table, mapping, options({ defaults: {} }));
    expect(again.ok && again.batch.duplicates).toHaveLength(4);
  });
});

describe('row ids', () => {
  it('are the low 48 bits of cyrb53, pinned: a changed function would make every re-import look new', () => {
    // The values cyrb53's author publishes: https://github.com/bryc/code/blob/master/jshash/experimental/cyrb53.js
    const low48 = (value: number) => (value % 2 ** 48).toString(16).padStart(12, '0');
    expect(rowId('a')).toBe(low48(7929297801672961));
    expect(rowId('revenge')).toBe(low48(4051478007546757));
    expect(rowId('revenue')).toBe(low48(8309097637345594));
    expect(rowId('')).toBe(low48(3338908027751811));
    expect(rowId('あいうえお')).toBe('17cdeec633d4');
  });
});

describe('parseDay', () => {
  it('reads the ways forms tools and spreadsheets write a date, and nothing else', () => {
    expect(parseDay('2026/11/23 9:30:12', 'mdy')).toBe('2026-11-23');
    expect(parseDay('2026-11-23', 'mdy')).toBe('2026-11-23');
    expect(parseDay('2026年11月23日 9時30分', 'mdy')).toBe('2026-11-23');
    expect(parseDay('２０２６／１１／２３', 'mdy')).toBe('2026-11-23');
    expect(parseDay('11/23/2026 9:30:12 AM', 'mdy')).toBe('2026-11-23');
    expect(parseDay('23/11/2026', 'dmy')).toBe('2026-11-23');
    expect(parseDay('23/11/2026', 'mdy')).toBeUndefined();
    expect(parseDay('2026-02-30', 'mdy')).toBeUndefined();
    expect(parseDay('2023-12-31', 'mdy')).toBeUndefined();
    expect(parseDay('46349', 'mdy')).toBeUndefined();
    expect(parseDay('yesterday', 'mdy')).toBeUndefined();
  });
});

describe('a header with very many columns (issue 15)', () => {
  it('refuses more than 500 columns, naming the limit, and reads 500', async () => {
    const header = (count: number) => Array.from({ length: count }, (_, i) => `q${i}`).join(',');
    expect(await readCsvTable(`${header(501)}\n1\n`)).toMatchObject({ ok: false, error: { kind: 'too-many-columns', detail: expect.stringContaining('more than 500') } });
    expect(await readCsvTable(`${header(MAX_CSV_COLUMNS)}\n1\n`)).toMatchObject({ ok: true });
  });

  it('names a header repeated in every column once, as ambiguous', async () => {
    const headers = Array.from({ length: MAX_CSV_COLUMNS }, () => 'comment');
    const table: CsvTable = { headers, rows: [{ rowNumber: 2, cells: headers.map(() => 'x') }], encoding: 'text', delimiter: ',' };
    const items = instrument.scales.flatMap((scale) => scale.items.map((item) => ({ header: item.id, use: 'item' as const, itemId: item.id })));
    const mapping: CsvMapping = { ...suggestMapping(headers, instrument), columns: [...headers.map((header) => ({ header, use: 'comment' as const })), ...items] };
    const result = await applyMapping({ ...table, headers: [...headers, ...items.map((item) => item.header)], rows: [{ rowNumber: 2, cells: [...table.rows[0]!.cells, ...items.map(() => '4')] }] }, mapping, instrument, { wave: 'after', role: 'member', day: '2026-11-23' });
    expect(result).toMatchObject({ ok: false, error: { kind: 'ambiguous-columns', columns: ['comment'] } });
  });
});
