/**
 * Pearson correlation matrix, pairwise complete, with n and two-sided p per cell. References: pandas
 * DataFrame.corr(method="pearson") (pairwise deletion), counts of jointly present values, scipy.stats.pearsonr for p;
 * in tests/fixtures/stats/expected.json section "correlation", written by tests/fixtures/stats/make_fixtures.py from
 * the twelve scale scores of the "before" wave of tests/fixtures/stats/input-cohort.json and from input-vectors.json.
 * Regenerate with `/usr/bin/python3 tests/fixtures/stats/make_fixtures.py`.
 */
import { describe, expect, it } from 'vitest';
import { scoreColumns } from '../../src/lib/stats/columns.ts';
import { correlationMatrix, pearson, type CorrelationMatrix } from '../../src/lib/stats/correlation.ts';
import { answerRows, cohort, column, expectClose, expected, instrument, vectors } from '../fixtures/stats/fixtures.ts';

function expectMatrix(actual: CorrelationMatrix, wanted: { names: string[]; r: (number | null)[][]; n: number[][]; p: (number | null)[][] }) {
  expect(actual.names).toEqual(wanted.names);
  expect(actual.n).toEqual(wanted.n);
  wanted.names.forEach((a, i) =>
    wanted.names.forEach((b, j) => {
      expectClose(actual.r[i]![j]!, wanted.r[i]![j]!, 1e-12, `r ${a}–${b}`);
      expectClose(actual.p[i]![j]!, wanted.p[i]![j]!, 1e-10, `p ${a}–${b}`);
    }),
  );
}

describe('correlation matrix', () => {
  it('matches pandas and scipy for the twelve scales, with n per cell', () => {
    const beforeRows = cohort.responses.flatMap((response, i) => (response.wave === 'before' ? [answerRows[i]!] : []));
    const result = correlationMatrix(scoreColumns(instrument, beforeRows).scales);
    expectMatrix(result, expected.correlation.scales);
    // Pairwise deletion: not every cell rests on the same responses.
    expect(new Set(result.n.flat()).size).toBeGreaterThan(1);
  });

  it('matches on small columns with missing values in different places', () => {
    const columns = Object.fromEntries(Object.entries(vectors.correlation as Record<string, (number | null)[]>).map(([name, values]) => [name, column(values)]));
    expectMatrix(correlationMatrix(columns), expected.correlation.vectors);
  });

  it('gives NaN for a variable that does not vary, and p = 0 for a perfect correlation', () => {
    expect(pearson([1, 2, 3], [2, 2, 2]).r).toBeNaN();
    const matrix = correlationMatrix({ flat: [3, 3, 3, 3], rising: [1, 2, 3, 4] });
    expect(matrix.r[0]![0]).toBeNaN();
    expect(matrix.r[1]![1]).toBe(1);
    expect(pearson([1, 2, 3, 4], [2, 4, 6, 8])).toEqual({ r: 1, n: 4, p: 0 });
    expect(pearson([1, 2], [2, 1]).p).toBeNaN();
  });
});
