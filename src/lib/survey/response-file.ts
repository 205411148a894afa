/**
 * The survey response file, version 1: the JSON file a participant downloads to hand over a response in full
 * (a code carries only the first 120 bytes of the comment). Ids rather than indices, so other tools can read
 * it without the instrument's order. Through a session link, the whole file is sealed to the session instead.
 * Documented in the guide "Survey response formats"; change it only by adding a version.
 */
import { fromBase64url } from './base64url.ts';
import { ANONYMOUS_CODE_PATTERN, COHORT_PATTERN, WAVES, type SurveyResponse, type Wave } from './response-code.ts';
import { openBytes, sessionMismatch, type SessionKeyLookup } from './sealed.ts';

export const RESPONSE_FILE_FORMAT = 'banso-survey-response';
export const RESPONSE_FILE_VERSION = 1;
/** In UTF-16 code units, as a textarea's maxlength counts. */
export const MAX_FILE_COMMENT_LENGTH = 2000;
/** Far more than a sealed file of version 1 can need; refuses absurd input before decoding it. */
const MAX_SEALED_DATA = 100_000;

/** The parts of an instrument the file reads, so both the full and the localised instrument will do. */
export interface FileInstrument {
  id: string;
  version: number;
  response: { min: number; max: number };
  scales: readonly { roles?: readonly string[] | undefined; items: readonly { id: string }[] }[];
  roles: readonly { id: string }[];
  careerStages: readonly { id: string }[];
}

export interface ResponseFileBody {
  responseId: string;
  day: string;
  wave: Wave;
  cohort: string;
  anonymousCode: string | null;
  /** A role id from the instrument. */
  role: string;
  /** A career stage id from the instrument, or null. */
  careerStage: string | null;
  /** By item id; null, or left out, when not answered. */
  answers: Record<string, number | null>;
  evaluation: SurveyResponse['evaluation'];
  comment: string | null;
}

export interface ResponseFile {
  format: typeof RESPONSE_FILE_FORMAT;
  version: typeof RESPONSE_FILE_VERSION;
  instrument: { id: string; version: number };
  response: ResponseFileBody;
}

export interface SealedResponseFile {
  format: typeof RESPONSE_FILE_FORMAT;
  version: typeof RESPONSE_FILE_VERSION;
  /** data: base64url of sealBytes(UTF-8 JSON of the plain ResponseFile). */
  sealed: { sessionId: string; data: string };
}

type FileProblem = 'not-a-response-file' | 'newer-format' | 'other-instrument' | 'invalid';
/**
 * For "other-instrument", `version` is the survey version the file answers, when it is this survey. For
 * "invalid", `path` is the key path of the first problem (`response.answers.ca3`) and `item` the id of the
 * question it points at, if it does, so the page can name the question in its own words.
 */
export type ResponseFileError = { kind: FileProblem; detail: string; version?: number; path?: string; item?: string } | { kind: 'sealed'; sessionId: string; detail: string };
export type ResponseFileResult = { ok: true; response: SurveyResponse } | { ok: false; error: ResponseFileError };
export type OpenResponseFileError = { kind: FileProblem | 'tampered'; detail: string; version?: number; path?: string; item?: string } | { kind: 'other-session'; sessionId: string; detail: string };
export type OpenResponseFileResult = { ok: true; response: SurveyResponse; sessionId: string | null } | { ok: false; error: OpenResponseFileError };

const HEX12 = /^[0-9a-f]{12}$/;
const FIRST_DAY = '2024-01-01';
/** The last day a plain code can carry (65,535 days on), so every file response also fits a code. */
const LAST_DAY = new Date(Date.UTC(2024, 0, 1) + 0xffff * 86_400_000).toISOString().slice(0, 10);
const RESPONSE_KEYS = ['responseId', 'day', 'wave', 'cohort', 'anonymousCode', 'role', 'careerStage', 'answers', 'evaluation', 'comment'];
const EVALUATION_KEYS = ['satisfaction', 'applicability', 'recommend'] as const;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const keyPath = (key: string) => (/^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key.slice(0, 40))}]`);
const quoted = (ids: readonly string[]) => ids.map((id) => `"${id}"`).join(', ');
export const itemsOf = (instrument: FileInstrument) => instrument.scales.flatMap((scale) => scale.items.map((item) => item.id));

function isDay(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || value < FIRST_DAY || value > LAST_DAY) return false;
  return new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value; // rejects 2026-02-30
}

const isWhole = (value: unknown, min: number, max: number) => Number.isInteger(value) && (value as number) >= min && (value as number) <= max;

/** The response in a file, or every problem with it, each naming its key path. */
export function readResponse(value: unknown, instrument: FileInstrument): { response: SurveyResponse } | { problems: string[] } {
  if (!isRecord(value)) return { problems: ['response should be an object holding the answers'] };
  const problems = Object.keys(value)
    .filter((key) => !RESPONSE_KEYS.includes(key))
    .map((key) => `response${keyPath(key)} is not part of a response`);
  const { min, max } = instrument.response;
  const roleIds = instrument.roles.map((role) => role.id);
  const stageIds = instrument.careerStages.map((stage) => stage.id);
  const { responseId, day, wave, cohort, anonymousCode = null, role, careerStage = null, answers, evaluation = null, comment = null } = value;

  if (typeof responseId !== 'string' || !HEX12.test(responseId)) problems.push('response.responseId should be 12 lower-case hexadecimal digits, such as "0a1b2c3d4e5f"');
  if (!isDay(day)) problems.push(`response.day should be a date from ${FIRST_DAY} to ${LAST_DAY}, written YYYY-MM-DD`);
  if (!WAVES.includes(wave as Wave)) problems.push(`response.wave should be one of ${quoted(WAVES)}`);
  if (typeof cohort !== 'string' || !COHORT_PATTERN.test(cohort)) problems.push('response.cohort should be up to 16 of A–Z, 0–9 and - (it may be "")');
  if (anonymousCode !== null && (typeof anonymousCode !== 'string' || !ANONYMOUS_CODE_PATTERN.test(anonymousCode))) problems.push('response.anonymousCode should be 1–12 letters or digits, or null');
  if (!roleIds.includes(role as string)) problems.push(`response.role should be one of ${quoted(roleIds)}`);
  if (careerStage !== null && !stageIds.includes(careerStage as string)) problems.push(`response.careerStage should be one of ${quoted(stageIds)}, or null`);

  const itemIds = itemsOf(instrument);
  const answerList: (number | null)[] = itemIds.map(() => null);
  if (!isRecord(answers)) problems.push('response.answers should be an object from item ids to answers');
  else {
    const index = new Map(itemIds.map((id, at) => [id, at]));
    for (const [id, answer] of Object.entries(answers)) {
      const at = index.get(id);
      if (at === undefined) problems.push(`response.answers${keyPath(id)} is not an item of survey "${instrument.id}" version ${instrument.version}`);
      else if (answer !== null && !isWhole(answer, min, max)) problems.push(`response.answers${keyPath(id)} should be a whole number from ${min} to ${max}, or null`);
      else answerList[at] = answer as number | null;
    }
  }

  let ratings: SurveyResponse['evaluation'] = null;
  if (evaluation !== null && !isRecord(evaluation)) problems.push('response.evaluation should be an object with satisfaction, applicability and recommend, or null');
  else if (evaluation) {
    for (const key of Object.keys(evaluation)) {
      if (!(EVALUATION_KEYS as readonly string[]).includes(key)) problems.push(`response.evaluation${keyPath(key)} is not part of the evaluation`);
    }
    const { satisfaction = null, applicability = null, recommend = null } = evaluation;
    if (satisfaction !== null && !isWhole(satisfaction, min, max)) problems.push(`response.evaluation.satisfaction should be a whole number from ${min} to ${max}, or null`);
    if (applicability !== null && !isWhole(applicability, min, max)) problems.push(`response.evaluation.applicability should be a whole number from ${min} to ${max}, or null`);
    if (recommend !== null && !isWhole(recommend, 0, 10)) problems.push('response.evaluation.recommend should be a whole number from 0 to 10, or null');
    ratings = { satisfaction, applicability, recommend } as SurveyResponse['evaluation'];
  }
  if (comment !== null && (typeof comment !== 'string' || comment.length > MAX_FILE_COMMENT_LENGTH)) problems.push(`response.comment should be text of at most ${MAX_FILE_COMMENT_LENGTH} characters, or null`);

  if (problems.length > 0) return { problems };
  return {
    response: {
      instrumentVersion: instrument.version,
      wave: wave as Wave,
      role: roleIds.indexOf(role as string),
      stage: careerStage === null ? null : stageIds.indexOf(careerStage as string),
      responseId: responseId as string,
      day: day as string,
      cohort: cohort as string,
      anonymousCode: anonymousCode as string | null,
      answers: answerList,
      evaluation: ratings,
      comment: (comment as string | null) || null,
    },
  };
}

function summarise(problems: string[]): string {
  const shown = problems.slice(0, 5).join('; ');
  return problems.length > 5 ? `${shown}; and ${problems.length - 5} more problems` : shown;
}

type Envelope =
  | { kind: 'plain'; file: Record<string, unknown> }
  | { kind: 'sealed'; sessionId: string; data: Uint8Array<ArrayBuffer> }
  | { kind: 'error'; error: ResponseFileError };

/** Every problem's sentence begins with its key path ("response.day should be …"). */
const pathOf = (problem: string) => problem.slice(0, problem.indexOf(' '));

/** An "invalid" error for problems, naming the first one's key path and, for an answer, its question. */
function invalid(problems: string[], instrument?: FileInstrument): ResponseFileError {
  const path = pathOf(problems[0]!);
  const item = instrument && itemsOf(instrument).find((id) => path === `response.answers.${id}`);
  return { kind: 'invalid', detail: summarise(problems), path, ...(item ? { item } : {}) };
}

function readEnvelope(json: unknown): Envelope {
  const fail = (kind: FileProblem, detail: string): Envelope => ({ kind: 'error', error: kind === 'invalid' ? invalid([detail]) : { kind, detail } });
  if (!isRecord(json) || json.format !== RESPONSE_FILE_FORMAT) return fail('not-a-response-file', `it has no "format": "${RESPONSE_FILE_FORMAT}": it is not a survey response file`);
  if (typeof json.version === 'number' && json.version > RESPONSE_FILE_VERSION) return fail('newer-format', `it was written by a newer version of the kit (file version ${json.version}); this site reads version ${RESPONSE_FILE_VERSION}`);
  if (json.version !== RESPONSE_FILE_VERSION) return fail('invalid', `version should be ${RESPONSE_FILE_VERSION}`);
  if (!('sealed' in json)) return { kind: 'plain', file: json };
  const extra = Object.keys(json).filter((key) => !['format', 'version', 'sealed'].includes(key));
  if (extra.length > 0) return fail('invalid', `${extra.map((key) => keyPath(key).replace(/^\./, '')).join(', ')} should not be next to "sealed"`);
  const sealed = json.sealed;
  if (!isRecord(sealed) || typeof sealed.sessionId !== 'string' || !HEX12.test(sealed.sessionId)) return fail('invalid', 'sealed.sessionId should be 12 hexadecimal digits');
  const data = typeof sealed.data === 'string' && sealed.data.length <= MAX_SEALED_DATA ? fromBase64url(sealed.data) : undefined;
  if (!data) return fail('invalid', `sealed.data should be base64url text of at most ${MAX_SEALED_DATA} characters`);
  return { kind: 'sealed', sessionId: sealed.sessionId, data };
}

function readPlainFile(file: Record<string, unknown>, instrument: FileInstrument): ResponseFileResult {
  const fail = (kind: FileProblem, detail: string): ResponseFileResult => ({ ok: false, error: kind === 'invalid' ? invalid([detail]) : { kind, detail } });
  const extra = Object.keys(file).filter((key) => !['format', 'version', 'instrument', 'response'].includes(key));
  if (extra.length > 0) return fail('invalid', `${extra.map((key) => keyPath(key).replace(/^\./, '')).join(', ')} is not part of a response file`);
  const about = file.instrument;
  if (!isRecord(about) || typeof about.id !== 'string' || !Number.isInteger(about.version)) return fail('invalid', 'instrument should be { "id": text, "version": a whole number }');
  if (about.id !== instrument.id || about.version !== instrument.version) {
    const detail = `it answers survey "${about.id.slice(0, 60)}" version ${about.version}, but the survey expected is "${instrument.id}" version ${instrument.version}`;
    return { ok: false, error: { kind: 'other-instrument', detail, ...(about.id === instrument.id ? { version: about.version as number } : {}) } };
  }
  const read = readResponse(file.response, instrument);
  return 'problems' in read ? { ok: false, error: invalid(read.problems, instrument) } : { ok: true, response: read.response };
}

/** Reads a plain response file (already parsed from JSON); every failure is a typed error. */
export function parseResponseFile(json: unknown, instrument: FileInstrument): ResponseFileResult {
  const envelope = readEnvelope(json);
  if (envelope.kind === 'error') return { ok: false, error: envelope.error };
  if (envelope.kind === 'sealed') {
    return { ok: false, error: { kind: 'sealed', sessionId: envelope.sessionId, detail: `it is sealed for session ${envelope.sessionId}: only that session's key can open it` } };
  }
  return readPlainFile(envelope.file, instrument);
}

/**
 * Reads a plain or sealed response file (already parsed from JSON) with the session keys this browser holds;
 * sessionId is null for a plain file. Every failure is a typed error; only an error thrown by `lookup` is passed on.
 */
export async function openResponseFile(json: unknown, instrument: FileInstrument, lookup: SessionKeyLookup): Promise<OpenResponseFileResult> {
  const fail = (kind: FileProblem | 'tampered', detail: string): OpenResponseFileResult => ({ ok: false, error: { kind, detail } });
  const envelope = readEnvelope(json);
  if (envelope.kind === 'error') return envelope.error.kind === 'sealed' ? fail('invalid', envelope.error.detail) : { ok: false, error: envelope.error };
  if (envelope.kind === 'plain') {
    const plain = readPlainFile(envelope.file, instrument);
    return plain.ok ? { ...plain, sessionId: null } : (plain as { ok: false; error: OpenResponseFileError });
  }
  const opened = await openBytes(envelope.data, lookup);
  if (!opened.ok) {
    const { error } = opened;
    if (error.kind === 'other-session' || error.kind === 'tampered') return { ok: false, error };
    return error.kind === 'newer-codec' ? fail('newer-format', error.detail) : fail('invalid', `sealed.data: ${error.detail}`);
  }
  const sessionId = opened.session.sessionId;
  if (sessionId !== envelope.sessionId) return fail('invalid', `sealed.sessionId says ${envelope.sessionId}, but the data was sealed for session ${sessionId}`);
  let inner: unknown;
  try {
    inner = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(opened.bytes));
  } catch {
    return fail('invalid', 'sealed.data does not hold a JSON response file');
  }
  const result = parseResponseFile(inner, instrument);
  if (!result.ok) return result.error.kind === 'sealed' ? fail('invalid', 'sealed.data holds another sealed file') : { ok: false, error: { ...result.error, detail: `inside the sealed data, ${result.error.detail}` } };
  const mismatch = sessionMismatch(result.response, opened.session);
  return mismatch ? fail('invalid', mismatch) : { ok: true, response: result.response, sessionId };
}
