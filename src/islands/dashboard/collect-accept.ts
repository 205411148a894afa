/**
 * Collect mode's step for one code: check it against the dataset as it is now (the import's usual checks), and
 * add it and save at once if it passes. All or nothing: a refused or unsaved code leaves the dataset unchanged.
 */
import type { AcceptOutcome } from '../../lib/dashboard/collect.ts';
import type { Dataset } from '../../lib/dashboard/dataset.ts';
import { applyBatch, importBatch } from '../../lib/dashboard/import-batch.ts';
import type { FileInstrument } from '../../lib/survey/response-file.ts';
import type { SessionKeyLookup } from '../../lib/survey/sealed.ts';
import type { SaveOutcome } from './dashboard-state.svelte.ts';

export interface AcceptContext {
  /** The dataset as it is now: it changes after each save. */
  dataset: () => Dataset;
  instrument: FileInstrument;
  lookup: SessionKeyLookup;
  save: (dataset: Dataset) => Promise<SaveOutcome>;
}

export async function acceptCode(code: string, context: AcceptContext): Promise<AcceptOutcome> {
  const dataset = context.dataset();
  const batch = await importBatch(dataset, [{ kind: 'text', label: 'QR', text: code }], { instrument: context.instrument, lookup: context.lookup });
  const rejected = batch.rejected[0];
  if (rejected) return { kind: 'rejected', reason: rejected.reason };
  const duplicate = batch.duplicates[0];
  if (duplicate) return { kind: 'already', responseId: duplicate.responseId };
  const response = batch.accepted[0];
  if (!response) return { kind: 'failed', reason: 'nothing to add' };
  const saved = await context.save(applyBatch(dataset, batch));
  return saved.ok ? { kind: 'added', responseId: response.responseId } : { kind: 'failed', reason: saved.reason };
}
