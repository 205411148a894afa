/**
 * Matching a person's "before" and "after" responses by the anonymous code they chose (no name, no employee
 * number). Ambiguous codes are left out rather than guessed, and every response is accounted for, so the
 * dashboard can say how many people could be compared and why the others could not.
 */

export interface MatchedPairs {
  /** Row numbers in the before wave and the after wave, one entry per matched person, in the same order. */
  beforeRows: Int32Array;
  afterRows: Int32Array;
  /** Responses that gave no code and so cannot be matched. */
  withoutCode: { before: number; after: number };
  /** Responses whose code is unique in their wave but has no unique partner in the other wave. */
  unmatched: { before: number; after: number };
  /** Responses whose code appears more than once in their wave: ambiguous, so none of them is matched. */
  duplicated: { before: number; after: number };
}

/**
 * The key two responses of one person share: cohort and anonymous code, the code in capitals so "ab12" and "AB12"
 * match (people retype their code months later), the cohort so two cohorts that happen to pick the same code are
 * not mixed. Null when there is no code.
 */
export function pairingKey(cohort: string, anonymousCode: string | null | undefined): string | null {
  const code = anonymousCode?.trim().toUpperCase() ?? '';
  return code === '' ? null : `${cohort}\u0000${code}`;
}

/**
 * Matches responses of the two waves by key (see `pairingKey`). Every response is accounted for once:
 * wave length = matched pairs + withoutCode + unmatched + duplicated.
 */
export function matchPairs(beforeKeys: readonly (string | null)[], afterKeys: readonly (string | null)[]): MatchedPairs {
  const index = (keys: readonly (string | null)[]) => {
    const seen = new Map<string, number>();
    let withoutCode = 0;
    keys.forEach((key) => {
      if (key === null) withoutCode++;
      else seen.set(key, (seen.get(key) ?? 0) + 1);
    });
    const rows = new Map<string, number>();
    let duplicated = 0;
    keys.forEach((key, row) => {
      if (key === null) return;
      if (seen.get(key) === 1) rows.set(key, row);
      else duplicated++;
    });
    return { rows, duplicated, withoutCode };
  };
  const before = index(beforeKeys);
  const after = index(afterKeys);
  const beforeRows: number[] = [];
  const afterRows: number[] = [];
  for (const [key, row] of before.rows) {
    const partner = after.rows.get(key);
    if (partner !== undefined) {
      beforeRows.push(row);
      afterRows.push(partner);
    }
  }
  return {
    beforeRows: Int32Array.from(beforeRows),
    afterRows: Int32Array.from(afterRows),
    withoutCode: { before: before.withoutCode, after: after.withoutCode },
    unmatched: { before: before.rows.size - beforeRows.length, after: after.rows.size - afterRows.length },
    duplicated: { before: before.duplicated, after: after.duplicated },
  };
}
