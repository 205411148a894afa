/** This browser's localStorage, or a stand-in that refuses every write where the browser blocks storage outright. */
import type { KeyValueStorage } from '../../lib/workbook/store.ts';

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

export function browserStorage(): KeyValueStorage {
  try {
    return window.localStorage;
  } catch {
    return refusingStorage;
  }
}
