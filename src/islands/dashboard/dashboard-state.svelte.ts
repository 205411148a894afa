/**
 * The dashboard's datasets in this browser: the list, the one on screen with the revision it was read at, and
 * saves that are refused (and reloaded) when another tab changed the dataset in the meantime.
 */
import { createDataset, type Dataset, type DatasetInstrument } from '../../lib/dashboard/dataset.ts';
import { DatasetStore, type DatasetSummary, type StorageFailure } from '../../lib/dashboard/dataset-store.ts';
import { durability } from '../shared/durability.svelte.ts';

export type SaveOutcome = { ok: true } | { ok: false; reason: StorageFailure | 'conflict' };

export class DashboardState {
  store: DatasetStore | null = $state.raw(null);
  unavailable = $state(false);
  summaries: DatasetSummary[] = $state.raw([]);
  dataset: Dataset | null = $state.raw(null);
  /** The stored revision of the dataset on screen: the analysis worker reads this one. */
  revision = $state(0);

  constructor(private readonly instrument: DatasetInstrument) {}

  async open(): Promise<void> {
    try {
      this.store = await DatasetStore.open();
      this.summaries = await this.store.list();
      const first = this.summaries.find((s) => s.instrument.id === this.instrument.id);
      if (first) await this.select(first.id);
    } catch {
      this.unavailable = true;
    }
  }

  async select(id: string): Promise<void> {
    const found = await this.store?.get(id);
    this.dataset = found?.dataset ?? null;
    this.revision = found?.revision ?? 0;
  }

  /** Saves the dataset whole; on a conflict the stored version is loaded so nothing is overwritten. */
  async save(dataset: Dataset, isNew = false): Promise<SaveOutcome> {
    if (!this.store) return { ok: false, reason: 'unavailable' };
    // Every save follows something the facilitator did (an import, a new dataset, a restore): the moment to ask.
    durability.askPersistence();
    const result = await this.store.save(dataset, isNew ? 0 : this.revision);
    if (result.status === 'saved') {
      this.dataset = dataset;
      this.revision = result.summary.revision;
      this.summaries = await this.store.list();
      return { ok: true };
    }
    if (result.status === 'conflict') {
      this.summaries = await this.store.list();
      if (this.dataset) await this.select(this.dataset.id);
      return { ok: false, reason: 'conflict' };
    }
    return { ok: false, reason: result.reason };
  }

  /** A new dataset for the current survey, or for an earlier version whose responses are to be kept apart. */
  create(name: string, instrument: DatasetInstrument = this.instrument): Promise<SaveOutcome> {
    return this.save(createDataset(name, instrument), true);
  }

  async remove(id: string): Promise<void> {
    await this.store?.delete(id);
    this.summaries = (await this.store?.list()) ?? [];
    if (this.dataset?.id === id) {
      const next = this.summaries[0];
      if (next) await this.select(next.id);
      else this.dataset = null;
    }
  }
}
