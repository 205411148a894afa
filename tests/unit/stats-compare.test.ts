/**
 * Before and after: matching by anonymous code, the paired t test with d_z and d_av, and Welch's t test with
 * Hedges' g. References: scipy.stats.ttest_rel (t, p, df, confidence_interval), scipy.stats.ttest_ind(equal_var=False)
 * (t, p), statsmodels CompareMeans (Welch df and interval), numpy for the effect sizes and scipy.special.gammaln for
 * Hedges' J; written to tests/fixtures/stats/expected.json section "compare" by tests/fixtures/stats/make_fixtures.py
 * from tests/fixtures/stats/input-cohort.json (12 scales and 6 parts) and input-vectors.json. Regenerate with
 * `/usr/bin/python3 tests/fixtures/stats/make_fixtures.py`.
 */
import { describe, expect, it } from 'vitest';
import { pick, scoreColumns } from '../../src/lib/stats/columns.ts';
import { hedgesCorrection, pairedComparison, welchComparison, type PairedComparison, type WelchComparison } from '../../src/lib/stats/compare.ts';
import { matchPairs, pairingKey } from '../../src/lib/stats/pairing.ts';
import { INTERVAL_TOLERANCE, answerRows, cohort, column, expectClose, expected, instrument, vectors } from '../fixtures/stats/fixtures.ts';

const reference = expected.compare;
const all = scoreColumns(instrument, answerRows);
const rowsOf = (wave: 'before' | 'after') => Int32Array.from(cohort.responses.flatMap((response, i) => (response.wave === wave ? [i] : [])));
const beforeRows = rowsOf('before');
const afterRows = rowsOf('after');
const keys = (rows: Int32Array) => Array.from(rows, (row) => pairingKey(cohort.responses[row]!.cohort, cohort.responses[row]!.anonymousCode));
const pairs = matchPairs(keys(beforeRows), keys(afterRows));
const variables: Record<string, Float64Array> = {
  ...Object.fromEntries(Object.entries(all.scales).map(([id, values]) => [`scale:${id}`, values])),
  ...Object.fromEntries(Object.entries(all.parts).map(([id, values]) => [`part:${id}`, values])),
};

function expectPaired(actual: PairedComparison, wanted: Record<string, number>, label: string) {
  expect(actual.n, label).toBe(wanted.n);
  expect(actual.df, label).toBe(wanted.df);
  for (const key of ['meanBefore', 'meanAfter', 'meanChange', 'sdChange', 't', 'p'] as const) expectClose(actual[key], wanted[key]!, 1e-9, `${label} ${key}`);
  expectClose(actual.dz.value, wanted.dz!, 1e-9, `${label} d_z`);
  expectClose(actual.dav.value, wanted.dav!, 1e-9, `${label} d_av`);
  expectClose(actual.ci.lower, wanted.ciLower!, INTERVAL_TOLERANCE, `${label} CI lower`);
  expectClose(actual.ci.upper, wanted.ciUpper!, INTERVAL_TOLERANCE, `${label} CI upper`);
}

function expectWelch(actual: WelchComparison, wanted: Record<string, number>, label: string) {
  expect([actual.before.n, actual.after.n], label).toEqual([wanted.nBefore, wanted.nAfter]);
  for (const [value, key] of [
    [actual.before.mean, 'meanBefore'], [actual.after.mean, 'meanAfter'], [actual.before.sd, 'sdBefore'], [actual.after.sd, 'sdAfter'],
    [actual.difference, 'difference'], [actual.t, 't'], [actual.p, 'p'], [actual.df, 'df'], [actual.d.value, 'd'], [actual.g.value, 'g'],
  ] as const) expectClose(value, wanted[key]!, 1e-9, `${label} ${key}`);
  expectClose(actual.ci.lower, wanted.ciLower!, INTERVAL_TOLERANCE, `${label} CI lower`);
  expectClose(actual.ci.upper, wanted.ciUpper!, INTERVAL_TOLERANCE, `${label} CI upper`);
}

describe('matching the two waves by anonymous code', () => {
  it('finds the pairs pandas finds in the cohort, and accounts for every response', () => {
    expect(pairs.beforeRows.length).toBe(reference.matching.pairs);
    expect(pairs.withoutCode).toEqual(reference.matching.withoutCode);
    expect(pairs.unmatched).toEqual(reference.matching.unmatched);
    expect(pairs.duplicated).toEqual({ before: 0, after: 0 });
    expect(pairs.beforeRows.length + pairs.withoutCode.before + pairs.unmatched.before + pairs.duplicated.before).toBe(beforeRows.length);
    expect(pairs.afterRows.length + pairs.withoutCode.after + pairs.unmatched.after + pairs.duplicated.after).toBe(afterRows.length);
  });

  it('ignores case and spaces in codes, keeps cohorts apart, and leaves ambiguous codes unmatched', () => {
    const result = matchPairs(
      [pairingKey('A', 'ab12'), pairingKey('A', 'X9'), pairingKey('A', 'X9'), pairingKey('B', 'ab12'), pairingKey('A', ''), pairingKey('A', null), pairingKey('A', 'zz')],
      [pairingKey('A', ' AB12 '), pairingKey('A', 'x9'), pairingKey('C', 'ab12'), pairingKey('A', 'ZZ'), pairingKey('A', 'zz')],
    );
    expect(Array.from(result.beforeRows)).toEqual([0]);
    expect(Array.from(result.afterRows)).toEqual([0]);
    expect(result.withoutCode).toEqual({ before: 2, after: 0 });
    // before: X9 twice (ambiguous), zz once but twice after; after: X9 has no unique partner, C:ab12 none, ZZ twice.
    expect(result.duplicated).toEqual({ before: 2, after: 2 });
    expect(result.unmatched).toEqual({ before: 2, after: 2 });
  });
});

describe('paired comparison', () => {
  it('matches scipy.stats.ttest_rel for every scale and model part of the matched cohort', () => {
    for (const [name, wanted] of Object.entries(reference.paired as Record<string, Record<string, number>>)) {
      const values = variables[name]!;
      expectPaired(pairedComparison(pick(values, pick(beforeRows, pairs.beforeRows)), pick(values, pick(afterRows, pairs.afterRows))), wanted, name);
    }
  });

  it('matches on a hand-written vector, leaving out pairs with a missing side', () => {
    const result = pairedComparison(column(vectors.paired.before), column(vectors.paired.after));
    expectPaired(result, reference.vectorPaired, 'vector');
    expect(result.n).toBe(8);
  });

  it('labels each effect size with its formula, and d_z = t / √n', () => {
    const result = pairedComparison([3, 4, 2, 5], [4, 4, 3, 5.5]);
    expect(result.dz.formula).toBe('d_z = mean(after − before) / SD(after − before)');
    expect(result.dav.formula).toBe('d_av = mean(after − before) / ((SD_before + SD_after) / 2)');
    expect(result.dz.value).toBeCloseTo(result.t / Math.sqrt(result.n), 14);
    expect(() => pairedComparison([1, 2], [1])).toThrow(/one value per pair/);
  });
});

describe('unmatched comparison (Welch)', () => {
  it('matches scipy and statsmodels for every scale and model part, before against after', () => {
    for (const [name, wanted] of Object.entries(reference.welch as Record<string, Record<string, number>>)) {
      const values = variables[name]!;
      expectWelch(welchComparison(pick(values, beforeRows), pick(values, afterRows)), wanted, name);
    }
  });

  it('matches on hand-written groups of unequal size and spread', () => {
    expectWelch(welchComparison(column(vectors.welch.before), column(vectors.welch.after)), reference.vectorWelch, 'vector');
  });

  it("uses Hedges' exact J, close to the usual approximation 1 − 3/(4m − 1)", () => {
    expectClose(hedgesCorrection(6 + 9 - 2), reference.vectorWelch.J, 1e-12, 'J(13)');
    for (const m of [4, 10, 38, 200, 20_000]) expect(Math.abs(hedgesCorrection(m) - (1 - 3 / (4 * m - 1)))).toBeLessThan(0.5 / m ** 2);
    expect(hedgesCorrection(1)).toBeNaN();
  });
});
