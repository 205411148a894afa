/**
 * One exercise being edited: answers, autosave (debounced), and what happens when another tab saves too.
 * The visible status drives the "saved" indicator; a conflict or a storage failure is shown, never swallowed.
 */
import type { ExerciseRecord } from '../../lib/workbook/format.ts';
import type { Answers } from '../../lib/workbook/answers.ts';
import { KEY_PREFIX, type StorageFailure, type WorkbookStore } from '../../lib/workbook/store.ts';
import { NewerVersionError } from '../../lib/workbook/migrations.ts';
import { mergeAnswers, sameValue } from '../../lib/workbook/merge.ts';

export type SaveStatus = 'empty' | 'unsaved' | 'saved' | 'conflict' | 'failed' | 'newer';

/**
 * How long typing may pause before the answers are saved. Short, because a tab that crashes (or a phone that
 * discards it) saves nothing more; leaving the page or switching away saves at once (ExerciseIsland).
 * A save of the learning journal with 200 entries costs about a millisecond (npm run bench:journal).
 */
export const AUTOSAVE_DELAY_MS = 250;

export class ExerciseSession {
  answers = $state<Answers>({});
  status = $state<SaveStatus>('empty');
  failure = $state<StorageFailure | undefined>();
  /** The newer version another tab saved, while this tab holds unsaved edits to the same fields. */
  conflicting = $state.raw<ExerciseRecord | undefined>();
  /** Ids of the fields both tabs changed, still to be settled one by one (keepMine / takeTheirs). */
  conflicts = $state<string[]>([]);
  savedAt = $state<string | undefined>();
  #revision = 0;
  /** The answers as this tab loaded or last saved them: the common ancestor of a three-way merge. */
  #base: Answers = {};
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
      this.#base = record ? structuredClone(record.answers) : {};
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
    const answers = $state.snapshot(this.answers) as Answers;
    const result = this.store.save(this.exerciseId, answers, this.#revision);
    if (result.status === 'saved') {
      this.#revision = result.record.revision;
      this.#base = answers;
      this.savedAt = result.record.updatedAt;
      this.failure = undefined;
      this.status = 'saved';
    } else if (result.status === 'conflict') {
      this.#merge(result.stored);
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
        this.#merge(stored);
      }
      return;
    }
    if (this.status !== 'conflict') this.#reload();
    // Another save while a conflict is open: settle the remaining fields against the newest version instead.
    else {
      const stored = this.store.load(this.exerciseId);
      if (stored && this.conflicting && stored.revision > this.conflicting.revision) this.#merge(stored);
    }
  }

  /**
   * Another tab saved `theirs` since this tab loaded: take every field only one side changed, and save at once
   * when no field was changed on both; otherwise ask about those fields, one by one.
   */
  #merge(theirs: ExerciseRecord) {
    const mine = $state.snapshot(this.answers) as Answers;
    const found = mergeAnswers(this.#base, mine, theirs.answers);
    const { merged } = found;
    // Fields still waiting for the person's choice stay in question unless the other tab now agrees with this one.
    const conflicts = [...new Set([...this.conflicts.filter((id) => !sameValue(mine[id], theirs.answers[id])), ...found.conflicts])];
    this.answers = merged;
    this.#base = structuredClone(theirs.answers);
    this.#revision = theirs.revision;
    this.conflicting = conflicts.length > 0 ? theirs : undefined;
    this.conflicts = conflicts;
    this.status = conflicts.length > 0 ? 'conflict' : 'unsaved';
    if (conflicts.length === 0) this.saveNow();
  }

  #settle(fieldId: string) {
    this.conflicts = this.conflicts.filter((id) => id !== fieldId);
    if (this.conflicts.length > 0) return;
    this.conflicting = undefined;
    this.status = 'unsaved';
    this.saveNow();
  }

  /** Settle one field changed in both tabs by keeping what is on this screen. */
  keepMine(fieldId: string) {
    this.#settle(fieldId);
  }

  /** Settle one field changed in both tabs by taking the other tab's value. */
  takeTheirs(fieldId: string) {
    const theirs = this.conflicting?.answers[fieldId];
    if (theirs === undefined) delete this.answers[fieldId];
    else this.answers[fieldId] = structuredClone(theirs);
    this.#settle(fieldId);
  }
}
