/**
 * No file the kit writes for a spreadsheet runs a formula (OWASP CSV injection: a cell starting with =, +, -, @, a
 * tab or a carriage return, and in Japanese Excel the full-width ＝ ＋ － ＠). Every CSV writer is checked with every
 * formula payload in every place a person's (or an organisation's) text reaches it: the responses export (comments,
 * group codes, also after a CSV import with hostile headers and cells), the summary by measure, the run-mode log,
 * the ready CSV template. Figures stay figures: negative numbers are written as numbers.
 * The same text in a real download from the dashboard: tests/e2e/user-text-is-text.test.ts.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { csvCell, responsesToCsv, summaryToCsv, tableToCsv, toCsv, type SummaryRow } from '../../src/lib/dashboard/csv-export.ts';
import { csvRecords, readCsvTable } from '../../src/lib/dashboard/csv-parse.ts';
import { csvTemplate, suggestMapping } from '../../src/lib/dashboard/csv-mapping.ts';
import { importCsv } from '../../src/lib/dashboard/csv-import.ts';
import { createDataset, type StoredResponse } from '../../src/lib/dashboard/dataset.ts';
import { runLogCsv, runLogRows } from '../../src/lib/session/run-log.ts';
import { initialRun, type RunItem } from '../../src/lib/session/run-state.ts';
import { formulaPayloads } from '../support/hostile-text.ts';
import { siteInstrument as instrument } from '../support/instrument.ts';

/** A cell as a spreadsheet reads it would start a formula: a formula character, and not just a signed number. */
const runsAsFormula = (cell: string) => /^[=+\-@\t\r＝＋－＠]/.test(cell) && !/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(cell);
const cellsOf = (csv: string) => [...csvRecords(csv.replace(/^\uFEFF/, ''))];

let checks = 0;
/** `cell` is `written` defused: the same text after one single quote, which a spreadsheet shows as text. */
function expectDefused(cell: string | undefined, written: string, where: string) {
  expect(cell, `${JSON.stringify(written)} in ${where}`).toBe(`'${written}`);
  expect(runsAsFormula(cell!)).toBe(false);
  checks++;
}
afterAll(() => console.log(`formula injection: ${checks} checks`));

const columns = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8'] as const;

describe('every CSV cell', () => {
  it('is defused when it is text starting a formula', () => {
    for (const formula of formulaPayloads) {
      expectDefused(cellsOf(toCsv([[formula]]))[0]![0], formula, 'a cell');
      expectDefused(cellsOf(tableToCsv([formula], [[formula]]))[0]![0], formula, 'a table header');
      expectDefused(cellsOf(tableToCsv(['h'], [[formula]]))[1]![0], formula, 'a table cell');
    }
  });

  it('keeps numbers numbers, negative ones included, and text that only looks like a formula later on as it is', () => {
    for (const [value, written] of [[-0.25, '-0.25'], [-3, '-3'], [1e-7, '1e-7'], ['-0.25', '-0.25'], ['-12', '-12'], ['+1.5E3', '+1.5E3'], ['a-b=c', 'a-b=c'], ['MGR-2026-11', 'MGR-2026-11'], [' =1+1', '" =1+1"']] as const) {
      expect(csvCell(value)).toBe(written);
      checks++;
    }
  });
});

describe('the responses export', () => {
  const response = (index: number, comment: string, cohort: string): StoredResponse => ({
    instrumentVersion: instrument.version,
    wave: 'after',
    role: 0,
    stage: null,
    responseId: index.toString(16).padStart(12, '0'),
    day: '2026-11-23',
    cohort,
    anonymousCode: null,
    answers: instrument.scales.flatMap((scale) => scale.items).map(() => 3),
    evaluation: { satisfaction: 4, applicability: 5, recommend: 0 },
    comment,
    source: 'file',
    importedAt: '2026-11-25T10:00:00.000Z',
    sessionId: null,
  });

  it('defuses every comment and group code a person wrote', () => {
    const responses = formulaPayloads.map((formula, index) => response(index, formula, index % 2 ? '-X' : '-1-2'));
    const [header, ...rows] = cellsOf(responsesToCsv(responses, instrument, { comments: true }));
    const at = (name: string) => header!.indexOf(name);
    rows.forEach((row, index) => {
      expectDefused(row[at('comment')], formulaPayloads[index]!, 'the responses export’s comment');
      expectDefused(row[at('cohort')], index % 2 ? '-X' : '-1-2', 'the responses export’s group code');
      expect(row[at('recommend')]).toBe('0');
    });
    expect(rows.flat().filter(runsAsFormula)).toEqual([]);
  });

  it('defuses what a hostile CSV brought in when it is exported again, whatever its headers', async () => {
    const template = csvTemplate(instrument, 'en').replace(/^\uFEFF/, '').trimEnd();
    const items = instrument.scales.flatMap((scale) => scale.items);
    // Headers that are formulas are extra columns: ignored on import, and never part of an export.
    const hostileHeaders = formulaPayloads.slice(0, 3);
    // Written as a forms tool would, quoted but not defused; the group code as the kit's own export defuses it.
    const quoted = (cells: readonly string[]) => cells.map((cell) => `"${cell.replaceAll('"', '""')}"`).join(',');
    const rows = formulaPayloads.map((formula, index) => quoted(['after', 'Team member', '', index % 2 ? "'-G" : '-G', `2026-11-${String(index + 1).padStart(2, '0')}`, ...items.map(() => '3'), '4', '4', '8', formula, ...hostileHeaders]));
    const csv = `${template},${quoted(hostileHeaders)}\r\n${rows.join('\r\n')}\r\n`;
    const read = await readCsvTable(new TextEncoder().encode(csv));
    if (!read.ok) throw new Error(read.error.detail);
    const mapping = suggestMapping(read.table.headers, instrument, read.table.rows);
    const result = await importCsv(createDataset('T', instrument), read.table, mapping, { instrument, defaults: {} });
    if (!result.ok) throw new Error(result.error.detail);
    expect(result.batch.rejected).toEqual([]);
    const [header, ...exported] = cellsOf(responsesToCsv(result.batch.accepted, instrument, { comments: true }));
    const comments = exported.map((row) => row[header!.indexOf('comment')]!);
    // Every comment as it was read (the import trims the spaces around it), now defused; the group code read back
    // from its defused form is the same code, defused again.
    for (const read of result.batch.accepted.map((accepted) => accepted.comment!)) {
      expect(formulaPayloads.map((formula) => formula.trim())).toContain(read);
      expectDefused(comments.find((comment) => comment === `'${read}`), read, 'a comment imported and exported again');
    }
    expect(result.batch.accepted.map((accepted) => accepted.cohort)).toEqual(formulaPayloads.map(() => '-G'));
    for (const row of exported) expectDefused(row[header!.indexOf('cohort')], '-G', 'a group code imported and exported again');
    expect(exported.flat().filter(runsAsFormula)).toEqual([]);
    expect(header!.filter(runsAsFormula)).toEqual([]);
  });
});

describe('the summary by measure', () => {
  it('defuses measure names, headers and kinds, and writes negative figures as numbers', () => {
    for (const formula of formulaPayloads) {
      const row: SummaryRow = { name: formula, kind: formula, id: formula, n: 12, mean: -0.255, ciLower: -1.5, ciUpper: 0.75, sd: 0.4 };
      const [header, cells] = cellsOf(summaryToCsv([formula, ...columns.slice(1)] as unknown as typeof columns, [row]));
      expectDefused(header![0], formula, 'the summary’s header');
      for (const at of [0, 1, 2]) expectDefused(cells![at], formula, 'the summary’s text cells');
      expect(cells!.slice(3)).toEqual(['12', '-0.26', '-1.5', '0.75', '0.4']);
    }
  });
});

describe('the run-mode log', () => {
  it('defuses block titles and column names, and writes a block that ran short as a negative number', () => {
    const items: RunItem[] = formulaPayloads.map((formula, index) => ({ key: `m.b${index}`, module: 'm', block: `b${index}`, title: formula, plannedMinutes: 10, range: null }) as RunItem);
    const state = { ...initialRun('plan', items, 9 * 60, null), log: [{ index: 0, startedAt: 0, endedAt: 4 * 60_000, pausedMs: 0, extendedMs: 0, outcome: 'done' as const }] };
    const [header, ...rows] = cellsOf(runLogCsv(runLogRows(state, items), ['=A1', ...columns.slice(1, 7)] as unknown as [string, string, string, string, string, string, string], { done: '@done', skipped: '-', 'not-reached': '+' }));
    expectDefused(header![0], '=A1', 'the log’s header');
    rows.forEach((row, index) => expectDefused(row[0], formulaPayloads[index]!, 'the log’s block title'));
    expect(rows[0]!.slice(4, 6)).toEqual(['4', '-6']);
    expect(rows.flat().filter(runsAsFormula)).toEqual([]);
  });
});

describe('the ready CSV template', () => {
  it('defuses question texts an organisation wrote that a spreadsheet would run, and still maps them back', async () => {
    const scales = instrument.scales.map((scale, s) => ({ ...scale, items: scale.items.map((item, i) => (s === 0 && i < formulaPayloads.length ? { ...item, text: { ja: formulaPayloads[i]!, en: formulaPayloads[i]! } } : item)) }));
    const hostile = { ...instrument, scales };
    for (const locale of ['ja', 'en'] as const) {
      const [header] = cellsOf(csvTemplate(hostile, locale));
      const texts = scales[0]!.items.slice(0, formulaPayloads.length).map((item) => item.text[locale]);
      for (const text of texts) expectDefused(header!.find((cell) => cell === text || cell === `'${text}`), text, `the ${locale} template`);
      expect(header!.filter(runsAsFormula)).toEqual([]);
      // The quote does not stop the filled-in template from mapping its columns by itself.
      const mapped = suggestMapping(header!, hostile).columns;
      expect(mapped.filter((column) => column.use === 'ignore' || column.use === 'personal').map((column) => column.header)).toEqual([]);
    }
  });
});
