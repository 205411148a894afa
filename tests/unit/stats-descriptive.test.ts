/**
 * Per-construct summaries: n, mean, SD, t-based 95 % confidence interval, quartiles and distribution. References:
 * numpy (mean, std ddof=1, percentile method "linear", histogram), scipy.stats.t.interval for the interval, in
 * tests/fixtures/stats/expected.json section "descriptive", written by tests/fixtures/stats/make_fixtures.py from the
 * "before" wave of tests/fixtures/stats/input-cohort.json and from input-vectors.json. Regenerate with
 * `/usr/bin/python3 tests/fixtures/stats/make_fixtures.py`.
 */
import { describe, expect, it } from 'vitest';
import { scoreColumns } from '../../src/lib/stats/columns.ts';
import { frequencies, histogram, quantileSorted, summarize, type Summary } from '../../src/lib/stats/descriptive.ts';
import { INTERVAL_TOLERANCE, answerRows, cohort, column, expectClose, expected, instrument, vectors } from '../fixtures/stats/fixtures.ts';

const reference = expected.descriptive;
const beforeRows = cohort.responses.flatMap((response, i) => (response.wave === 'before' ? [i] : []));
const columns = scoreColumns(instrument, beforeRows.map((i) => answerRows[i]!));

function expectSummary(actual: Summary, wanted: Record<string, number | null>, label: string) {
  expect(actual.n, label).toBe(wanted.n);
  expect(actual.missing, label).toBe(wanted.missing);
  for (const key of ['mean', 'sd', 'se', 'min', 'q1', 'median', 'q3', 'max'] as const) expectClose(actual[key], wanted[key]!, 1e-12, `${label} ${key}`);
  expectClose(actual.ci.lower, wanted.ciLower!, INTERVAL_TOLERANCE, `${label} CI lower`);
  expectClose(actual.ci.upper, wanted.ciUpper!, INTERVAL_TOLERANCE, `${label} CI upper`);
}

describe('summarize', () => {
  it('matches numpy and scipy for every scale, model part and construct of the cohort', () => {
    for (const [scale, wanted] of Object.entries(reference.scales as Record<string, Record<string, number>>)) expectSummary(summarize(columns.scales[scale]!), wanted, scale);
    for (const [part, wanted] of Object.entries(reference.parts as Record<string, Record<string, number>>)) expectSummary(summarize(columns.parts[part as 'awareness']!), wanted, part);
    expectSummary(summarize(columns.constructs.workEngagement!), reference.constructs.workEngagement, 'workEngagement');
  });

  it('matches on a small vector with a missing value', () => {
    expectSummary(summarize(column(vectors.summary)), reference.vectorSummary, 'vector');
  });

  it('gives a mean and interval that can be checked by hand', () => {
    // 1..5: mean 3, SD √2.5, SE √0.5, t(0.975, 4) = 2.7764451051977987.
    const result = summarize([1, 2, 3, 4, 5]);
    expect(result.mean).toBe(3);
    expect(result.sd).toBeCloseTo(Math.sqrt(2.5), 15);
    expect(result.ci.level).toBe(0.95);
    expect(result.ci.lower).toBeCloseTo(3 - 2.7764451051977987 * Math.sqrt(0.5), 13);
    expect(result.ci.upper).toBeCloseTo(3 + 2.7764451051977987 * Math.sqrt(0.5), 13);
    expect([result.q1, result.median, result.q3]).toEqual([2, 3, 4]);
  });

  it('gives NaN for what cannot be computed from one value or none', () => {
    const one = summarize([4]);
    expect(one.mean).toBe(4);
    expect(one.sd).toBeNaN();
    expect(one.ci.lower).toBeNaN();
    const none = summarize([Number.NaN]);
    expect(none.n).toBe(0);
    expect(none.missing).toBe(1);
    expect(none.mean).toBeNaN();
    expect(none.min).toBeNaN();
  });

  it('takes another confidence level', () => {
    const result = summarize([1, 2, 3, 4, 5], 0.9);
    expect(result.ci.level).toBe(0.9);
    expect(result.ci.upper - result.ci.lower).toBeLessThan(summarize([1, 2, 3, 4, 5]).ci.upper - summarize([1, 2, 3, 4, 5]).ci.lower);
  });
});

describe('distributions of scores', () => {
  it('bins scale scores as numpy.histogram does, 8 bins of ½ from 1 to 5', () => {
    for (const [scale, wanted] of Object.entries(reference.histograms as Record<string, { edges: number[]; counts: number[] }>)) {
      const result = histogram(columns.scales[scale]!, { min: 1, max: 5, bins: 8 });
      expect(result.edges, scale).toEqual(wanted.edges);
      expect(result.counts, scale).toEqual(wanted.counts);
      expect(result.missing + result.counts.reduce((a, b) => a + b, 0)).toBe(columns.n);
    }
  });

  it('puts values on an edge in the bin they open, and max in the last bin', () => {
    const { values, min, max, bins } = vectors.histogram as { values: (number | null)[]; min: number; max: number; bins: number };
    const result = histogram(column(values), { min, max, bins });
    expect(result.edges).toEqual(reference.vectorHistogram.edges);
    expect(result.counts).toEqual(reference.vectorHistogram.counts);
    expect(result.outside).toBe(2);
    expect(result.missing).toBe(1);
    expect(() => histogram([1], { min: 5, max: 1, bins: 2 })).toThrow(/min < max/);
  });

  it('counts answers 1–5 per item as pandas does', () => {
    for (const [item, counts] of Object.entries(reference.frequencies as Record<string, number[]>)) {
      expect(frequencies(columns.items[item]!, [1, 2, 3, 4, 5]).counts, item).toEqual(counts);
    }
    expect(frequencies([1, 2, 2, 7, Number.NaN], [1, 2, 3])).toEqual({ counts: [1, 2, 0], other: 1, missing: 1 });
  });
});

describe('quantileSorted', () => {
  it('is numpy.percentile with method "linear" (Hyndman & Fan type 7)', () => {
    const cases = reference.quantiles as { sorted: number[]; p: number; value: number }[];
    expect(cases.length).toBe(54);
    for (const { sorted, p, value } of cases) expectClose(quantileSorted(sorted, p), value, 1e-15, `n=${sorted.length} p=${p}`);
    expect(quantileSorted([], 0.5)).toBeNaN();
    expect(quantileSorted([1, 2], 1.5)).toBeNaN();
  });
});
