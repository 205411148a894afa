/** A test double for localStorage, shared by the workbook tests. */
import type { KeyValueStorage } from '../../src/lib/workbook/store.ts';

/** localStorage in memory, with a byte quota like a real browser's. */
export class MemoryStorage implements KeyValueStorage {
  readonly items = new Map<string, string>();
  constructor(private quota = Infinity) {}
  get length() {
    return this.items.size;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    const size = [...this.items].reduce((sum, [k, v]) => sum + (k === key ? 0 : k.length + v.length), 0) + key.length + value.length;
    if (size > this.quota) throw Object.assign(new Error('full'), { name: 'QuotaExceededError' });
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}
