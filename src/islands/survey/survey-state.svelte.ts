/** The participant's survey in this browser: the draft autosaves on every change; finished responses are kept for the report. */
import type { KeyValueStorage } from '../../lib/workbook/store.ts';
import { storageFailureOf, type StorageFailure } from '../../lib/storage/failure.ts';
import { DRAFT_KEY, emptyDraft, restoreDraft, type SurveyDraft } from '../../lib/survey/draft.ts';
import { parseResults, RESULTS_KEY, withResult, type StoredResult } from '../../lib/survey/results.ts';
import type { LocalisedInstrument } from '../../lib/survey/localise.ts';
import type { Wave } from '../../lib/survey/response-code.ts';
import { SEALED_HANDOVERS_KEY } from '../../lib/survey/sealed-handover.ts';


export interface SurveyPreset {
  wave: Wave | null;
  cohort: string;
  session: string | null;
}

export class SurveyState {
  draft: SurveyDraft = $state()!;
  results: StoredResult[] = $state.raw([]);
  /** Why the last save failed; answers on screen are kept either way. */
  failure: StorageFailure | null = $state(null);
  /** When the draft was restored from an earlier visit, the time it was saved. */
  resumedFrom: string | null = $state(null);

  constructor(
    private readonly instrument: LocalisedInstrument,
    private readonly storage: KeyValueStorage,
    private readonly preset: SurveyPreset,
  ) {
    this.results = parseResults(this.read(RESULTS_KEY));
    const stored = this.read(DRAFT_KEY);
    let restored: SurveyDraft | undefined;
    try {
      restored = stored ? restoreDraft(JSON.parse(stored), instrument) : undefined;
    } catch {
      restored = undefined;
    }
    // A draft from another session link is not mixed with this one: the new link starts a new response.
    if (restored && (preset.session === null || restored.session === preset.session) && this.hasContent(restored)) {
      this.draft = restored;
      this.resumedFrom = restored.updatedAt;
    } else {
      this.draft = this.fresh();
    }
  }

  private fresh(): SurveyDraft {
    return emptyDraft(this.instrument, new Date(), this.preset);
  }

  private hasContent(draft: SurveyDraft): boolean {
    return draft.role !== null || Object.keys(draft.answers).length > 0;
  }

  private read(key: string): string | null {
    try {
      return this.storage.getItem(key);
    } catch {
      return null;
    }
  }

  private write(key: string, value: string | null): boolean {
    try {
      if (value === null) this.storage.removeItem(key);
      else this.storage.setItem(key, value);
      this.failure = null;
      return true;
    } catch (error) {
      this.failure = storageFailureOf(error);
      return false;
    }
  }

  /** Save after every change: a draft is about a kilobyte, so there is nothing to gain by waiting. */
  changed() {
    this.draft.updatedAt = new Date().toISOString();
    this.write(DRAFT_KEY, JSON.stringify(this.draft));
  }

  get started(): boolean {
    return this.hasContent(this.draft);
  }

  /** Keep the finished response and clear the draft. Returns the stored result even if saving failed. */
  finish(result: StoredResult): StoredResult {
    const results = withResult(this.results, result);
    if (this.write(RESULTS_KEY, JSON.stringify(results))) this.write(DRAFT_KEY, null);
    this.results = results;
    this.draft = this.fresh();
    this.resumedFrom = null;
    return result;
  }

  startOver() {
    this.write(DRAFT_KEY, null);
    this.draft = this.fresh();
    this.resumedFrom = null;
  }

  forgetAll() {
    this.write(RESULTS_KEY, null);
    this.write(DRAFT_KEY, null);
    // The sealed copies of handed-over codes belong to the results: "forget" removes them too.
    this.write(SEALED_HANDOVERS_KEY, null);
    this.results = [];
    this.draft = this.fresh();
    this.resumedFrom = null;
  }
}
