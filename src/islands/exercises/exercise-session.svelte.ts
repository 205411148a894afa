/**
 * One exercise being edited: answers, autosave (debounced), and what happens when another tab saves too.
 * The visible status drives the "saved" indicator; a conflict or a storage failure is shown, never swallowed.
 */
import type { ExerciseRecord } from '../../lib/workbook/format.ts';
import type { Answers } from '../../lib/workbook/answers.ts';
import { KEY_PREFIX, type StorageFailure, type WorkbookStore } from '../../lib/workbook/store.ts';
import { NewerVersionError } from '../../lib/workbook/migrations.ts';

export type SaveStatus = 'empty' | 'unsaved' | 'saved' | 'conflict' | 'failed' | 'newer';

const AUTOSAVE_DELAY_MS = 600;

export class ExerciseSession {
  answers = $state<Answers>({});
  status = $state<SaveStatus>('empty');
  failure = $state<StorageFailure | undefined>();
  /** The newer version another tab saved, while this tab holds unsaved edits. */
  conflicting = $state.raw<ExerciseRecord | undefined>();
  savedAt = $state<string | undefined>();
  #revision = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly store: WorkbookStore,
    readonly exerciseId: string,
  ) {
    this.#reload();
  }

  #reload() {
    try {
      const record = this.store.load(this.exerciseId);
      this.answers = record ? structuredClone(record.answers) : {};
      this.#revision = record?.revision ?? 0;
      this.savedAt = record?.updatedAt;
      this.status = record ? 'saved' : 'empty';
    } catch (error) {
      if (error instanceof NewerVersionError) this.status = 'newer';
      else throw error;
    }
  }

  /** Call after any edit to `answers`. */
  changed() {
    if (this.status === 'newer') return;
    this.status = this.status === 'conflict' ? 'conflict' : 'unsaved';
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.saveNow(), AUTOSAVE_DELAY_MS);
  }

  saveNow() {
    clearTimeout(this.#timer);
    if (this.status === 'conflict' || this.status === 'newer') return;
    const result = this.store.save(this.exerciseId, $state.snapshot(this.answers) as Answers, this.#revision);
    if (result.status === 'saved') {
      this.#revision = result.record.revision;
      this.savedAt = result.record.updatedAt;
      this.failure = undefined;
      this.status = 'saved';
    } else if (result.status === 'conflict') {
      this.conflicting = result.stored;
      this.status = 'conflict';
    } else {
      this.failure = result.reason;
      this.status = 'failed';
    }
  }

  /** Another tab wrote this exercise: follow it, unless this tab has edits of its own. */
  storageChanged(key: string | null) {
    if (key !== null && key !== KEY_PREFIX + this.exerciseId) return;
    if (this.status === 'unsaved' || this.status === 'failed') {
      const stored = this.store.load(this.exerciseId);
      if (stored && stored.revision > this.#revision) {
        clearTimeout(this.#timer);
        this.conflicting = stored;
        this.status = 'conflict';
      }
      return;
    }
    if (this.status !== 'conflict') this.#reload();
  }

  /** Resolve a conflict by keeping what is on this screen. */
  keepMine() {
    if (!this.conflicting) return;
    this.#revision = this.conflicting.revision;
    this.conflicting = undefined;
    this.status = 'unsaved';
    this.saveNow();
  }

  /** Resolve a conflict by taking the other tab's version. */
  takeTheirs() {
    this.conflicting = undefined;
    this.#reload();
  }
}
