/**
 * How long this browser is likely to keep what a person saved here, from facts the page can read, and when to
 * ask it to protect the site's storage. No browser API is used here: the island gathers the facts.
 *
 * - Safari and every browser on iPhone and iPad (all WebKit) delete all storage a site's script wrote after seven
 *   days of use without a visit (Intelligent Tracking Prevention); `navigator.storage.persist()` does not change
 *   that, only a web app added to the home screen is exempt (https://webkit.org/blog/10218/).
 * - A private window deletes everything when it is closed.
 * - Elsewhere, storage that is not persisted may be cleared when the device runs short of space
 *   (https://storage.spec.whatwg.org/#persistence).
 */

export interface DurabilityFacts {
  /** `navigator.storage.persisted()`; null where the browser cannot say. */
  persisted: boolean | null;
  /** `navigator.storage.estimate()`, in bytes; null where unknown. */
  quota: number | null;
  usage: number | null;
  userAgent: string;
  /** Opened as an app from the home screen (`display-mode: standalone`, or `navigator.standalone` on iOS). */
  standalone: boolean;
  /** A sign of a private window: Firefox and Safari refuse the origin private file system there. */
  privateSignal: boolean;
}

/** Why data here may be lost, most serious first. */
export type RiskReason = 'private' | 'safari' | 'space' | 'unprotected';

export interface Durability {
  /** `safe`: persisted storage in a browser that honours it; `risk`: tell the person and offer a copy. */
  level: 'safe' | 'risk';
  reasons: RiskReason[];
}

/** Below this much free room for the site, a browser under pressure clears unprotected storage first. */
export const LOW_SPACE_BYTES = 50 * 1024 * 1024;

/**
 * Safari, or any browser built on WebKit's storage rules: everything on iPhone and iPad (Chrome there is
 * "CriOS", Firefox "FxiOS"), and desktop Safari, whose user agent names Safari but not Chrome, Edge or Firefox.
 * iPadOS Safari says "Macintosh", and is Safari either way.
 */
export function isWebKitStorage(userAgent: string): boolean {
  if (/iPhone|iPad|iPod/.test(userAgent)) return true;
  return /AppleWebKit/.test(userAgent) && /Safari\//.test(userAgent) && !/Chrome|Chromium|Edg|OPR|Firefox|Android/.test(userAgent);
}

export function assessDurability(facts: DurabilityFacts): Durability {
  const reasons: RiskReason[] = [];
  if (facts.privateSignal) reasons.push('private');
  if (isWebKitStorage(facts.userAgent) && !facts.standalone) reasons.push('safari');
  if (facts.quota !== null && facts.quota - (facts.usage ?? 0) < LOW_SPACE_BYTES) reasons.push('space');
  if (facts.persisted !== true) reasons.push('unprotected');
  // Unprotected storage is only worth naming on its own: beside a deletion that is certain it adds nothing.
  const shown = reasons.length > 1 ? reasons.filter((reason) => reason !== 'unprotected') : reasons;
  return { level: shown.length === 0 ? 'safe' : 'risk', reasons: shown };
}

/** The browser's last answer to `persist()`, remembered so that a browser that asks the person asks rarely. */
export interface PersistAnswer {
  granted: boolean;
  /** ISO time it was asked. */
  at: string;
}

export const PERSIST_ANSWER_KEY = 'banso:storage:persist';
/** Firefox shows a prompt for `persist()`: after a refusal, ask again only after this long. */
export const ASK_AGAIN_AFTER_DAYS = 30;

export function shouldAskPersist(facts: Pick<DurabilityFacts, 'persisted' | 'privateSignal'>, answer: PersistAnswer | null, now: Date): boolean {
  // null: no StorageManager to ask. A private window keeps nothing past closing, whatever it answers.
  if (facts.persisted !== false || facts.privateSignal) return false;
  if (!answer || answer.granted) return true; // granted before but not persisted now: the browser took it back
  return now.getTime() - Date.parse(answer.at) >= ASK_AGAIN_AFTER_DAYS * 86_400_000;
}

export function parsePersistAnswer(raw: string | null): PersistAnswer | null {
  try {
    const value = JSON.parse(raw ?? 'null') as Partial<PersistAnswer> | null;
    return typeof value?.granted === 'boolean' && typeof value.at === 'string' && !Number.isNaN(Date.parse(value.at)) ? { granted: value.granted, at: value.at } : null;
  } catch {
    return null;
  }
}

/**
 * When each thing was last exported from this browser (the workbook, an exercise, the survey results, a dataset),
 * as ISO times by a key such as `workbook`, `exercise:values-card-sort` or `dataset:<id>`.
 */
export const EXPORTS_KEY = 'banso:storage:exports';

export function parseExportTimes(raw: string | null): Record<string, string> {
  try {
    const value: unknown = JSON.parse(raw ?? '{}');
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
    return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && !Number.isNaN(Date.parse(entry[1]))));
  } catch {
    return {};
  }
}

export function withExportTime(times: Record<string, string>, key: string, at: Date): Record<string, string> {
  return { ...times, [key]: at.toISOString() };
}
