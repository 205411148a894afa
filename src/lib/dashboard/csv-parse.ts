/**
 * Reading a CSV export of a forms tool into a table of text cells. The grammar is RFC 4180
 * (https://www.rfc-editor.org/rfc/rfc4180): fields separated by a delimiter, records by CRLF (LF or CR alone
 * are read too), a field in double quotes may hold delimiters, line breaks and doubled quotes. The delimiter is
 * found from the header row: a comma, or a semicolon or tab as Excel writes in some locales.
 *
 * Written here rather than taken from a library: the grammar is these forty lines, and what a library adds
 * (streaming from disk, type guessing, workers) is not needed for files that already sit in memory.
 */
import { sizeOf } from './import-batch.ts';
import { decodeText, type TextEncodingName } from './text-decoding.ts';
import { timeSlicer } from './time-slice.ts';

/** A forms tool's export of 20,000 responses with every answer written out as a Japanese label is about 20 MB. */
export const MAX_CSV_BYTES = 60 * 1024 * 1024;
export const MAX_CSV_ROWS = 100_000;
/** Far more than a survey export has (one column a question, plus the forms tool's own): refuses a runaway header. */
export const MAX_CSV_COLUMNS = 500;

export type CsvDelimiter = ',' | ';' | '\t';

export interface CsvRow {
  /** The row's number as a spreadsheet shows it: the header is row 1. */
  rowNumber: number;
  cells: string[];
}

export interface CsvTable {
  /** Header cells, trimmed. */
  headers: string[];
  /** Data rows; rows with every cell blank (spreadsheets append them) are left out. */
  rows: CsvRow[];
  /** "text" when the caller passed text rather than bytes. */
  encoding: TextEncodingName | 'text';
  delimiter: CsvDelimiter;
}

export type CsvReadError = {
  kind: 'too-large' | 'too-many-columns' | 'unreadable' | 'excel-workbook' | 'binary' | 'unreadable-encoding' | 'empty' | 'unclosed-quote';
  detail: string;
};
export type CsvReadResult = { ok: true; table: CsvTable } | { ok: false; error: CsvReadError };

const QUOTE = 34;
const LF = 10;
const CR = 13;

export class UnclosedQuoteError extends Error {
  readonly rowNumber: number;
  constructor(rowNumber: number) {
    super(`a quoted cell that starts in row ${rowNumber} is never closed`);
    this.rowNumber = rowNumber;
  }
}

/** The records of CSV text, one at a time. Throws an UnclosedQuoteError for a quote that is never closed. */
export function* csvRecords(text: string, delimiter: CsvDelimiter = ','): Generator<string[]> {
  const separator = delimiter.charCodeAt(0);
  const end = text.length;
  let at = 0;
  let record: string[] = [];
  let recordNumber = 1;
  while (at < end) {
    let value: string;
    if (text.charCodeAt(at) === QUOTE) {
      value = '';
      let from = at + 1;
      for (;;) {
        const close = text.indexOf('"', from);
        if (close < 0) throw new UnclosedQuoteError(recordNumber);
        value += text.slice(from, close);
        from = close + 1;
        if (text.charCodeAt(from) !== QUOTE) break;
        value += '"';
        from++;
      }
      at = from;
    } else value = '';
    // Unquoted text, or what follows a closing quote (Excel keeps it: "a"b reads as ab).
    const start = at;
    for (let code = text.charCodeAt(at); at < end && code !== separator && code !== LF && code !== CR; code = text.charCodeAt(++at));
    record.push(start === at ? value : value + text.slice(start, at));
    if (at < end && text.charCodeAt(at) === separator) {
      at++;
      if (at === end) record.push('');
      continue;
    }
    yield record;
    record = [];
    recordNumber++;
    if (text.charCodeAt(at) === CR && text.charCodeAt(at + 1) === LF) at++;
    at++;
  }
  if (record.length > 0) yield record;
}

/** The delimiter that occurs most in the header row outside quotes; a comma when there is none. */
export function detectDelimiter(text: string): CsvDelimiter {
  const header = text.slice(0, 64 * 1024).replace(/"[^"]*(?:""[^"]*)*"/g, '').split(/\r\n|\r|\n/, 1)[0] ?? '';
  const counts = ([',', ';', '\t'] as const).map((delimiter) => [delimiter, header.split(delimiter).length - 1] as const);
  const [best, count] = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
  return count > 0 ? best : ',';
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * Reads a CSV file (the File itself, its bytes, or text) into a table; never throws except an AbortError when
 * `signal` cancels it. Gives the page a turn between rows, so a large file does not freeze it.
 */
export async function readCsvTable(content: Blob | Uint8Array | string, signal?: AbortSignal): Promise<CsvReadResult> {
  const fail = (kind: CsvReadError['kind'], detail: string): CsvReadResult => ({ ok: false, error: { kind, detail } });
  const size = sizeOf(content);
  if (size > MAX_CSV_BYTES) return fail('too-large', `the file is ${megabytes(size)}; a CSV export can be at most ${megabytes(MAX_CSV_BYTES)}`);
  let text: string;
  let encoding: CsvTable['encoding'] = 'text';
  if (typeof content === 'string') text = content.replace(/^\uFEFF/, '');
  else {
    let bytes: Uint8Array;
    try {
      bytes = content instanceof Uint8Array ? content : new Uint8Array(await content.arrayBuffer());
    } catch {
      return fail('unreadable', 'the browser could not read the file (it may have been moved or changed since it was chosen)');
    }
    const decoded = decodeText(bytes);
    if (!decoded.ok) return { ok: false, error: decoded.error };
    ({ text, encoding } = decoded);
  }
  const delimiter = detectDelimiter(text);
  const pace = timeSlicer(signal);
  const rows: CsvRow[] = [];
  let headers: string[] | undefined;
  let rowNumber = 0;
  try {
    for (const record of csvRecords(text, delimiter)) {
      rowNumber++;
      if (rowNumber % 64 === 0) await pace();
      if (!headers) {
        if (record.every((cell) => !cell.trim())) continue;
        if (record.length > MAX_CSV_COLUMNS) return fail('too-many-columns', `${record.length} columns, more than ${MAX_CSV_COLUMNS}`);
        headers = record.map((cell) => cell.trim());
        continue;
      }
      if (record.every((cell) => !cell.trim())) continue;
      if (rows.length === MAX_CSV_ROWS) return fail('too-large', `the file has more than ${MAX_CSV_ROWS.toLocaleString('en')} rows; split it into several files`);
      rows.push({ rowNumber, cells: record });
    }
  } catch (error) {
    if (error instanceof UnclosedQuoteError) return fail('unclosed-quote', `it is not a complete CSV file: ${error.message} (the file may be cut short)`);
    throw error;
  }
  if (!headers || headers.every((header) => !header)) return fail('empty', 'the file is empty: it has no header row');
  if (rows.length === 0) return fail('empty', 'the file has a header row but no responses');
  return { ok: true, table: { headers, rows, encoding, delimiter } };
}
