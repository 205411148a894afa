/**
 * Which column of a forms tool's CSV export holds which question. Organisations that run the survey in Microsoft
 * Forms or Google Forms export a table whose headers are their own wording of our questions; the page suggests a
 * mapping from the headers, the facilitator corrects it, and the mapping is saved (it is plain JSON) to be
 * reused for the next export of the same form.
 *
 * Names and e-mail addresses: Forms adds them to every export (名前, メール, Email Address). A column marked
 * "personal" is never read: its cells do not reach a response, a reason, a hash or storage.
 */
import type { Wave } from '../survey/response-code.ts';
import type { FileInstrument } from '../survey/response-file.ts';
import { toCsv } from './csv-export.ts';

export const CSV_MAPPING_FORMAT = 'banso-csv-mapping';
export const CSV_MAPPING_VERSION = 1;

type Bilingual = { ja: string; en: string };

/** The parts of the instrument the CSV import reads: the validated `Instrument` fits. */
export interface CsvInstrument extends FileInstrument {
  response: { min: number; max: number; labels: { ja: readonly string[]; en: readonly string[] } };
  scales: readonly { items: readonly { id: string; text: Bilingual }[] }[];
  roles: readonly { id: string; label: Bilingual }[];
  careerStages: readonly { id: string; label: Bilingual }[];
  evaluation: { satisfaction: Bilingual; applicability: Bilingual; recommend: Bilingual; comments: Bilingual };
}

export const RESPONSE_FIELDS = ['wave', 'role', 'careerStage', 'cohort', 'anonymousCode', 'day', 'responseId', 'satisfaction', 'applicability', 'recommend', 'comment'] as const;
export type ResponseField = (typeof RESPONSE_FIELDS)[number];

export type ColumnUse =
  /** Answers to one question of the instrument. */
  | { use: 'item'; itemId: string }
  /** A part of the response other than the answers. */
  | { use: ResponseField }
  /** The forms tool's own row number or start time: tells two identical rows apart, never stored. */
  | { use: 'submission' }
  /** A name, e-mail address or employee number: never read, never stored. */
  | { use: 'personal' }
  | { use: 'ignore' };

export type MappedColumn = { header: string } & ColumnUse;

export interface CsvMapping {
  format: typeof CSV_MAPPING_FORMAT;
  version: typeof CSV_MAPPING_VERSION;
  instrument: { id: string; version: number };
  /** One entry per column of the export the mapping was made for, found again by header text. */
  columns: MappedColumn[];
  /** How the day column writes a date with the year last: 11/23/2026 ("mdy") or 23/11/2026 ("dmy"). */
  dayOrder: 'mdy' | 'dmy';
}

/**
 * Text compared the way a person reads it: NFKC (full-width letters and digits become ASCII), lower case, and
 * only letters and digits kept, so spacing, punctuation and brackets of the forms tool do not matter.
 */
export function normaliseHeader(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * Header words of the forms tools and of the survey page (content/i18n: survey.context.*), normalised. Kept here
 * rather than read from the UI strings so the mapping of a saved export does not change when a label is edited.
 */
const HEADER_WORDS: Record<'personal' | 'submission' | ResponseField, string[]> = {
  personal: ['名前', '氏名', 'お名前', 'name', 'fullname', 'メール', 'メールアドレス', 'email', 'emailaddress', 'mail', 'ユーザー名', 'username', '社員番号', '従業員番号', 'employeeid', 'employeenumber', '電話番号', 'phone'],
  submission: ['id', '開始時刻', 'starttime', '最終変更時刻', 'lastmodifiedtime'],
  day: ['完了時刻', 'completiontime', 'timestamp', 'タイムスタンプ', 'day', 'date', '日付', '回答日'],
  wave: ['wave', '今回はいつの回答ですか', 'whenareyouanswering', '回答のタイミング', 'タイミング'],
  role: ['role', 'あなたの役割', 'yourrole', '役割'],
  careerStage: ['careerstage', 'stage', 'キャリアの段階', 'yourcareerstage', 'キャリアステージ'],
  cohort: ['cohort', 'グループコード', 'groupcode', 'グループ'],
  anonymousCode: ['anonymouscode', '匿名のコード', '匿名コード'],
  responseId: ['responseid', '回答id'],
  satisfaction: ['satisfaction', '満足度'],
  applicability: ['applicability', '活用度'],
  recommend: ['recommend', 'nps', '推奨度'],
  comment: ['comment', 'comments', 'コメント', '感想'],
};

/** Parts of a header that suggest personal data, for columns that match nothing else ("Email address (optional)"). */
const PERSONAL_HINTS = ['mail', 'メール', 'name', '名前', '氏名', 'phone', '電話', '社員番号', 'employee'];

/** Wave values as the survey page and the session page word them, normalised. */
export const WAVE_WORDS: Record<Wave, string[]> = {
  before: ['before', 'pre', '事前', 'ワークショップの前', 'beforetheworkshop'],
  after: ['after', 'post', '事後', 'ワークショップの直後', 'straightaftertheworkshop'],
  'follow-up': ['followup', 'フォローアップ', 'ワークショップから数か月後フォローアップ', 'afewmonthsaftertheworkshopfollowup'],
};

/** Below this length a question's text could appear inside an unrelated header by chance. */
const MIN_CONTAINED_LENGTH = 8;

type Target = ColumnUse & { texts: string[] };

function targetsOf(instrument: CsvInstrument): Target[] {
  const { evaluation } = instrument;
  const both = (text: Bilingual) => [normaliseHeader(text.ja), normaliseHeader(text.en)];
  const fieldTexts: Partial<Record<ResponseField, string[]>> = {
    satisfaction: both(evaluation.satisfaction),
    applicability: both(evaluation.applicability),
    recommend: both(evaluation.recommend),
    comment: both(evaluation.comments),
  };
  return [
    ...instrument.scales.flatMap((scale) => scale.items.map((item) => ({ use: 'item' as const, itemId: item.id, texts: [normaliseHeader(item.id), ...both(item.text)] }))),
    ...RESPONSE_FIELDS.map((field) => ({ use: field, texts: [...HEADER_WORDS[field], ...(fieldTexts[field] ?? [])] })),
  ];
}

const sameTarget = (a: ColumnUse, b: ColumnUse) => a.use === b.use && (a.use !== 'item' || a.itemId === (b as { itemId: string }).itemId);

/**
 * A first guess at a mapping, for the facilitator to check. A header matches a question when it is the question's
 * id or its Japanese or English text, or contains that text (Google Forms writes grid rows as "Title [text]");
 * the longest contained text wins. Each question takes the first column that matches it; the rest are ignored,
 * or marked personal when their header mentions a name, an e-mail address or a phone number.
 * `rows` (a few data rows) tell whether dates are written month or day first.
 */
export function suggestMapping(headers: readonly string[], instrument: CsvInstrument, rows: readonly { cells: readonly string[] }[] = []): CsvMapping {
  const targets = targetsOf(instrument);
  const taken: ColumnUse[] = [];
  const columns = headers.map((header): MappedColumn => {
    const text = normaliseHeader(header);
    if (!text) return { header, use: 'ignore' };
    if (HEADER_WORDS.personal.includes(text)) return { header, use: 'personal' };
    if (HEADER_WORDS.submission.includes(text)) return { header, use: 'submission' };
    const free = targets.filter((target) => !taken.some((use) => sameTarget(use, target)));
    const exact = free.find((target) => target.texts.includes(text));
    const contained = exact
      ? undefined
      : free
          .map((target) => ({ target, length: Math.max(0, ...target.texts.filter((t) => t.length >= MIN_CONTAINED_LENGTH && text.includes(t)).map((t) => t.length)) }))
          .filter((candidate) => candidate.length > 0)
          .sort((a, b) => b.length - a.length)[0]?.target;
    const found = exact ?? contained;
    // Unmatched: when in doubt, personal, so the column is never read.
    if (!found) return { header, use: PERSONAL_HINTS.some((hint) => text.includes(hint)) ? 'personal' : 'ignore' };
    const { texts: _texts, ...use } = found;
    taken.push(use);
    return { header, ...use };
  });
  return { format: CSV_MAPPING_FORMAT, version: CSV_MAPPING_VERSION, instrument: { id: instrument.id, version: instrument.version }, columns, dayOrder: guessDayOrder(columns, rows) };
}

function guessDayOrder(columns: readonly MappedColumn[], rows: readonly { cells: readonly string[] }[]): CsvMapping['dayOrder'] {
  const at = columns.findIndex((column) => column.use === 'day');
  if (at < 0) return 'mdy';
  const dayFirst = rows.some((row) => {
    const match = /^\s*(\d{1,2})[/.](\d{1,2})[/.]\d{4}/.exec(row.cells[at] ?? '');
    return match !== null && Number(match[1]) > 12;
  });
  return dayFirst ? 'dmy' : 'mdy';
}

/** Uses whose columns must be in the file for the mapping to apply. */
export const isRequiredUse = (column: ColumnUse) => column.use !== 'ignore' && column.use !== 'personal' && column.use !== 'submission';

export interface MappingFit {
  /** Whether the mapping can be applied to a file with these headers as it is. */
  matches: boolean;
  /** Headers the mapping needs that the file lacks. */
  missing: string[];
  /** Headers of the file the mapping does not mention (they would be ignored). */
  unexpected: string[];
  /** Whether the mapping was made for this instrument and version. */
  sameInstrument: boolean;
}

/** Whether a saved mapping fits a file's headers (compared as normaliseHeader compares them). */
export function mappingMatches(headers: readonly string[], mapping: CsvMapping, instrument?: { id: string; version: number }): MappingFit {
  const inFile = new Set(headers.map(normaliseHeader));
  const inMapping = new Set(mapping.columns.map((column) => normaliseHeader(column.header)));
  const missing = mapping.columns.filter((column) => isRequiredUse(column) && !inFile.has(normaliseHeader(column.header))).map((column) => column.header);
  const unexpected = headers.filter((header) => !inMapping.has(normaliseHeader(header)));
  const sameInstrument = !instrument || (mapping.instrument.id === instrument.id && mapping.instrument.version === instrument.version);
  return { matches: missing.length === 0 && sameInstrument, missing, unexpected, sameInstrument };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const USES = new Set<string>(['item', 'submission', 'personal', 'ignore', ...RESPONSE_FIELDS]);

/** Reads a saved mapping back (from localStorage or IndexedDB); undefined when it is not one this site can use. */
export function parseCsvMapping(json: unknown): CsvMapping | undefined {
  if (!isRecord(json) || json.format !== CSV_MAPPING_FORMAT || json.version !== CSV_MAPPING_VERSION) return undefined;
  const { instrument, columns, dayOrder } = json;
  if (!isRecord(instrument) || typeof instrument.id !== 'string' || !Number.isInteger(instrument.version)) return undefined;
  if ((dayOrder !== 'mdy' && dayOrder !== 'dmy') || !Array.isArray(columns)) return undefined;
  const valid = columns.every((column) => isRecord(column) && typeof column.header === 'string' && USES.has(column.use as string) && (column.use !== 'item' || typeof column.itemId === 'string'));
  return valid ? (json as unknown as CsvMapping) : undefined;
}

/** The headers of the ready CSV template, by locale: each is a word the mapping recognises (HEADER_WORDS). */
const TEMPLATE_HEADERS: Record<'ja' | 'en', Record<'wave' | 'role' | 'careerStage' | 'cohort' | 'day', string>> = {
  ja: { wave: '今回はいつの回答ですか', role: 'あなたの役割', careerStage: 'キャリアの段階', cohort: 'グループコード', day: '回答日' },
  en: { wave: 'When are you answering', role: 'Your role', careerStage: 'Your career stage', cohort: 'Group code', day: 'Date' },
};

/**
 * A ready CSV template for responses collected another way (a paper form typed up, a forms tool): the parts of a
 * response, then every question's text in the survey's order, then the evaluation. Its headers map by themselves
 * when the file comes back. UTF-8 with a byte order mark, so Excel opens it with Japanese intact.
 */
export function csvTemplate(instrument: CsvInstrument, locale: 'ja' | 'en'): string {
  const words = TEMPLATE_HEADERS[locale];
  const { evaluation } = instrument;
  const headers = [
    words.wave, words.role, words.careerStage, words.cohort, words.day,
    ...instrument.scales.flatMap((scale) => scale.items.map((item) => item.text[locale])),
    evaluation.satisfaction[locale], evaluation.applicability[locale], evaluation.recommend[locale], evaluation.comments[locale],
  ];
  // Written as every other CSV of the kit is, so a question text that starts like a formula stays text.
  return toCsv([headers]);
}

/** The questions' texts in the order a form must ask them (the template's order), for setting up a forms tool. */
export function formItemTexts(instrument: CsvInstrument, locale: 'ja' | 'en'): string[] {
  return instrument.scales.flatMap((scale) => scale.items.map((item) => item.text[locale]));
}
