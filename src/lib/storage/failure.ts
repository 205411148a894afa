/** Why the browser refused to store something: full, or not allowed at all (private modes, policies). */
export type StorageFailure = 'quota' | 'unavailable';

/** Classifies an error from localStorage or IndexedDB; Firefox names a full store differently. */
export function storageFailureOf(error: unknown): StorageFailure {
  const name = (error as { name?: string })?.name;
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' ? 'quota' : 'unavailable';
}
