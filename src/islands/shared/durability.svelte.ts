/**
 * How long this browser will keep what is saved on this page, and when things were last exported: read once per
 * page and shared by every notice on it. The decisions are in lib/storage/durability.ts.
 */
import {
  assessDurability,
  EXPORTS_KEY,
  parseExportTimes,
  parsePersistAnswer,
  PERSIST_ANSWER_KEY,
  shouldAskPersist,
  withExportTime,
  type DurabilityFacts,
} from '../../lib/storage/durability.ts';
import { browserStorage } from './storage.ts';

/** A storage API that never answers must not hold the page up. */
const within = <T>(promise: Promise<T> | undefined, fallback: T): Promise<T> =>
  Promise.race([(promise ?? Promise.resolve(fallback)).catch(() => fallback), new Promise<T>((resolve) => setTimeout(resolve, 500, fallback))]);

async function readFacts(): Promise<DurabilityFacts> {
  const storage: Partial<StorageManager> = navigator.storage ?? {};
  const [persisted, estimate, privateSignal] = await Promise.all([
    within(storage.persisted?.(), null),
    within(storage.estimate?.(), undefined),
    // Firefox and Safari refuse the origin private file system in a private window, and only there.
    within(storage.getDirectory?.().then(() => false, () => true), false),
  ]);
  return {
    persisted,
    quota: estimate?.quota ?? null,
    usage: estimate?.usage ?? null,
    userAgent: navigator.userAgent,
    standalone: matchMedia('(display-mode: standalone)').matches || (navigator as { standalone?: boolean }).standalone === true,
    privateSignal,
  };
}

function write(key: string, value: unknown) {
  try {
    browserStorage().setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or blocked: the notice says so already; the export itself worked.
  }
}

class DurabilityState {
  facts: DurabilityFacts | null = $state.raw(null);
  readonly assessment = $derived(this.facts && assessDurability(this.facts));
  exports = $state.raw(parseExportTimes(browserStorage().getItem(EXPORTS_KEY)));
  #ready: Promise<void> | undefined;
  #asked = false;

  /** Reads the facts once; islands wait for it so the notice does not push content after load. */
  ready(): Promise<void> {
    return (this.#ready ??= readFacts().then((facts) => void (this.facts = facts)));
  }

  /** The latest export of any of these things (an exercise is also in every workbook file). */
  lastExport(keys: string[]): string | undefined {
    return keys.map((key) => this.exports[key]).filter(Boolean).sort().at(-1);
  }

  noteExport(key: string) {
    this.exports = withExportTime(parseExportTimes(browserStorage().getItem(EXPORTS_KEY)), key, new Date());
    write(EXPORTS_KEY, this.exports);
  }

  /**
   * Ask the browser to protect this site's storage. Call only from something the person did (saving real input,
   * an import): Firefox shows a prompt. Asked once a page, and rarely again after a refusal.
   */
  async askPersistence() {
    await this.ready();
    if (this.#asked || !this.facts || !shouldAskPersist(this.facts, parsePersistAnswer(browserStorage().getItem(PERSIST_ANSWER_KEY)), new Date())) return;
    this.#asked = true;
    const granted = await navigator.storage.persist().catch(() => false);
    write(PERSIST_ANSWER_KEY, { granted, at: new Date().toISOString() });
    this.facts = { ...this.facts, persisted: granted };
  }
}

export const durability = new DurabilityState();
