/**
 * The participant's workbook in browser storage: one record per exercise, never lost silently.
 * - A save names the revision it started from; if another tab saved since, it is refused as a conflict.
 * - A full or blocked storage is reported, never ignored.
 * - An import is validated completely, then applied all at once; if writing fails midway, what was there is restored.
 * - A record that cannot be read is moved aside under a backup key rather than overwritten.
 */
import type { ExerciseField } from '../../schemas/exercise.ts';
import { checkAnswers, ENGLISH_ANSWER_PROBLEMS, isCalendarDay, type AnswerProblemWords, type Answers } from './answers.ts';
import { fill } from '../i18n/fill.ts';
import { WORKBOOK_FORMAT, WORKBOOK_VERSION, type ExerciseRecord, type WorkbookFile } from './format.ts';
import { migrate, NewerVersionError } from './migrations.ts';
import { storageFailureOf, type StorageFailure } from '../storage/failure.ts';

/** The part of the Web Storage API the workbook uses (localStorage, or a fake in tests). */
export interface KeyValueStorage {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const KEY_PREFIX = 'banso:exercise:';
const BACKUP_PREFIX = 'banso:unreadable:';
/** An import larger than this is refused before it is parsed. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

export type { StorageFailure };

export type SaveResult =
  | { status: 'saved'; record: ExerciseRecord }
  | { status: 'conflict'; stored: ExerciseRecord }
  | { status: 'failed'; reason: StorageFailure };

/**
 * The sentences that explain why a workbook file cannot be imported, as templates: English here, the page's
 * language from content/i18n (`workbookImport.*`). {{exercise}} is the exercise's title.
 */
export interface ImportProblemWords extends AnswerProblemWords {
  tooLarge: string;
  notJson: string;
  tooDeep: string;
  notWorkbook: string;
  noVersion: string;
  newer: string;
  extraKey: string;
  exportedAt: string;
  noExercises: string;
  unknownExercise: string;
  record: string;
  extraRecordKey: string;
  exerciseId: string;
  updatedAt: string;
  revision: string;
  inExercise: string;
}

export const ENGLISH_IMPORT_PROBLEMS: ImportProblemWords = {
  ...ENGLISH_ANSWER_PROBLEMS,
  tooLarge: 'the file is larger than {{mb}} MB, so it cannot be a Bansō workbook',
  notJson: 'the file is not a Bansō workbook (it is not JSON text)',
  tooDeep: 'the file is nested too deeply to be a Bansō workbook: it may be damaged',
  notWorkbook: 'the file is not a Bansō workbook (it lacks "format": "banso-workbook")',
  noVersion: 'the file has no valid format version ("version": 1 or 2)',
  newer: 'it was written by a newer version of Bansō (format version {{found}}; this site reads up to {{supported}})',
  extraKey: '"{{key}}" is not part of a workbook file: export the file again from My workbook',
  exportedAt: '"exportedAt" should be a date and time such as 2026-11-23T09:30:00.000Z',
  noExercises: 'the file has no exercises section',
  unknownExercise: '"{{exercise}}" is not an exercise on this site',
  record: '"{{exercise}}" should hold its answers and the time of its last change',
  extraRecordKey: 'in "{{exercise}}": "{{key}}" is not part of an exercise’s record',
  exerciseId: 'in "{{exercise}}": "exerciseId" should be "{{id}}"',
  updatedAt: 'in "{{exercise}}": the time of the last change should be a date and time from 2000 to today, such as 2026-11-23T09:30:00.000Z',
  revision: 'in "{{exercise}}": "revision" should be a whole number from 0 to 9007199254740991',
  inExercise: 'in "{{exercise}}": {{problem}}',
};

/** The keys of a workbook file and of one exercise in it; any other key refuses the file (the format guide says why). */
const FILE_KEYS = ['format', 'version', 'exportedAt', 'exercises'];
const RECORD_KEYS = ['exerciseId', 'answers', 'updatedAt', 'revision'];
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const EARLIEST_TIME = Date.UTC(2000, 0, 1);
const isTable = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);
/** A key from a file, short enough to quote in a sentence. */
const clip = (key: string) => (key.length > 60 ? `${key.slice(0, 60)}…` : key);

/** The revision in a stored record's text, also when the rest cannot be read; 0 when there is none. */
function revisionOf(raw: string | null): number {
  try {
    const revision = (JSON.parse(raw ?? 'null') as { revision?: unknown } | null)?.revision;
    return Number.isSafeInteger(revision) && (revision as number) >= 0 ? (revision as number) : 0;
  } catch {
    return 0;
  }
}

export type ImportCheck = { ok: true; file: WorkbookFile; exerciseCount: number } | { ok: false; problems: string[] };


export class WorkbookStore {
  constructor(
    private readonly storage: KeyValueStorage,
    /** Field definitions of every exercise on this site, by id. */
    private readonly exercises: ReadonlyMap<string, readonly ExerciseField[]>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Whether storage can be written at all (private modes and strict policies can block it). */
  probe(): StorageFailure | undefined {
    try {
      this.storage.setItem('banso:probe', '1');
      this.storage.removeItem('banso:probe');
      return undefined;
    } catch (error) {
      return storageFailureOf(error);
    }
  }

  load(exerciseId: string): ExerciseRecord | undefined {
    let raw: string | null;
    try {
      raw = this.storage.getItem(KEY_PREFIX + exerciseId);
    } catch {
      return undefined;
    }
    if (raw === null) return undefined;
    try {
      const record = migrate(JSON.parse(raw)) as unknown as ExerciseRecord;
      // Only the structure is required here. Answers that no longer fit the exercise (an organisation edited its
      // fields) are kept as they are: the form shows what still fits, and nothing a person wrote is thrown away.
      if (!record.answers || typeof record.answers !== 'object' || Array.isArray(record.answers)) throw new Error('no answers');
      // A revision that cannot grow (1e308, 2^53, stored by an import before they were refused) would hide every
      // conflict: count again from 0, so the next save stores 1 and other tabs notice it.
      if (!Number.isSafeInteger(record.revision) || record.revision < 0 || record.revision >= Number.MAX_SAFE_INTEGER) record.revision = 0;
      return record;
    } catch (error) {
      // Written by a newer kit: leave it exactly as it is for that kit to read.
      if (error instanceof NewerVersionError) throw error;
      // Unreadable: keep the text under a backup key, so a later version or a person can still recover it.
      try {
        this.storage.setItem(`${BACKUP_PREFIX}${exerciseId}:${this.now().toISOString()}`, raw);
        this.storage.removeItem(KEY_PREFIX + exerciseId);
      } catch {
        /* storage full: the original stays where it was */
      }
      return undefined;
    }
  }

  /** Save answers edited from `baseRevision` (0 for a first save). */
  save(exerciseId: string, answers: Answers, baseRevision: number): SaveResult {
    const stored = this.load(exerciseId);
    if (stored && stored.revision > baseRevision) return { status: 'conflict', stored };
    const record: ExerciseRecord = {
      version: WORKBOOK_VERSION,
      exerciseId,
      answers,
      updatedAt: this.now().toISOString(),
      revision: (stored?.revision ?? 0) + 1,
    };
    try {
      this.storage.setItem(KEY_PREFIX + exerciseId, JSON.stringify(record));
      return { status: 'saved', record };
    } catch (error) {
      return { status: 'failed', reason: storageFailureOf(error) };
    }
  }

  /** Every exercise with saved answers, for My workbook. */
  all(): ExerciseRecord[] {
    const records: ExerciseRecord[] = [];
    for (const id of this.exercises.keys()) {
      const record = this.load(id);
      if (record) records.push(record);
    }
    return records;
  }

  exportFile(): WorkbookFile {
    return {
      format: WORKBOOK_FORMAT,
      version: WORKBOOK_VERSION,
      exportedAt: this.now().toISOString(),
      exercises: Object.fromEntries(this.all().map(({ version: _version, ...record }) => [record.exerciseId, record])),
    };
  }

  /**
   * Validate an import completely; nothing is written, and nothing throws: any text gives a result, and every
   * refusal is a sentence in the language of `words` naming the exercise by `titles` (its id when not given).
   */
  checkImport(text: string, words: Partial<ImportProblemWords> = {}, titles: ReadonlyMap<string, string> = new Map()): ImportCheck {
    const all: ImportProblemWords = { ...ENGLISH_IMPORT_PROBLEMS, ...words };
    const refuse = (problem: string): ImportCheck => ({ ok: false, problems: [problem] });
    if (text.length > MAX_IMPORT_BYTES) return refuse(fill(all.tooLarge, { mb: MAX_IMPORT_BYTES / 1024 / 1024 }));
    let data: unknown;
    try {
      data = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (error) {
      // Some engines run out of stack on a file nested thousands of levels deep before they find anything wrong.
      return refuse(error instanceof RangeError ? all.tooDeep : all.notJson);
    }
    if (!isTable(data) || data.format !== WORKBOOK_FORMAT) return refuse(all.notWorkbook);
    const version = data.version;
    if (!Number.isSafeInteger(version) || (version as number) < 1) return refuse(all.noVersion);
    if ((version as number) > WORKBOOK_VERSION) return refuse(fill(all.newer, { found: version as number, supported: WORKBOOK_VERSION }));
    const extra = Object.keys(data).filter((key) => !FILE_KEYS.includes(key));
    if (extra.length > 0) return { ok: false, problems: extra.map((key) => fill(all.extraKey, { key: clip(key) })) };
    if (data.exportedAt !== undefined && !this.#isTime(data.exportedAt)) return refuse(all.exportedAt);
    if (!isTable(data.exercises)) return refuse(all.noExercises);
    let file: WorkbookFile;
    try {
      file = migrate(data) as unknown as WorkbookFile;
    } catch {
      return refuse(all.noVersion);
    }
    const problems: string[] = [];
    for (const [id, record] of Object.entries(file.exercises as unknown as Record<string, unknown>)) {
      const fields = this.exercises.get(id);
      const exercise = titles.get(id) ?? clip(id);
      if (!fields) {
        problems.push(fill(all.unknownExercise, { exercise }));
        continue;
      }
      if (!isTable(record)) {
        problems.push(fill(all.record, { exercise }));
        continue;
      }
      for (const key of Object.keys(record)) if (!RECORD_KEYS.includes(key)) problems.push(fill(all.extraRecordKey, { exercise, key: clip(key) }));
      if (record.exerciseId !== undefined && record.exerciseId !== id) problems.push(fill(all.exerciseId, { exercise, id }));
      if (!this.#isTime(record.updatedAt)) problems.push(fill(all.updatedAt, { exercise }));
      if (record.revision !== undefined && !(Number.isSafeInteger(record.revision) && (record.revision as number) >= 0)) problems.push(fill(all.revision, { exercise }));
      problems.push(...checkAnswers(fields, record.answers, all).map((problem) => fill(all.inExercise, { exercise, problem })));
    }
    return problems.length ? { ok: false, problems } : { ok: true, file, exerciseCount: Object.keys(file.exercises).length };
  }

  /** An ISO 8601 date and time that is a real moment from 2000 to a day after now (devices' clocks differ a little). */
  #isTime(value: unknown): boolean {
    if (typeof value !== 'string' || !ISO_TIME.test(value) || !isCalendarDay(value.slice(0, 10))) return false;
    const time = Date.parse(value);
    return time >= EARLIEST_TIME && time <= this.now().getTime() + 86_400_000;
  }

  /**
   * Apply a checked import. "merge" keeps, for each exercise, whichever of the two was changed last;
   * "replace" makes the workbook exactly the file. All or nothing: a failed write restores the previous state.
   */
  applyImport(file: WorkbookFile, mode: 'merge' | 'replace'): { status: 'imported'; changed: number } | { status: 'failed'; reason: StorageFailure } {
    const before = new Map<string, string | null>();
    for (const id of this.exercises.keys()) before.set(id, this.storage.getItem(KEY_PREFIX + id));
    let changed = 0;
    try {
      if (mode === 'replace') for (const id of this.exercises.keys()) this.storage.removeItem(KEY_PREFIX + id);
      for (const [id, incoming] of Object.entries(file.exercises)) {
        const current = mode === 'merge' ? this.load(id) : undefined;
        if (current && Date.parse(current.updatedAt) >= Date.parse(incoming.updatedAt)) continue;
        const record: ExerciseRecord = {
          version: WORKBOOK_VERSION,
          exerciseId: id,
          answers: incoming.answers,
          updatedAt: incoming.updatedAt,
          // The file's revision counted saves on another device: it says nothing about this one. Counting on from
          // what is stored here keeps every open tab's conflict check working (see save()).
          revision: revisionOf(before.get(id) ?? null) + 1,
        };
        this.storage.setItem(KEY_PREFIX + id, JSON.stringify(record));
        changed++;
      }
      return { status: 'imported', changed };
    } catch (error) {
      for (const [id, raw] of before) {
        try {
          if (raw === null) this.storage.removeItem(KEY_PREFIX + id);
          else this.storage.setItem(KEY_PREFIX + id, raw);
        } catch {
          /* restoring the same bytes that fitted before */
        }
      }
      return { status: 'failed', reason: storageFailureOf(error) };
    }
  }

  /** Erase every exercise's answers (and unreadable backups) from this browser. */
  eraseAll(): void {
    const keys: string[] = [];
    for (let index = 0; index < this.storage.length; index++) {
      const key = this.storage.key(index);
      if (key?.startsWith(KEY_PREFIX) || key?.startsWith(BACKUP_PREFIX)) keys.push(key);
    }
    for (const key of keys) this.storage.removeItem(key);
  }
}
