/**
 * Cronbach's alpha per scale with alpha if item deleted and corrected item–total correlations, on listwise complete
 * cases. Reference: numpy, from the formula α = k/(k − 1) · (1 − Σ s²ᵢ / Σᵢⱼ cov) (np.cov, ddof=1) and np.corrcoef,
 * in tests/fixtures/stats/expected.json section "reliability", written by tests/fixtures/stats/make_fixtures.py from
 * the "before" wave of tests/fixtures/stats/input-cohort.json. Regenerate with
 * `/usr/bin/python3 tests/fixtures/stats/make_fixtures.py`.
 */
import { describe, expect, it } from 'vitest';
import { scoreColumns } from '../../src/lib/stats/columns.ts';
import { cronbachAlpha, reliabilityByScale } from '../../src/lib/stats/reliability.ts';
import { answerRows, cohort, expectClose, expected, instrument } from '../fixtures/stats/fixtures.ts';

const beforeRows = cohort.responses.flatMap((response, i) => (response.wave === 'before' ? [answerRows[i]!] : []));
const columns = scoreColumns(instrument, beforeRows);

describe("Cronbach's alpha", () => {
  it('matches numpy for all twelve scales, with alpha if deleted and item–total correlations', () => {
    const result = reliabilityByScale(instrument, columns);
    const reference = expected.reliability as Record<string, { alpha: number; n: number; k: number; items: Record<string, number | string>[] }>;
    expect(Object.keys(result)).toEqual(Object.keys(reference));
    for (const [scale, wanted] of Object.entries(reference)) {
      const actual = result[scale]!;
      expect([actual.n, actual.k], scale).toEqual([wanted.n, wanted.k]);
      expectClose(actual.alpha, wanted.alpha, 1e-12, `${scale} alpha`);
      wanted.items.forEach((item, i) => {
        const got = actual.items[i]!;
        expect(got.itemId).toBe(item.itemId);
        for (const key of ['mean', 'sd', 'alphaIfDeleted', 'correctedItemTotal'] as const) expectClose(got[key], item[key] as number, 1e-12, `${scale} ${item.itemId} ${key}`);
      });
    }
  });

  it('uses only responses that answered every item of the scale', () => {
    // The fixture cohort leaves 15 % of items unanswered, so complete cases are fewer than responses.
    const result = reliabilityByScale(instrument, columns);
    for (const scale of Object.values(result)) expect(scale.n).toBeLessThan(columns.n);
  });

  it('is 1 for identical items and follows the formula by hand for two items', () => {
    expect(cronbachAlpha([[1, 2, 3, 4], [1, 2, 3, 4], [1, 2, 3, 4]]).alpha).toBeCloseTo(1, 14);
    // x = 1,2,3,4,5 and y = 2,1,4,3,5: var 2.5 each, cov 2; α = 2 · (1 − 5 / (5 + 4)) = 8/9.
    const result = cronbachAlpha([[1, 2, 3, 4, 5], [2, 1, 4, 3, 5]], ['x', 'y']);
    expect(result.alpha).toBeCloseTo(8 / 9, 14);
    // With one item left there is no alpha.
    expect(result.items[0]!.alphaIfDeleted).toBeNaN();
    expect(result.items.map((item) => item.itemId)).toEqual(['x', 'y']);
  });
});
