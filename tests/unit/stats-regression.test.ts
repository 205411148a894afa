/**
 * The model test: OLS with unstandardised b, SE, t, p, confidence intervals, standardised β, R², adjusted R² and the
 * F test. Reference: statsmodels OLS (params, bse, tvalues, pvalues, conf_int, rsquared, rsquared_adj, fvalue,
 * f_pvalue; β from the same model on z-scores), in tests/fixtures/stats/expected.json section "regression", written
 * by tests/fixtures/stats/make_fixtures.py for engagement on awareness, environment- and achievement-building in the
 * "before" wave of tests/fixtures/stats/input-cohort.json, and for input-vectors.json. Regenerate with
 * `/usr/bin/python3 tests/fixtures/stats/make_fixtures.py`.
 */
import { describe, expect, it } from 'vitest';
import { scoreColumns } from '../../src/lib/stats/columns.ts';
import { INTERCEPT, coefficientOf, ols, type OlsResult } from '../../src/lib/stats/regression.ts';
import { INTERVAL_TOLERANCE, answerRows, cohort, column, expectClose, expected, instrument, vectors } from '../fixtures/stats/fixtures.ts';

type Reference = Record<string, number> & { names: string[]; b: number[]; se: number[]; t: number[]; p: number[]; ciLower: number[]; ciUpper: number[]; beta: (number | null)[] };

function expectFit(result: OlsResult, wanted: Reference) {
  if (!result.ok) throw new Error(`the fit failed: ${result.reason}`);
  expect(result.n).toBe(wanted.n);
  expect([result.dfModel, result.dfResidual]).toEqual([wanted.dfModel, wanted.dfResidual]);
  expect(result.coefficients.map((c) => c.name)).toEqual(wanted.names);
  result.coefficients.forEach((c, i) => {
    for (const key of ['b', 'se', 't', 'p'] as const) expectClose(c[key], wanted[key][i]!, 1e-9, `${c.name} ${key}`);
    expectClose(c.beta, wanted.beta[i]!, 1e-9, `${c.name} beta`);
    expectClose(c.ci.lower, wanted.ciLower[i]!, INTERVAL_TOLERANCE, `${c.name} CI lower`);
    expectClose(c.ci.upper, wanted.ciUpper[i]!, INTERVAL_TOLERANCE, `${c.name} CI upper`);
  });
  for (const key of ['r2', 'adjustedR2', 'f', 'fP', 'residualSe'] as const) expectClose(result[key], wanted[key]!, 1e-9, key);
}

describe('ordinary least squares', () => {
  it('matches statsmodels for the engagement model of the cohort', () => {
    const beforeRows = cohort.responses.flatMap((response, i) => (response.wave === 'before' ? [answerRows[i]!] : []));
    const { parts } = scoreColumns(instrument, beforeRows);
    const fit = ols(parts.engagement!, { awareness: parts.awareness!, environment: parts.environment!, achievement: parts.achievement! });
    expectFit(fit, expected.regression.model);
  });

  it('matches statsmodels on a small hand-written data set with a missing value (listwise)', () => {
    const { x1, x2, y } = vectors.regression as Record<string, (number | null)[]>;
    const fit = ols(column(y!), { x1: column(x1!), x2: column(x2!) });
    expectFit(fit, expected.regression.vectors);
    if (fit.ok) {
      expect(fit.n).toBe(11);
      expect(coefficientOf(fit, INTERCEPT).beta).toBeNaN();
      expect(() => coefficientOf(fit, 'x3')).toThrow(/no coefficient named x3/);
    }
  });

  it('recovers an exact line', () => {
    const fit = ols([3, 5, 7, 9, 11.5], { x: [1, 2, 3, 4, 5.25] });
    expect(fit.ok && coefficientOf(fit, 'x').b).toBeCloseTo(2, 12);
    expect(fit.ok && coefficientOf(fit, INTERCEPT).b).toBeCloseTo(1, 12);
    expect(fit.ok && fit.r2).toBeCloseTo(1, 12);
  });

  it('says why it cannot fit: too few complete responses, or collinear predictors', () => {
    expect(ols([1, 2, 3], { a: [1, 2, 4], b: [3, 1, 2] })).toEqual({ ok: false, reason: 'too-few-cases', n: 3 });
    expect(ols([1, 2, 3, 5, 4], { a: [1, 2, 3, 4, 5], twice: [2, 4, 6, 8, 10] })).toEqual({ ok: false, reason: 'collinear', n: 5 });
    expect(ols([1, 2, 3, 5], { constant: [2, 2, 2, 2] })).toEqual({ ok: false, reason: 'collinear', n: 4 });
  });
});
