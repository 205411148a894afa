/** The workbook store on this browser's localStorage, or a report that storage cannot be used. */
import type { ExerciseField } from '../../schemas/exercise.ts';
import { WorkbookStore, type KeyValueStorage } from '../../lib/workbook/store.ts';

/** Storage that refuses every write, for browsers where localStorage itself throws (blocked cookies). */
const refusingStorage: KeyValueStorage = {
  length: 0,
  key: () => null,
  getItem: () => null,
  setItem: () => {
    throw Object.assign(new Error('storage unavailable'), { name: 'SecurityError' });
  },
  removeItem: () => {},
};

export function openBrowserStore(exercises: Record<string, ExerciseField[]>): WorkbookStore {
  let storage: KeyValueStorage;
  try {
    storage = window.localStorage;
  } catch {
    storage = refusingStorage;
  }
  return new WorkbookStore(storage, new Map(Object.entries(exercises)));
}

/** Offer a file to save, built in the browser (nothing is uploaded). */
export function downloadJson(fileName: string, data: unknown) {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
