/**
 * Finished responses kept on the participant's device, so their report is still there when they come back
 * and a later wave can be compared with an earlier one. Never sent anywhere.
 */
import { encodeResponse, WAVES, type SurveyResponse } from './response-code.ts';

export const RESULTS_KEY = 'banso:survey:results';
/** Enough for every wave of several programmes; older results give way to newer ones. */
export const MAX_STORED_RESULTS = 20;

export interface StoredResult {
  response: SurveyResponse;
  submittedAt: string;
  /** The session link's fragment when the response was made through one, so its hand-over stays encrypted. */
  session: string | null;
}

function isResponse(value: unknown): value is SurveyResponse {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as SurveyResponse;
  if (!WAVES.includes(r.wave) || !Array.isArray(r.answers) || (r.comment !== null && typeof r.comment !== 'string')) return false;
  try {
    encodeResponse(r); // checks every field's type and range
    return true;
  } catch {
    return false;
  }
}

/** The stored list, keeping every entry that is still a valid response and skipping any that is not. */
export function parseResults(raw: string | null): StoredResult[] {
  if (!raw) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return parsed.filter(
    (entry): entry is StoredResult =>
      typeof entry === 'object' && entry !== null && isResponse(entry.response) && typeof entry.submittedAt === 'string' && (entry.session === null || typeof entry.session === 'string'),
  );
}

export function withResult(results: readonly StoredResult[], result: StoredResult): StoredResult[] {
  return [...results, result].slice(-MAX_STORED_RESULTS);
}

/** The most recent earlier result of a different wave, to compare against (before → after → follow-up). */
export function previousResult(results: readonly StoredResult[], current: StoredResult): StoredResult | undefined {
  const index = results.indexOf(current);
  return results
    .slice(0, index < 0 ? results.length : index)
    .reverse()
    .find((r) => r.response.wave !== current.response.wave && r.response.instrumentVersion === current.response.instrumentVersion);
}
