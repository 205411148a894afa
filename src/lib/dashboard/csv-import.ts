/**
 * A forms tool's CSV export, read through a column mapping (csv-mapping.ts), as one import batch. Problems with
 * the file as a whole (a column the mapping needs is missing, a question has no column) refuse the whole batch
 * with one error naming every column; a problem with a row refuses that row with a reason naming the column.
 *
 * A CSV row has no response id of its own, so one is derived from the row (row-hash.ts): a hash of what
 * was read from it (the response's values, not the cells as written, so labels or numbers, column order and the
 * file's encoding do not matter) and of its submission columns. Importing the same export twice, or a later
 * export that repeats its rows, finds them as duplicates. When a row has no submission column and no time of day,
 * two identical rows may be two people, so the k-th identical row hashes with k and both are kept.
 */
import { ANONYMOUS_CODE_PATTERN, COHORT_PATTERN, WAVES, type SurveyResponse, type Wave } from '../survey/response-code.ts';
import { MAX_FILE_COMMENT_LENGTH } from '../survey/response-file.ts';
import type { Dataset } from './dataset.ts';
import { checkDatasetInstrument, sortOutcomes, type BatchResult, type Outcome, type RejectReason } from './import-batch.ts';
import { isRequiredUse, normaliseHeader, RESPONSE_FIELDS, WAVE_WORDS, type CsvInstrument, type CsvMapping, type MappedColumn, type ResponseField } from './csv-mapping.ts';
import type { CsvRow, CsvTable } from './csv-parse.ts';
import { rowId } from './row-hash.ts';
import { timeSlicer } from './time-slice.ts';

/** Values for parts of the response the export has no column for (a form that asked no "role" question, say). */
export interface CsvDefaults {
  wave?: Wave;
  /** A role id of the instrument. */
  role?: string;
  cohort?: string;
  /** YYYY-MM-DD. */
  day?: string;
}

export type CsvBatchError =
  | { kind: 'other-instrument'; detail: string }
  /** Columns the mapping names that the file lacks, and questions no column answers. */
  | { kind: 'missing-columns'; columns: string[]; items: string[]; detail: string }
  /** Parts of a response that have neither a column nor a default. */
  | { kind: 'missing-defaults'; fields: ('wave' | 'role' | 'day')[]; detail: string }
  /** Two columns of the file have the same header, or two columns are mapped to one question. */
  | { kind: 'ambiguous-columns'; columns: string[]; detail: string };

export interface CsvColumnsReport {
  /** Read into responses. */
  used: string[];
  /** Read only to tell rows apart (Forms' ID and start time); never stored. */
  submission: string[];
  /** Names, e-mail addresses: never read. */
  personal: string[];
  /** Extra columns, not part of the survey. */
  ignored: string[];
}

export type MappedRowsResult = { ok: true; outcomes: Outcome[]; columns: CsvColumnsReport } | { ok: false; error: CsvBatchError };
export type CsvImportResult = { ok: true; batch: BatchResult; columns: CsvColumnsReport } | { ok: false; error: CsvBatchError };

export interface CsvImportOptions {
  instrument: CsvInstrument;
  defaults?: CsvDefaults;
  now?: Date;
  signal?: AbortSignal;
  /** The label of a row (as a spreadsheet numbers it, the header being row 1); translate it here. */
  rowLabel?: (rowNumber: number) => string;
}

const HEX12 = /^[0-9a-f]{12}$/;
const FIRST_DAY = '2024-01-01';
/** The last day a response code can carry, as response-file.ts allows. */
const LAST_DAY = new Date(Date.UTC(2024, 0, 1) + 0xffff * 86_400_000).toISOString().slice(0, 10);

/** Text NFKC leaves as it is; checked first because normalising every cell of 20,000 rows costs time. */
const ASCII = /^[\x20-\x7e]*$/;

const clip = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);
const quoted = (list: readonly string[]) => list.map((item) => `"${item}"`).join(', ');

/** A lookup from a value as written (exactly, or normalised) to what it stands for. */
function lookupOf<T>(entries: readonly (readonly [string, T])[]): (text: string) => T | undefined {
  const map = new Map<string, T>();
  for (const [text, value] of entries) {
    map.set(text, value);
    map.set(normaliseHeader(text), value);
  }
  return (text) => map.get(text) ?? map.get(normaliseHeader(text));
}

/** YYYY-MM-DD from a date as spreadsheets write it (a time after it is ignored), or undefined. */
export function parseDay(text: string, order: CsvMapping['dayOrder']): string | undefined {
  const value = (ASCII.test(text) ? text : text.normalize('NFKC')).trim();
  let parts: [number, number, number] | undefined;
  const yearFirst = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?![\d])/.exec(value);
  const yearLast = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?![\d])/.exec(value);
  if (yearFirst) parts = [Number(yearFirst[1]), Number(yearFirst[2]), Number(yearFirst[3])];
  else if (yearLast) {
    const [first, second] = [Number(yearLast[1]), Number(yearLast[2])];
    parts = order === 'mdy' ? [Number(yearLast[3]), first, second] : [Number(yearLast[3]), second, first];
  }
  if (!parts) return undefined;
  const [year, month, day] = parts;
  const date = new Date(Date.UTC(year, month - 1, day));
  const iso = date.toISOString().slice(0, 10);
  // Date.UTC rolls 2026-02-30 over into March: only a date that comes back unchanged is real.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return iso >= FIRST_DAY && iso <= LAST_DAY ? iso : undefined;
}

function checkDefaults(defaults: CsvDefaults, instrument: CsvInstrument): void {
  if (defaults.wave !== undefined && !WAVES.includes(defaults.wave)) throw new RangeError(`defaults.wave: one of ${WAVES.join(', ')}`);
  if (defaults.role !== undefined && !instrument.roles.some((role) => role.id === defaults.role)) throw new RangeError(`defaults.role: one of ${instrument.roles.map((role) => role.id).join(', ')}`);
  if (defaults.cohort !== undefined && !COHORT_PATTERN.test(defaults.cohort)) throw new RangeError('defaults.cohort: up to 16 of A–Z, 0–9 and -');
  if (defaults.day !== undefined && parseDay(defaults.day, 'mdy') !== defaults.day) throw new RangeError(`defaults.day: a date from ${FIRST_DAY}, written YYYY-MM-DD`);
}

type UsedColumn = { column: MappedColumn; index: number };

/** The columns a mapping uses, found in the file, or the batch-level error. */
function resolveColumns(table: CsvTable, mapping: CsvMapping, instrument: CsvInstrument, defaults: CsvDefaults): { error: CsvBatchError } | { used: UsedColumn[] } {
  const positions = new Map<string, number[]>();
  table.headers.forEach((header, index) => {
    const key = normaliseHeader(header);
    const at = positions.get(key);
    if (at) at.push(index);
    else positions.set(key, [index]);
  });
  const wanted = mapping.columns.filter((column) => column.use !== 'ignore' && column.use !== 'personal');
  const missing = wanted.filter((column) => isRequiredUse(column) && !positions.has(normaliseHeader(column.header))).map((column) => column.header);
  const answered = new Set(wanted.flatMap((column) => (column.use === 'item' ? [column.itemId] : [])));
  const items = instrument.scales.flatMap((scale) => scale.items.map((item) => item.id)).filter((id) => !answered.has(id));
  if (missing.length > 0 || items.length > 0) {
    const parts = [missing.length ? `the file has no column ${quoted(missing)}` : '', items.length ? `no column answers the questions ${quoted(items)}` : ''].filter(Boolean);
    return { error: { kind: 'missing-columns', columns: missing, items, detail: `${parts.join('; ')}: choose their columns, or use an export of the whole survey` } };
  }
  // Each header named once, however many columns repeat it.
  const ambiguous = [...new Set(wanted.filter((column) => (positions.get(normaliseHeader(column.header))?.length ?? 0) > 1).map((column) => column.header))];
  if (ambiguous.length > 0) return { error: { kind: 'ambiguous-columns', columns: ambiguous, detail: `more than one column is called ${quoted(ambiguous)}: rename them in the file so each header is used once` } };
  const target = (column: MappedColumn) => (column.use === 'item' ? `item:${column.itemId}` : column.use);
  const targets = new Map<string, number>();
  for (const column of wanted) targets.set(target(column), (targets.get(target(column)) ?? 0) + 1);
  const doubled = [...new Set(wanted.filter((column) => column.use !== 'submission' && targets.get(target(column))! > 1).map((column) => column.header))];
  if (doubled.length > 0) return { error: { kind: 'ambiguous-columns', columns: doubled, detail: `the columns ${quoted(doubled)} are mapped to the same question: choose one of them` } };
  const used = wanted.flatMap((column) => {
    const index = positions.get(normaliseHeader(column.header))?.[0];
    return index === undefined ? [] : [{ column, index }];
  });
  const has = (field: ResponseField) => used.some(({ column }) => column.use === field);
  const lacking = (['wave', 'role', 'day'] as const).filter((field) => !has(field) && defaults[field] === undefined);
  if (lacking.length > 0) {
    return { error: { kind: 'missing-defaults', fields: lacking, detail: `the file has no column for ${quoted(lacking)}: choose a value that applies to every row` } };
  }
  return { used };
}

function columnsReport(table: CsvTable, mapping: CsvMapping, used: readonly UsedColumn[]): CsvColumnsReport {
  const byHeader = new Map(mapping.columns.map((column) => [normaliseHeader(column.header), column.use]));
  const usedIndices = new Set(used.map(({ index }) => index));
  const report: CsvColumnsReport = { used: [], submission: [], personal: [], ignored: [] };
  table.headers.forEach((header, index) => {
    const use = byHeader.get(normaliseHeader(header));
    if (use === 'personal') report.personal.push(header);
    else if (use === 'submission' && usedIndices.has(index)) report.submission.push(header);
    else if (usedIndices.has(index)) report.used.push(header);
    else report.ignored.push(header);
  });
  return report;
}

/**
 * Text as every decoder reads it. Shift_JIS has three characters that decoders map differently: the Encoding
 * Standard (browsers) reads 0x8160, 0x8161 and 0x817C as 〜 ‖ −, Microsoft's code page (and Node's ICU) as
 * ～ ∥ －. After NFKC only these differ, so they are folded together before hashing.
 */
function foldForHash(text: string): string {
  if (ASCII.test(text)) return text;
  return text.normalize('NFKC').replace(/\u301C/g, '~').replace(/\u2016/g, '\u2225').replace(/\u2212/g, '-');
}

type RowReading = { response: SurveyResponse; given: boolean; identity: string; tellsApart: boolean } | { reason: RejectReason };

/** A function that reads one row through the mapping: its response (with what identifies it) or its reason. */
function rowReader(table: CsvTable, mapping: CsvMapping, instrument: CsvInstrument, defaults: CsvDefaults, used: readonly UsedColumn[]): (row: CsvRow) => RowReading {
  const { min, max, labels } = instrument.response;
  // Labels of both languages and the numbers themselves ("4", or "４" once normalised).
  const points = Array.from({ length: max - min + 1 }, (_, index) => min + index);
  const scale = lookupOf([...points.map((point) => [String(point), point] as const), ...[...labels.ja, ...labels.en].map((label, index) => [label, min + (index % labels.ja.length)] as const)]);
  const role = lookupOf(instrument.roles.flatMap((r, index) => [r.id, r.label.ja, r.label.en].map((text) => [text, index] as const)));
  const stage = lookupOf(instrument.careerStages.flatMap((s, index) => [s.id, s.label.ja, s.label.en].map((text) => [text, index] as const)));
  const wave = lookupOf(WAVES.flatMap((id) => WAVE_WORDS[id].map((text) => [text, id] as const)));
  const itemIds = instrument.scales.flatMap((s) => s.items.map((item) => item.id));
  const at = Object.fromEntries(RESPONSE_FIELDS.map((name) => [name, used.find(({ column }) => column.use === name)?.index])) as Record<ResponseField, number | undefined>;
  const items = used.flatMap(({ column, index }) => (column.use === 'item' ? [{ index, itemId: column.itemId, position: itemIds.indexOf(column.itemId) }] : []));
  const questionAt = new Map(items.map((item) => [item.index, item.itemId]));
  // A column as a reason names it, with the question's id: forms tools put the question's own text last.
  const columnName = (index: number) => `"${clip(table.headers[index]!)}"${questionAt.has(index) ? ` (question ${questionAt.get(index)})` : ''}`;
  // Sorted by code unit, not localeCompare: the same row must hash alike in every browser and language.
  // The day column is hashed as written too: Google Forms' Timestamp is the only thing that tells two people apart.
  const submission = used
    .filter(({ column }) => column.use === 'submission' || column.use === 'day')
    .map(({ column, index }) => ({ key: normaliseHeader(column.header), index }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const hasSubmission = used.some(({ column }) => column.use === 'submission');
  const answering = [...items.map((item) => item.index), at.satisfaction, at.applicability, at.recommend].filter((index) => index !== undefined);
  const roleDefault = defaults.role === undefined ? undefined : role(defaults.role);
  const dayOf = (text: string) => parseDay(text, mapping.dayOrder);
  const nfkc = (text: string) => (ASCII.test(text) ? text : text.normalize('NFKC'));
  // A group code such as "-A" comes back from the kit's own export as "'-A", defused against formulas (csv-export.ts).
  const cohortOf = (text: string) => {
    const code = nfkc(text.replace(/^'(?=-)/, '')).toUpperCase();
    return COHORT_PATTERN.test(code) ? code : undefined;
  };
  const anonymousOf = (text: string) => (ANONYMOUS_CODE_PATTERN.test(nfkc(text)) ? nfkc(text) : undefined);
  const idOf = (text: string) => (HEX12.test(text.toLowerCase()) ? text.toLowerCase() : undefined);
  const recommendOf = (text: string) => {
    // "10", or "10（ぜひすすめたい）" as a form's option may read; not "4.5".
    const match = /^(\d{1,2})(?![\d.,])/.exec(nfkc(text));
    return match && Number(match[1]) <= 10 ? Number(match[1]) : undefined;
  };
  const expected = {
    answer: `an answer from ${min} to ${max} or one of its labels`,
    wave: `one of ${WAVES.join(', ')}`,
    role: `a role of the survey (${instrument.roles.map((r) => r.id).join(', ')})`,
    stage: 'a career stage of the survey',
    day: `a date from ${FIRST_DAY}`,
    cohort: 'a group code of up to 16 of A–Z, 0–9 and -',
    anonymousCode: 'an anonymous code of 1–12 letters or digits',
    responseId: 'a response id of 12 hexadecimal digits',
    recommend: 'a number from 0 to 10',
  };

  return (row) => {
    if (row.cells.length > table.headers.length && row.cells.slice(table.headers.length).some((cell) => cell.trim())) {
      const detail = `it has ${row.cells.length} cells, but the header has ${table.headers.length} columns: a comma or line break in a cell may be missing its quotes`;
      return { reason: { kind: 'wrong-cell-count', detail } };
    }
    // A row that answers nothing (a form opened and sent empty) is reported as such, whatever else it lacks.
    if (answering.every((index) => !row.cells[index]?.trim())) return { reason: { kind: 'empty', detail: 'no question is answered in this row' } };
    let problems: string[] | undefined;
    const cell = (index: number | undefined) => (index === undefined ? '' : (row.cells[index] ?? '').trim());
    const bad = (index: number, wanted: string) => (problems ??= []).push(`${columnName(index)} is "${clip(cell(index))}", not ${wanted}`);
    const rating = (index: number | undefined) => {
      const text = cell(index);
      if (!text) return null;
      const value = scale(text);
      if (value !== undefined) return value;
      bad(index!, expected.answer);
      return null;
    };
    const choose = <T>(index: number | undefined, read: (text: string) => T | undefined, fallback: T | undefined, wanted: string): T | undefined => {
      const text = cell(index);
      // No fallback: a part every response has (wave, role, day) with neither a value nor a default.
      if (!text && fallback === undefined) (problems ??= []).push(`${columnName(index!)} is empty`);
      if (!text) return fallback;
      const value = read(text);
      if (value === undefined) bad(index!, wanted);
      return value;
    };
    const answers = new Array<number | null>(itemIds.length).fill(null);
    for (const item of items) answers[item.position] = rating(item.index);
    const waveValue = choose(at.wave, wave, defaults.wave, expected.wave);
    const roleValue = choose(at.role, role, roleDefault, expected.role);
    const stageValue = choose(at.careerStage, stage, null, expected.stage);
    const day = choose(at.day, dayOf, defaults.day, expected.day);
    const cohort = choose(at.cohort, cohortOf, defaults.cohort ?? '', expected.cohort);
    const anonymousCode = choose(at.anonymousCode, anonymousOf, null, expected.anonymousCode);
    const givenId = choose(at.responseId, idOf, null, expected.responseId);
    const recommend = choose(at.recommend, recommendOf, null, expected.recommend) ?? null;
    const satisfaction = rating(at.satisfaction);
    const applicability = rating(at.applicability);
    const comment = cell(at.comment) || null;
    if (comment && comment.length > MAX_FILE_COMMENT_LENGTH) (problems ??= []).push(`${columnName(at.comment!)} is longer than ${MAX_FILE_COMMENT_LENGTH} characters`);
    if (problems) return { reason: { kind: 'invalid-value', detail: problems.join('; ') } };

    const hasEvaluation = satisfaction !== null || applicability !== null || recommend !== null;
    const response: SurveyResponse = {
      instrumentVersion: instrument.version,
      wave: waveValue!,
      role: roleValue!,
      stage: stageValue ?? null,
      responseId: givenId ?? '',
      day: day!,
      cohort: cohort ?? '',
      anonymousCode: anonymousCode ?? null,
      answers,
      evaluation: hasEvaluation ? { satisfaction, applicability, recommend } : null,
      comment,
    };
    // What the row means rather than how it is written; the answers as one digit each (0: not answered).
    const identity = JSON.stringify([
      instrument.id,
      instrument.version,
      waveValue,
      roleValue,
      stageValue,
      day,
      cohort,
      anonymousCode,
      answers.map((answer) => answer ?? 0).join(''),
      satisfaction,
      applicability,
      recommend,
      comment && foldForHash(comment),
      ...submission.flatMap(({ key, index }) => [key, foldForHash(cell(index))]),
    ]);
    // A row is told apart by the forms tool's id or start time, or by a time of day in its day column.
    return { response, given: givenId !== null && givenId !== undefined, identity, tellsApart: hasSubmission || /\d:\d\d/.test(cell(at.day)) };
  };
}

/**
 * Reads every row of a table through a mapping: a response or a reason per row, in row order. Names and e-mail
 * addresses (columns marked "personal") are never read. Throws a RangeError for defaults a response cannot hold.
 */
export async function applyMapping(table: CsvTable, mapping: CsvMapping, instrument: CsvInstrument, defaults: CsvDefaults = {}, options: Pick<CsvImportOptions, 'signal' | 'rowLabel'> = {}): Promise<MappedRowsResult> {
  checkDefaults(defaults, instrument);
  if (mapping.instrument.id !== instrument.id || mapping.instrument.version !== instrument.version) {
    return { ok: false, error: { kind: 'other-instrument', detail: `the mapping was made for survey "${mapping.instrument.id}" version ${mapping.instrument.version}; this site's survey is "${instrument.id}" version ${instrument.version}` } };
  }
  const resolved = resolveColumns(table, mapping, instrument, defaults);
  if ('error' in resolved) return { ok: false, error: resolved.error };
  const read = rowReader(table, mapping, instrument, defaults, resolved.used);
  const pace = timeSlicer(options.signal);
  const rowLabel = options.rowLabel ?? ((rowNumber: number) => `row ${rowNumber}`);
  const outcomes: Outcome[] = [];
  const seen = new Map<string, number>();
  for (const [index, row] of table.rows.entries()) {
    if (index % 64 === 0) await pace();
    const label = rowLabel(row.rowNumber);
    const reading = read(row);
    if ('reason' in reading) {
      outcomes.push({ label, reason: reading.reason });
      continue;
    }
    if (!reading.given) {
      const occurrence = reading.tellsApart ? 0 : (seen.get(reading.identity) ?? 0);
      if (!reading.tellsApart) seen.set(reading.identity, occurrence + 1);
      reading.response.responseId = rowId(`banso-csv-row v1 ${occurrence} ${reading.identity}`);
    }
    outcomes.push({ label, response: reading.response, source: 'csv', sessionId: null });
  }
  return { ok: true, outcomes, columns: columnsReport(table, mapping, resolved.used) };
}

/** Checks a CSV export against a dataset as one batch; changes nothing (apply it with applyBatch). */
export async function importCsv(dataset: Dataset, table: CsvTable, mapping: CsvMapping, options: CsvImportOptions): Promise<CsvImportResult> {
  checkDatasetInstrument(dataset, options.instrument);
  const mapped = await applyMapping(table, mapping, options.instrument, options.defaults, options);
  if (!mapped.ok) return mapped;
  options.signal?.throwIfAborted();
  return { ok: true, batch: sortOutcomes(dataset, mapped.outcomes, options.now ?? new Date()), columns: mapped.columns };
}
