/**
 * The participant's workbook in browser storage: one record per exercise, never lost silently.
 * - A save names the revision it started from; if another tab saved since, it is refused as a conflict.
 * - A full or blocked storage is reported, never ignored.
 * - An import is validated completely, then applied all at once; if writing fails midway, what was there is restored.
 * - A record that cannot be read is moved aside under a backup key rather than overwritten.
 */
import type { ExerciseField } from '../../schemas/exercise.ts';
import { checkAnswers, type Answers, type RainbowProblemWords } from './answers.ts';
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

  /** Validate an import completely; nothing is written. `rainbowWords` explain rainbow problems in the page's language. */
  checkImport(text: string, rainbowWords?: RainbowProblemWords): ImportCheck {
    if (text.length > MAX_IMPORT_BYTES) return { ok: false, problems: [`the file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB, so it cannot be a Bansō workbook`] };
    let data: unknown;
    try {
      data = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch {
      return { ok: false, problems: ['the file is not a Bansō workbook (it is not JSON text)'] };
    }
    if (!data || typeof data !== 'object' || (data as { format?: unknown }).format !== WORKBOOK_FORMAT) {
      return { ok: false, problems: ['the file is not a Bansō workbook (it lacks "format": "banso-workbook")'] };
    }
    let file: WorkbookFile;
    try {
      file = migrate(data as Record<string, unknown>) as unknown as WorkbookFile;
    } catch (error) {
      return { ok: false, problems: [(error as Error).message] };
    }
    if (!file.exercises || typeof file.exercises !== 'object') return { ok: false, problems: ['the file has no exercises section'] };
    const problems: string[] = [];
    for (const [id, record] of Object.entries(file.exercises)) {
      const fields = this.exercises.get(id);
      if (!fields) {
        problems.push(`"${id}" is not an exercise on this site`);
        continue;
      }
      if (!record || typeof record !== 'object' || typeof record.updatedAt !== 'string' || Number.isNaN(Date.parse(record.updatedAt))) {
        problems.push(`"${id}" has no valid time of last change`);
        continue;
      }
      problems.push(...checkAnswers(fields, record.answers, rainbowWords).map((problem) => `in "${id}": ${problem}`));
    }
    return problems.length ? { ok: false, problems } : { ok: true, file, exerciseCount: Object.keys(file.exercises).length };
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
          revision: Math.max(current?.revision ?? 0, Number(incoming.revision) || 0) + 1,
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
