/**
 * The facilitator's datasets in this browser's IndexedDB, and saved CSV column mappings. A database of its own
 * ("banso-dashboard"), apart from the session keys ("banso-facilitator"), so neither has to know the other's
 * schema versions.
 *
 * A dataset is two records: a summary (name, counts; what the list of datasets shows) and one record holding
 * all its responses as a single array. The dashboard always needs every response of a dataset at once (the
 * statistics run over all of them), and reading one array of 20,000 is one structured clone, where 20,000
 * records would be 20,000 cursor steps or a getAll over a much larger index. Writes are rare (an import, a
 * restore) and must be all or nothing anyway: both records are written in one transaction, so a failed or
 * interrupted write leaves the previous dataset whole.
 *
 * Two tabs importing into one dataset: each save names the revision it started from, and a save over a newer
 * revision is refused as a conflict (the page re-reads the dataset and checks the batch again), as the
 * workbook store does.
 */
import { storageFailureOf, type StorageFailure } from '../storage/failure.ts';
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { CsvMapping } from './csv-mapping.ts';
import { DATABASE, RESPONSES, SUMMARIES } from './dataset-read.ts';
import { DATASET_FORMAT, DATASET_VERSION, type Dataset, type DatasetInstrument, type StoredResponse } from './dataset.ts';

const MAPPINGS = 'mappings';

export interface DatasetSummary {
  id: string;
  name: string;
  createdAt: string;
  /** ISO 8601 time of the last save. */
  updatedAt: string;
  instrument: DatasetInstrument;
  responseCount: number;
  /** 1 for the first save, one more for each save after it. */
  revision: number;
}

export interface SavedMapping {
  /** The facilitator's name for it, such as "Microsoft Forms, HR department". */
  name: string;
  savedAt: string;
  mapping: CsvMapping;
}

interface DashboardDatabase extends DBSchema {
  datasets: { key: string; value: DatasetSummary };
  responses: { key: string; value: { datasetId: string; responses: StoredResponse[] } };
  mappings: { key: string; value: SavedMapping };
}

export type { StorageFailure };
export { readStoredResponses } from './dataset-read.ts';
export type DatasetSaveResult =
  | { status: 'saved'; summary: DatasetSummary }
  /** stored: what another tab saved since, or undefined when it deleted the dataset. */
  | { status: 'conflict'; stored: DatasetSummary | undefined }
  | { status: 'failed'; reason: StorageFailure };


export class DatasetStore {
  private readonly db: IDBPDatabase<DashboardDatabase>;
  private readonly now: () => Date;

  private constructor(db: IDBPDatabase<DashboardDatabase>, now: () => Date) {
    this.db = db;
    this.now = now;
  }

  /** Rejects when the browser refuses IndexedDB (some private modes and policies). */
  static async open(now: () => Date = () => new Date()): Promise<DatasetStore> {
    const db = await openDB<DashboardDatabase>(DATABASE, 1, {
      upgrade(database) {
        database.createObjectStore(SUMMARIES, { keyPath: 'id' });
        database.createObjectStore(RESPONSES, { keyPath: 'datasetId' });
        database.createObjectStore(MAPPINGS, { keyPath: 'name' });
      },
    });
    return new DatasetStore(db, now);
  }

  close(): void {
    this.db.close();
  }

  /** Every dataset's summary, the most recently changed first; no responses are read. */
  async list(): Promise<DatasetSummary[]> {
    const all = await this.db.getAll(SUMMARIES);
    return all.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  /** A dataset and the revision to name when saving it again. */
  async get(id: string): Promise<{ dataset: Dataset; revision: number } | undefined> {
    const transaction = this.db.transaction([SUMMARIES, RESPONSES]);
    const [summary, record] = await Promise.all([transaction.objectStore(SUMMARIES).get(id), transaction.objectStore(RESPONSES).get(id), transaction.done]);
    if (!summary || !record) return undefined;
    const { id: _id, name, createdAt, instrument } = summary;
    return { dataset: { format: DATASET_FORMAT, version: DATASET_VERSION, id, name, createdAt, instrument, responses: record.responses }, revision: summary.revision };
  }

  /**
   * Saves a dataset whole, if what is stored is still `baseRevision` (0 for a dataset not stored yet, as after
   * createDataset or a restored backup). All or nothing.
   */
  async save(dataset: Dataset, baseRevision: number): Promise<DatasetSaveResult> {
    try {
      const transaction = this.db.transaction([SUMMARIES, RESPONSES], 'readwrite');
      const summaries = transaction.objectStore(SUMMARIES);
      const stored = await summaries.get(dataset.id);
      if ((stored?.revision ?? 0) !== baseRevision) {
        transaction.abort();
        await transaction.done.catch(() => undefined);
        return { status: 'conflict', stored };
      }
      const summary: DatasetSummary = {
        id: dataset.id,
        name: dataset.name,
        createdAt: dataset.createdAt,
        updatedAt: this.now().toISOString(),
        instrument: dataset.instrument,
        responseCount: dataset.responses.length,
        revision: baseRevision + 1,
      };
      await Promise.all([summaries.put(summary), transaction.objectStore(RESPONSES).put({ datasetId: dataset.id, responses: dataset.responses }), transaction.done]);
      return { status: 'saved', summary };
    } catch (error) {
      return { status: 'failed', reason: storageFailureOf(error) };
    }
  }

  /** Deletes a dataset and all its responses, in one transaction. */
  async delete(id: string): Promise<void> {
    const transaction = this.db.transaction([SUMMARIES, RESPONSES], 'readwrite');
    await Promise.all([transaction.objectStore(SUMMARIES).delete(id), transaction.objectStore(RESPONSES).delete(id), transaction.done]);
  }

  async listMappings(): Promise<SavedMapping[]> {
    const all = await this.db.getAll(MAPPINGS);
    return all.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
  }

  /** Saves a mapping under a name, replacing one of the same name. */
  async saveMapping(name: string, mapping: CsvMapping): Promise<SavedMapping> {
    const saved: SavedMapping = { name, savedAt: this.now().toISOString(), mapping };
    await this.db.put(MAPPINGS, saved);
    return saved;
  }

  async deleteMapping(name: string): Promise<void> {
    await this.db.delete(MAPPINGS, name);
  }
}
