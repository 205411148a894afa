/**
 * Two tabs of one exercise, merged field by field (a three-way merge): `base` is what this tab loaded or last
 * saved, `mine` what is on its screen now, `theirs` what another tab saved since. A field changed on one side
 * only is taken from that side; a field changed on both sides to different values is a conflict, for the person
 * to settle one field at a time. Nothing either tab wrote is dropped without being asked.
 */
import type { Answers } from './answers.ts';

export interface AnswersMerge {
  /** Every field settled; a conflicting field still holds this tab's value until the person chooses. */
  merged: Answers;
  /** Ids of the fields changed on both sides, differently, in the order of `mine` then `theirs`. */
  conflicts: string[];
}

/** Deep equality of JSON values (answers are stored as JSON, so nothing else occurs). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  const bRecord = b as Record<string, unknown>;
  if (aKeys.length !== Object.keys(b).length) return false;
  return aKeys.every((key) => Object.hasOwn(bRecord, key) && sameValue((a as Record<string, unknown>)[key], bRecord[key]));
}

export function mergeAnswers(base: Answers, mine: Answers, theirs: Answers): AnswersMerge {
  const merged: Answers = {};
  const conflicts: string[] = [];
  for (const field of new Set([...Object.keys(mine), ...Object.keys(theirs)])) {
    const [baseValue, mineValue, theirValue] = [base[field], mine[field], theirs[field]];
    const mineChanged = !sameValue(mineValue, baseValue);
    const theirsChanged = !sameValue(theirValue, baseValue);
    const value = mineChanged || !theirsChanged ? mineValue : theirValue;
    if (mineChanged && theirsChanged && !sameValue(mineValue, theirValue)) conflicts.push(field);
    if (value !== undefined) merged[field] = value;
  }
  return { merged, conflicts };
}
