/**
 * One import into a dataset: pasted or scanned codes (plain BN1 or sealed BNX1) and response files (plain or
 * sealed), checked completely before anything changes. The result lists what would be accepted, what is already
 * there (a duplicate: the same response id in the dataset or earlier in the batch, as when a code is pasted
 * twice or a file follows its own code), and what is refused and why. Nothing is applied until the person
 * confirms: `applyBatch` then adds every accepted response at once, or the caller drops the result.
 *
 * A reason is a machine kind (for the page to translate) and an English detail (for logs and as a fallback).
 */
import { CODE_PREFIX, decodeResponse, type DecodeError, type SurveyResponse } from '../survey/response-code.ts';
import { openResponseFile, type FileInstrument, type OpenResponseFileError } from '../survey/response-file.ts';
import { isSealedCode, openSealedCode, type SealedCodeError, type SessionKeyLookup, type SessionKeys } from '../survey/sealed.ts';
import { DATASET_FORMAT, instrumentMismatch, type Dataset, type ResponseSource, type StoredResponse } from './dataset.ts';
import { decodeText } from './text-decoding.ts';
import { timeSlicer } from './time-slice.ts';

/** How many inputs are read at once: sealed ones wait on WebCrypto, which works off the main thread. */
const CONCURRENCY = 32;

/** A response file is a few kilobytes; a text file of codes one per line holds some 30,000 codes in this. */
export const MAX_RESPONSE_FILE_BYTES = 10 * 1024 * 1024;

export type RejectKind =
  // codes
  | 'empty'
  | 'not-a-code'
  | 'mistyped'
  | 'newer-codec'
  | 'malformed'
  // sealed codes and files
  | 'other-session'
  | 'tampered'
  // both
  | 'other-instrument'
  // files
  | 'too-large'
  | 'unreadable'
  | 'unreadable-encoding'
  | 'not-a-response-file'
  | 'newer-format'
  | 'excel-workbook'
  | 'csv-file'
  | 'dataset-backup'
  | 'session-key-backup'
  // CSV rows (csv-import.ts)
  | 'invalid-value'
  | 'wrong-cell-count';

/**
 * For "other-instrument", `version` is the version of this survey the input answers (null when it answers
 * another survey or cannot tell) and `datasetVersion` the version the dataset holds, so the page can say what to
 * do: import it into a dataset of its own version.
 */
export type RejectReason =
  | { kind: 'other-session'; sessionId: string; detail: string }
  | { kind: 'other-instrument'; detail: string; version: number | null; datasetVersion: number }
  /** For a file that is wrong inside ("malformed"), the key path of its first problem and the question it points at. */
  | { kind: Exclude<RejectKind, 'other-session' | 'other-instrument'>; detail: string; path?: string; item?: string };

export type BatchInput =
  /** A code: one pasted line, or the text of one scanned QR code. */
  | { kind: 'text'; label: string; text: string }
  /** A dropped or chosen file; pass the File itself (a Blob) so an oversized one is refused before it is read. */
  | { kind: 'file'; label: string; content: Blob | Uint8Array | string };

export interface Duplicate {
  label: string;
  responseId: string;
  /** "dataset": it is already in the dataset; "batch": it came earlier in this same batch. */
  where: 'dataset' | 'batch';
}

export interface Rejected {
  label: string;
  reason: RejectReason;
}

export interface BatchResult {
  /** The dataset the batch was checked against. */
  datasetId: string;
  accepted: StoredResponse[];
  duplicates: Duplicate[];
  rejected: Rejected[];
  /**
   * Duplicates that are fuller than the dataset's copy of the same response (a file's whole comment where the
   * code carried its first 120 bytes): applying the batch puts them in its place, so the count does not change.
   */
  fuller: StoredResponse[];
}

export interface BatchOptions {
  /** The site's instrument; it must be the dataset's survey and version. */
  instrument: FileInstrument;
  /** The facilitator's session keys in this browser, for sealed codes and files. */
  lookup: SessionKeyLookup;
  now?: Date;
  /** Cancels the check: importBatch then rejects with an AbortError and nothing has changed. */
  signal?: AbortSignal;
  /** Called as inputs are read, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
  /** The label of one line of a file of codes; translate it here. */
  lineLabel?: (fileLabel: string, line: number) => string;
}

/** What reading one input (or one line of it) gives: a response with its origin, or a reason. */
export type Outcome = { label: string; response: SurveyResponse; source: ResponseSource; sessionId: string | null } | { label: string; reason: RejectReason };

/** Each non-blank line of pasted text as a code input; `label` names a line (1-based) in the page's language. */
export function pastedCodes(text: string, label: (line: number) => string = (line) => `line ${line}`): BatchInput[] {
  return text.split(/\r\n|\r|\n/).flatMap((line, index) => (line.trim() ? [{ kind: 'text' as const, label: label(index + 1), text: line }] : []));
}

function codeReason(error: DecodeError | SealedCodeError): RejectReason {
  switch (error.kind) {
    case 'not-a-code':
    case 'not-a-sealed-code':
      return { kind: 'not-a-code', detail: `it does not start with ${CODE_PREFIX} or BNX1: it is not a survey response code` };
    case 'newer-codec':
      return { kind: 'newer-codec', detail: `it was made by a newer version of the kit (code version ${error.version}): update this site to read it` };
    case 'other-session':
      return { kind: 'other-session', sessionId: error.sessionId, detail: error.detail };
    default:
      return { kind: error.kind, detail: error.detail };
  }
}

function fileReason(error: OpenResponseFileError, instrument: FileInstrument): RejectReason {
  if (error.kind === 'other-session') return { kind: 'other-session', sessionId: error.sessionId, detail: error.detail };
  if (error.kind === 'other-instrument') return { kind: 'other-instrument', detail: error.detail, version: error.version ?? null, datasetVersion: instrument.version };
  // "invalid": the file is a response file, but something in it is wrong; the detail names every key path.
  return { ...error, kind: error.kind === 'invalid' ? 'malformed' : error.kind } as RejectReason;
}

/** A decoded response, or the reason it does not belong in a dataset of this instrument. */
function fitting(label: string, response: SurveyResponse, source: ResponseSource, sessionId: string | null, instrument: FileInstrument): Outcome {
  const mismatch = instrumentMismatch(response, instrument);
  if (!mismatch) return { label, response, source, sessionId };
  if (response.instrumentVersion !== instrument.version) {
    return { label, reason: { kind: 'other-instrument', detail: mismatch, version: response.instrumentVersion, datasetVersion: instrument.version } };
  }
  return { label, reason: { kind: 'malformed', detail: mismatch } };
}

async function readCode(label: string, text: string, instrument: FileInstrument, lookup: SessionKeyLookup): Promise<Outcome> {
  if (!text.trim()) return { label, reason: { kind: 'empty', detail: 'it is empty' } };
  if (isSealedCode(text)) {
    const opened = await openSealedCode(text, lookup);
    return opened.ok ? fitting(label, opened.response, 'sealed-code', opened.session.sessionId, instrument) : { label, reason: codeReason(opened.error) };
  }
  const decoded = decodeResponse(text);
  return decoded.ok ? fitting(label, decoded.response, 'code', null, instrument) : { label, reason: codeReason(decoded.error) };
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function readBytes(content: Blob | Uint8Array | string): Promise<Uint8Array | string> {
  return typeof content === 'string' || content instanceof Uint8Array ? content : new Uint8Array(await content.arrayBuffer());
}

/** The size of an input before it is read (a string counts its UTF-16 code units). */
export function sizeOf(content: Blob | Uint8Array | string): number {
  return typeof content === 'string' ? content.length : content instanceof Uint8Array ? content.length : content.size;
}

async function readFile(input: Extract<BatchInput, { kind: 'file' }>, options: BatchOptions, lookup: SessionKeyLookup, pace: () => Promise<void>): Promise<Outcome[]> {
  const { label } = input;
  const refuse = (kind: Exclude<RejectKind, 'other-session' | 'other-instrument'>, detail: string): Outcome[] => [{ label, reason: { kind, detail } }];
  const size = sizeOf(input.content);
  if (size > MAX_RESPONSE_FILE_BYTES) {
    return refuse('too-large', `the file is ${megabytes(size)}; a response file is at most ${megabytes(MAX_RESPONSE_FILE_BYTES)} (a CSV export from a forms tool goes through the CSV import)`);
  }
  let content: Uint8Array | string;
  try {
    content = await readBytes(input.content);
  } catch {
    return refuse('unreadable', 'the browser could not read the file (it may have been moved or changed since it was chosen)');
  }
  let text: string;
  if (typeof content === 'string') text = content;
  else {
    const decoded = decodeText(content);
    if (!decoded.ok) return refuse(decoded.error.kind === 'binary' ? 'not-a-response-file' : decoded.error.kind, decoded.error.detail);
    text = decoded.text;
  }
  text = text.replace(/^\uFEFF/, '');
  const start = text.trimStart();
  if (!start) return refuse('empty', 'the file is empty');

  if (start.startsWith('{')) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return refuse('not-a-response-file', 'it is not a survey response file (its text is not valid JSON)');
    }
    const format = (json as { format?: unknown }).format;
    if (format === DATASET_FORMAT) return refuse('dataset-backup', 'it is a dataset backup, not a response: restore it with "Import a dataset backup"');
    if (format === 'banso-session-key') return refuse('session-key-backup', 'it is a session key backup, not a response: restore it on the sessions page, then import the sealed responses');
    const opened = await openResponseFile(json, options.instrument, lookup);
    if (!opened.ok) return [{ label, reason: fileReason(opened.error, options.instrument) }];
    return [fitting(label, opened.response, opened.sessionId ? 'sealed-file' : 'file', opened.sessionId, options.instrument)];
  }

  // A text file of codes, one per line (as a chat or a spreadsheet column gives them), numbered as an editor does.
  const lines = text.split(/\r\n|\r|\n/);
  if (/^BN/i.test(start)) {
    const lineLabel = options.lineLabel ?? ((file, line) => `${file}, line ${line}`);
    const outcomes: Outcome[] = [];
    for (let first = 0; first < lines.length; first += CONCURRENCY) {
      await pace();
      const chunk = lines.slice(first, first + CONCURRENCY).map((line, offset) => (line.trim() ? readCode(lineLabel(label, first + offset + 1), line, options.instrument, lookup) : undefined));
      for (const outcome of await Promise.all(chunk)) if (outcome) outcomes.push(outcome);
    }
    return outcomes;
  }
  const header = lines.find((line) => line.trim()) ?? '';
  if (lines.length > 1 && /[,;\t]/.test(header)) return refuse('csv-file', 'it is a table (CSV): import it with "Import a CSV export", where its columns can be matched to the questions');
  return refuse('not-a-response-file', 'it is not a survey response file or a list of response codes');
}

/** Asks `lookup` once per session in a batch, however many responses name it (it may read IndexedDB). */
export function memoLookup(lookup: SessionKeyLookup): SessionKeyLookup {
  const known = new Map<string, Promise<SessionKeys | undefined>>();
  return (sessionId) => {
    let keys = known.get(sessionId);
    if (!keys) known.set(sessionId, (keys = Promise.resolve(lookup(sessionId))));
    return keys;
  };
}

/** Throws a RangeError unless the instrument is the dataset's: a dataset holds one survey version only. */
export function checkDatasetInstrument(dataset: Dataset, instrument: FileInstrument): void {
  if (dataset.instrument.id !== instrument.id || dataset.instrument.version !== instrument.version) {
    throw new RangeError(`dataset "${dataset.name}" holds responses to survey "${dataset.instrument.id}" version ${dataset.instrument.version}; this site's survey is "${instrument.id}" version ${instrument.version}`);
  }
}

/**
 * Whether `a` is the same response as `b` with more of it: a code carries only the first bytes of the comment,
 * its response file the whole comment, which then begins with the code's.
 */
function isFuller(a: SurveyResponse, b: SurveyResponse): boolean {
  const [mine, other] = [a.comment ?? '', b.comment ?? ''];
  return mine.length > other.length && mine.startsWith(other);
}

/**
 * Sorts outcomes, in input order, into accepted, duplicates and rejected. Of two copies of one response the
 * fuller is kept, whichever came first: in the batch it takes the earlier copy's place; against the dataset it
 * goes into `fuller`.
 */
export function sortOutcomes(dataset: Dataset, outcomes: Iterable<Outcome>, now: Date): BatchResult {
  const inDataset = new Map(dataset.responses.map((response) => [response.responseId, response]));
  const inBatch = new Map<string, number>();
  const fuller = new Map<string, StoredResponse>();
  const result: BatchResult = { datasetId: dataset.id, accepted: [], duplicates: [], rejected: [], fuller: [] };
  const importedAt = now.toISOString();
  for (const outcome of outcomes) {
    if ('reason' in outcome) {
      result.rejected.push({ label: outcome.label, reason: outcome.reason });
      continue;
    }
    const { responseId } = outcome.response;
    const stored: StoredResponse = { ...outcome.response, source: outcome.source, importedAt, sessionId: outcome.sessionId };
    const kept = inDataset.get(responseId);
    const at = inBatch.get(responseId);
    if (kept || at !== undefined) {
      result.duplicates.push({ label: outcome.label, responseId, where: kept ? 'dataset' : 'batch' });
      if (kept && isFuller(stored, fuller.get(responseId) ?? kept)) fuller.set(responseId, stored);
      else if (at !== undefined && isFuller(stored, result.accepted[at]!)) result.accepted[at] = stored;
      continue;
    }
    inBatch.set(responseId, result.accepted.length);
    result.accepted.push(stored);
  }
  result.fuller = [...fuller.values()];
  return result;
}

/**
 * Checks a batch of codes and files against a dataset; changes nothing. Throws a RangeError when the instrument
 * is not the dataset's, an AbortError when cancelled, and whatever `lookup` throws (a storage failure is not a
 * problem with any one input); every problem with an input is a reason in the result.
 */
export async function importBatch(dataset: Dataset, inputs: readonly BatchInput[], options: BatchOptions): Promise<BatchResult> {
  checkDatasetInstrument(dataset, options.instrument);
  const lookup = memoLookup(options.lookup);
  const pace = timeSlicer(options.signal);
  const outcomes: Outcome[][] = [];
  for (let start = 0; start < inputs.length; start += CONCURRENCY) {
    await pace();
    const chunk = inputs.slice(start, start + CONCURRENCY);
    outcomes.push(
      ...(await Promise.all(
        chunk.map(async (input) => (input.kind === 'text' ? [await readCode(input.label, input.text, options.instrument, lookup)] : readFile(input, options, lookup, pace))),
      )),
    );
    options.onProgress?.(Math.min(start + CONCURRENCY, inputs.length), inputs.length);
  }
  options.signal?.throwIfAborted();
  return sortOutcomes(dataset, outcomes.flat(), options.now ?? new Date());
}

/**
 * The dataset with every accepted response of a checked batch added; the dataset passed in is not changed.
 * Throws a RangeError when the batch was checked against another dataset, or when the dataset has gained any of
 * its responses since (another tab imported them): check the batch again rather than apply part of it.
 */
export function applyBatch(dataset: Dataset, result: BatchResult): Dataset {
  if (result.datasetId !== dataset.id) throw new RangeError(`the batch was checked against dataset ${result.datasetId}, not ${dataset.id}`);
  const present = new Set(dataset.responses.map((response) => response.responseId));
  const stale = result.accepted.filter((response) => present.has(response.responseId));
  if (stale.length > 0) throw new RangeError(`${stale.length} of the batch's responses are already in the dataset: check the batch again`);
  const fuller = new Map(result.fuller.map((response) => [response.responseId, response]));
  return { ...dataset, responses: [...dataset.responses.map((response) => fuller.get(response.responseId) ?? response), ...result.accepted] };
}
