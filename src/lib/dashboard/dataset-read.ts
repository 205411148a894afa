/**
 * The one read the dashboard's analysis worker makes: a dataset's responses and revision, straight from
 * IndexedDB. It lives apart from DatasetStore because that module imports `idb`, whose module-level set-up
 * the bundler must keep, so the worker would ship the wrapper library a second time (about 1.2 KB gzip).
 */
import type { DatasetSummary } from './dataset-store.ts';
import type { StoredResponse } from './dataset.ts';

export const DATABASE = 'banso-dashboard';
export const SUMMARIES = 'datasets';
export const RESPONSES = 'responses';

/**
 * One dataset's responses and revision, or undefined when it is not stored. It never creates the database (the page's DatasetStore.open does, with its stores) and closes it
 * again at once, so it never holds up a later version of the page that upgrades the database.
 */
export function readStoredResponses(datasetId: string): Promise<{ responses: StoredResponse[]; revision: number } | undefined> {
  return new Promise((resolve, reject) => {
    const opening = indexedDB.open(DATABASE);
    // No database yet: nothing is stored, and none is made here (aborting the upgrade leaves no database).
    opening.onupgradeneeded = () => opening.transaction?.abort();
    opening.onerror = () => (opening.error?.name === 'AbortError' ? resolve(undefined) : reject(opening.error));
    opening.onsuccess = () => {
      const db = opening.result;
      const finish = (settle: () => void) => {
        db.close();
        settle();
      };
      try {
        const transaction = db.transaction([SUMMARIES, RESPONSES]);
        const summary = transaction.objectStore(SUMMARIES).get(datasetId) as IDBRequest<DatasetSummary | undefined>;
        const record = transaction.objectStore(RESPONSES).get(datasetId) as IDBRequest<{ responses: StoredResponse[] } | undefined>;
        transaction.oncomplete = () => finish(() => resolve(summary.result && record.result ? { responses: record.result.responses, revision: summary.result.revision } : undefined));
        transaction.onabort = () => finish(() => reject(transaction.error ?? new DOMException('the read was aborted', 'AbortError')));
      } catch (error) {
        finish(() => reject(error)); // a database without the dashboard's stores
      }
    };
  });
}
