/**
 * A facilitator's dataset: the responses of a cohort or a programme, kept in this browser and backed up as one
 * JSON file. The backup file is the dataset itself, so what is stored and what is exported cannot drift apart.
 * Documented for other tools with the response formats; change it only by adding a version.
 *
 *   { "format": "banso-dataset", "version": 1, "id": "…", "name": "…", "createdAt": "…",
 *     "instrument": { "id": "banso-career-autonomy", "version": 1 }, "responses": [StoredResponse, …] }
 *
 * A StoredResponse is a decoded response (response-code.ts: answers in instrument order, role and career stage
 * as indices) plus where it came from. Nothing else is kept: a CSV's names and e-mail addresses never get here.
 */
import { ANONYMOUS_CODE_PATTERN, COHORT_PATTERN, MAX_COMMENT_BYTES, WAVES, type SurveyResponse, type Wave } from '../survey/response-code.ts';
import { MAX_FILE_COMMENT_LENGTH, type FileInstrument } from '../survey/response-file.ts';
import { roleMismatch } from '../survey/roles.ts';

export const DATASET_FORMAT = 'banso-dataset';
export const DATASET_VERSION = 1;
/** A backup larger than this is refused before it is parsed: 20,000 responses with long comments stay well under it. */
export const MAX_BACKUP_BYTES = 100 * 1024 * 1024;
export const MAX_DATASET_NAME_LENGTH = 100;

export const RESPONSE_SOURCES = ['code', 'sealed-code', 'file', 'sealed-file', 'csv'] as const;
export type ResponseSource = (typeof RESPONSE_SOURCES)[number];

export interface StoredResponse extends SurveyResponse {
  source: ResponseSource;
  /** ISO 8601 time of the import. */
  importedAt: string;
  /** The facilitator session a sealed response was opened with; null for a plain one. */
  sessionId: string | null;
}

export interface DatasetInstrument {
  id: string;
  version: number;
}

export interface Dataset {
  format: typeof DATASET_FORMAT;
  version: typeof DATASET_VERSION;
  /** Twelve hexadecimal digits. */
  id: string;
  name: string;
  /** ISO 8601. */
  createdAt: string;
  /** Every response answers this survey and version. */
  instrument: DatasetInstrument;
  responses: StoredResponse[];
}

export type DatasetBackupError = {
  kind: 'too-large' | 'not-json' | 'not-a-dataset' | 'newer-version' | 'invalid';
  detail: string;
  /** For "invalid": every problem found (the detail shows the first few), each naming its key path. */
  problems?: string[];
};
export type DatasetBackupResult = { ok: true; dataset: Dataset } | { ok: false; error: DatasetBackupError };

const HEX12 = /^[0-9a-f]{12}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const RESPONSE_KEYS = new Set(['instrumentVersion', 'wave', 'role', 'stage', 'responseId', 'day', 'cohort', 'anonymousCode', 'answers', 'evaluation', 'comment', 'source', 'importedAt', 'sessionId']);

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isWhole = (value: unknown, min: number, max: number) => Number.isInteger(value) && (value as number) >= min && (value as number) <= max;
const isTime = (value: unknown) => typeof value === 'string' && !Number.isNaN(Date.parse(value));

function randomId(): string {
  return Array.from(globalThis.crypto.getRandomValues(new Uint8Array(6)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A new, empty dataset for one version of the site's survey (the current one, or an archived one for its older responses). Throws a RangeError for an empty or overlong name. */
export function createDataset(name: string, instrument: DatasetInstrument, now: Date = new Date()): Dataset {
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > MAX_DATASET_NAME_LENGTH) throw new RangeError(`name: 1–${MAX_DATASET_NAME_LENGTH} characters`);
  return { format: DATASET_FORMAT, version: DATASET_VERSION, id: randomId(), name: trimmed, createdAt: now.toISOString(), instrument: { id: instrument.id, version: instrument.version }, responses: [] };
}

/** The same dataset under a new id and name: for restoring a backup next to the dataset it was made from. */
export function copyDataset(dataset: Dataset, name: string): Dataset {
  return { ...createDataset(name, dataset.instrument), responses: dataset.responses };
}

/** The backup file's text. */
export function datasetToJson(dataset: Dataset): string {
  return JSON.stringify(dataset);
}

/**
 * Why a response does not fit the instrument (its answer count, role, career stage and value ranges), or
 * undefined when it does. Codes allow wider ranges than any one instrument, so this is checked on every import.
 */
export function instrumentMismatch(response: SurveyResponse, instrument: FileInstrument): string | undefined {
  const { min, max } = instrument.response;
  const itemCount = instrument.scales.reduce((sum, scale) => sum + scale.items.length, 0);
  if (response.instrumentVersion !== instrument.version) {
    return `it answers version ${response.instrumentVersion} of the survey, but this dataset holds version ${instrument.version}: import it into a dataset of version ${response.instrumentVersion} (answers to different versions are never mixed or compared)`;
  }
  if (response.answers.length !== itemCount) return `it has ${response.answers.length} answers, but version ${instrument.version} of the survey has ${itemCount} questions`;
  const outside = response.answers.findIndex((answer) => answer !== null && !isWhole(answer, min, max));
  if (outside >= 0) return `answer ${outside + 1} is ${response.answers[outside]}, outside ${min}–${max}`;
  if (!instrument.roles[response.role]) return `its role (${response.role}) is not one of the survey's ${instrument.roles.length} roles`;
  if (response.stage !== null && !instrument.careerStages[response.stage]) return `its career stage (${response.stage}) is not one of the survey's ${instrument.careerStages.length} stages`;
  const roleProblem = roleMismatch(instrument, response.role, response.answers);
  if (roleProblem) return roleProblem;
  const { satisfaction = null, applicability = null } = response.evaluation ?? {};
  if ((satisfaction !== null && !isWhole(satisfaction, min, max)) || (applicability !== null && !isWhole(applicability, min, max))) return `its workshop ratings are outside ${min}–${max}`;
  return undefined;
}

/** Problems with one stored response, each naming its key path; none when it is valid. */
function responseProblems(value: unknown, path: string, instrument: FileInstrument | undefined, expected: DatasetInstrument): string[] {
  if (!isRecord(value)) return [`${path} should be an object`];
  const problems = Object.keys(value)
    .filter((key) => !RESPONSE_KEYS.has(key))
    .map((key) => `${path}.${key.slice(0, 40)} is not part of a stored response`);
  const r = value;
  if (r.instrumentVersion !== expected.version) problems.push(`${path}.instrumentVersion should be ${expected.version}, the dataset's survey version`);
  if (!WAVES.includes(r.wave as Wave)) problems.push(`${path}.wave should be one of ${WAVES.join(', ')}`);
  if (!isWhole(r.role, 0, 3)) problems.push(`${path}.role should be a role index from 0 to 3`);
  if (r.stage !== null && !isWhole(r.stage, 0, 254)) problems.push(`${path}.stage should be a career stage index, or null`);
  if (typeof r.responseId !== 'string' || !HEX12.test(r.responseId)) problems.push(`${path}.responseId should be 12 lower-case hexadecimal digits`);
  if (typeof r.day !== 'string' || !DAY.test(r.day) || Number.isNaN(Date.parse(r.day))) problems.push(`${path}.day should be a date written YYYY-MM-DD`);
  if (typeof r.cohort !== 'string' || !COHORT_PATTERN.test(r.cohort)) problems.push(`${path}.cohort should be up to 16 of A–Z, 0–9 and -`);
  if (r.anonymousCode !== null && (typeof r.anonymousCode !== 'string' || !ANONYMOUS_CODE_PATTERN.test(r.anonymousCode))) problems.push(`${path}.anonymousCode should be 1–12 letters or digits, or null`);
  if (!Array.isArray(r.answers) || r.answers.length > 255 || r.answers.some((a) => a !== null && !isWhole(a, 1, 7))) problems.push(`${path}.answers should be a list of answers from 1 to 7 or null`);
  const e = r.evaluation;
  if (e !== null) {
    const valid = isRecord(e) && Object.keys(e).length === 3 && [e.satisfaction, e.applicability].every((x) => x === null || isWhole(x, 1, 15)) && (e.recommend === null || isWhole(e.recommend, 0, 10));
    if (!valid) problems.push(`${path}.evaluation should be { satisfaction, applicability, recommend } or null`);
  }
  const commentLimit = r.source === 'code' || r.source === 'sealed-code' ? MAX_COMMENT_BYTES : MAX_FILE_COMMENT_LENGTH;
  if (r.comment !== null && (typeof r.comment !== 'string' || !r.comment || r.comment.length > commentLimit)) problems.push(`${path}.comment should be text of at most ${commentLimit} characters, or null`);
  if (!RESPONSE_SOURCES.includes(r.source as ResponseSource)) problems.push(`${path}.source should be one of ${RESPONSE_SOURCES.join(', ')}`);
  if (!isTime(r.importedAt)) problems.push(`${path}.importedAt should be a date and time such as 2026-11-23T09:30:00.000Z`);
  if (r.sessionId !== null && (typeof r.sessionId !== 'string' || !HEX12.test(r.sessionId))) problems.push(`${path}.sessionId should be 12 hexadecimal digits, or null`);
  if (problems.length === 0 && instrument) {
    const mismatch = instrumentMismatch(r as unknown as SurveyResponse, instrument);
    if (mismatch) problems.push(`${path}: ${mismatch}`);
  }
  return problems;
}

function summarise(problems: string[]): string {
  const shown = problems.slice(0, 5).join('; ');
  return problems.length > 5 ? `${shown}; and ${problems.length - 5} more problems` : shown;
}

/**
 * Reads a dataset backup (the file's text, or JSON already parsed). All or nothing: one bad response refuses
 * the whole file, with every problem listed. When one of `instruments` is the dataset's survey and version,
 * every response is also checked against it; a backup of another survey or version is read on its structure alone.
 */
export function parseDatasetBackup(input: string | unknown, instruments?: FileInstrument | readonly FileInstrument[]): DatasetBackupResult {
  const fail = (kind: DatasetBackupError['kind'], detail: string, problems?: string[]): DatasetBackupResult => ({ ok: false, error: { kind, detail, ...(problems ? { problems } : {}) } });
  let json = input;
  if (typeof input === 'string') {
    if (input.length > MAX_BACKUP_BYTES) return fail('too-large', `the file is larger than ${MAX_BACKUP_BYTES / 1024 / 1024} MB, so it cannot be a Bansō dataset backup`);
    try {
      json = JSON.parse(input.replace(/^\uFEFF/, ''));
    } catch {
      return fail('not-json', 'the file is not a Bansō dataset backup (it is not JSON text)');
    }
  }
  if (!isRecord(json) || json.format !== DATASET_FORMAT) return fail('not-a-dataset', `the file has no "format": "${DATASET_FORMAT}": it is not a Bansō dataset backup`);
  if (typeof json.version === 'number' && json.version > DATASET_VERSION) {
    return fail('newer-version', `it was written by a newer version of Bansō (dataset version ${json.version}; this site reads up to ${DATASET_VERSION})`);
  }
  const problems: string[] = [];
  if (json.version !== DATASET_VERSION) problems.push(`version should be ${DATASET_VERSION}`);
  const extra = Object.keys(json).filter((key) => !['format', 'version', 'id', 'name', 'createdAt', 'instrument', 'responses'].includes(key));
  problems.push(...extra.map((key) => `${key.slice(0, 40)} is not part of a dataset`));
  if (typeof json.id !== 'string' || !HEX12.test(json.id)) problems.push('id should be 12 lower-case hexadecimal digits');
  if (typeof json.name !== 'string' || !json.name.trim() || json.name.length > MAX_DATASET_NAME_LENGTH) problems.push(`name should be text of 1–${MAX_DATASET_NAME_LENGTH} characters`);
  if (!isTime(json.createdAt)) problems.push('createdAt should be a date and time such as 2026-11-23T09:30:00.000Z');
  const about = json.instrument;
  const aboutValid = isRecord(about) && typeof about.id === 'string' && isWhole(about.version, 1, 255);
  if (!aboutValid) problems.push('instrument should be { "id": text, "version": a whole number from 1 to 255 }');
  if (!Array.isArray(json.responses)) problems.push('responses should be a list');
  if (problems.length === 0 && aboutValid && Array.isArray(json.responses)) {
    const expected = { id: about.id as string, version: about.version as number };
    const known: readonly FileInstrument[] = instruments === undefined ? [] : Array.isArray(instruments) ? instruments : [instruments as FileInstrument];
    const checkWith = known.find((instrument) => instrument.id === expected.id && instrument.version === expected.version);
    const seen = new Set<string>();
    json.responses.forEach((response, index) => {
      const found = responseProblems(response, `responses[${index}]`, checkWith, expected);
      problems.push(...found);
      const id = (response as { responseId?: unknown }).responseId;
      if (found.length === 0 && typeof id === 'string') {
        if (seen.has(id)) problems.push(`responses[${index}].responseId ${id} appears twice`);
        seen.add(id);
      }
    });
  }
  if (problems.length > 0) return fail('invalid', summarise(problems), problems);
  return { ok: true, dataset: json as unknown as Dataset };
}
