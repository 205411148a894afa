/**
 * Responses and summary tables as CSV for spreadsheets: RFC 4180 quoting, CRLF line ends, and UTF-8 with a byte
 * order mark, without which Excel reads UTF-8 as Shift_JIS on Japanese Windows and garbles every label.
 *
 * Formula injection (https://owasp.org/www-community/attacks/CSV_Injection): a spreadsheet runs a cell that starts
 * with =, +, -, @, a tab or a carriage return as a formula, so a participant's comment "=HYPERLINK(…)" would become
 * a live link. Such a text cell is written with a leading single quote, as OWASP advises. The full-width ＝ ＋ －
 * ＠ get the same treatment: Japanese Excel turns them into formulas as they are typed. Decided exceptions, so
 * figures stay figures: a cell given as a number is written as the number (−0.25 stays −0.25), and so is text
 * that is nothing but a decimal number ("-0.25", "-3", "1e-7" cannot call a function or a link).
 */
import type { FileInstrument } from '../survey/response-file.ts';
import type { StoredResponse } from './dataset.ts';

export type CsvCell = string | number | boolean | null | undefined;

const BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/;
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** One cell as CSV text: numbers as numbers, text defused against formulas and quoted when needed. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  const text = FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows as CSV text, with the byte order mark first unless `bom` is false. */
export function toCsv(rows: readonly (readonly CsvCell[])[], options: { bom?: boolean } = {}): string {
  const body = rows.map((row) => row.map(csvCell).join(',')).join('\r\n');
  return `${options.bom === false ? '' : BOM}${body}\r\n`;
}

/** A summary table (descriptives, reliability, a comparison) as CSV: a header row, then its rows. */
export function tableToCsv(columns: readonly string[], rows: readonly (readonly CsvCell[])[], options?: { bom?: boolean }): string {
  return toCsv([columns, ...rows], options);
}

/** What goes into the response export beyond the answers: free-text comments only when asked for. */
export interface ResponseExportOptions {
  bom?: boolean;
  /** Include the free-text comment column (default false: comments identify people most easily). */
  comments?: boolean;
}

/** The columns of the response export, in order; item columns are the instrument's item ids. */
export function responseColumns(instrument: FileInstrument, options: Pick<ResponseExportOptions, 'comments'> = {}): string[] {
  const items = instrument.scales.flatMap((scale) => scale.items.map((item) => item.id));
  return ['responseId', 'day', 'wave', 'cohort', 'anonymousCode', 'role', 'careerStage', ...items, 'satisfaction', 'applicability', 'recommend', ...(options.comments ? ['comment'] : []), 'source', 'sessionId', 'importedAt'];
}

/**
 * Every response as one row, with ids rather than labels (role "manager", not ピープルマネージャー) so the file
 * reads the same in either language and imports back through the CSV import (its headers map themselves).
 * This is raw, personal data: every response of every group, the small ones the dashboard hides included. The
 * dashboard asks before writing it, leaves the comments out unless they are asked for, and offers it only while
 * content/site.yaml's `privacy.responsesCsv` is true.
 */
export function responsesToCsv(responses: readonly StoredResponse[], instrument: FileInstrument, options: ResponseExportOptions = {}): string {
  const rows = responses.map((r) => [
    r.responseId,
    r.day,
    r.wave,
    r.cohort,
    r.anonymousCode,
    instrument.roles[r.role]?.id ?? r.role,
    r.stage === null ? null : (instrument.careerStages[r.stage]?.id ?? r.stage),
    ...r.answers,
    r.evaluation?.satisfaction,
    r.evaluation?.applicability,
    r.evaluation?.recommend,
    ...(options.comments ? [r.comment] : []),
    r.source,
    r.sessionId,
    r.importedAt,
  ]);
  return toCsv([responseColumns(instrument, options), ...rows], { bom: options.bom });
}

/** A figure rounded as the dashboard shows it (two decimals by default), or null where it cannot be computed. */
export function roundAsShown(value: number | null | undefined, digits = 2): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  // Ties away from zero, as the page's toLocaleString rounds (toFixed alone would send −0.125 to −0.12).
  const rounded = Math.sign(value) * Number(Math.abs(value).toFixed(digits));
  return rounded === 0 ? 0 : rounded;
}

/** One shown row of the summary by measure (the constructs table), in the page's language. */
export interface SummaryRow {
  name: string;
  kind: string;
  id: string;
  n: number;
  mean: number | null;
  ciLower: number | null;
  ciUpper: number | null;
  sd: number | null;
}

/**
 * The summary by measure as CSV: headers in the page's language (the caller passes them, in order: measure, kind,
 * id, n, mean, CI lower, CI upper, SD), and every figure rounded to the two decimals shown on screen, so the file
 * and the page agree to the last digit.
 */
export function summaryToCsv(columns: readonly [string, string, string, string, string, string, string, string], rows: readonly SummaryRow[], options?: { bom?: boolean }): string {
  return tableToCsv(
    columns,
    rows.map((row) => [row.name, row.kind, row.id, row.n, roundAsShown(row.mean), roundAsShown(row.ciLower), roundAsShown(row.ciUpper), roundAsShown(row.sd)]),
    options,
  );
}
