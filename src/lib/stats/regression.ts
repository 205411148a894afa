/**
 * Ordinary least squares with an intercept, on the responses that have every variable (listwise complete cases).
 * Solved by the normal equations of the centred design with a Cholesky factorisation: with a handful of predictors
 * this costs one pass over the data to form the cross-products, then a k × k solve, whatever n is.
 *
 * Standard errors are the classical ones, σ̂²(XᵀX)⁻¹ with σ̂² = SSE / (n − k − 1), as statsmodels' OLS reports by
 * default; the standardised coefficient is β = b · SD(x) / SD(y), the slope the model would have on z-scores.
 */
import { completeRows } from './columns.ts';
import { fSurvival, studentTTwoSidedP } from './distributions.ts';
import { tInterval, type ConfidenceInterval } from './interval.ts';
import { choleskyDecompose, choleskyInverse, choleskySolve, crossProducts } from './linear-algebra.ts';

export interface Coefficient {
  /** "(intercept)" or the predictor's name. */
  name: string;
  /** Unstandardised coefficient. */
  b: number;
  se: number;
  t: number;
  /** Two-sided, n − k − 1 df. */
  p: number;
  ci: ConfidenceInterval;
  /** Standardised coefficient β = b · SD(x) / SD(y); NaN for the intercept. */
  beta: number;
}

export interface OlsFit {
  ok: true;
  /** Responses used (complete on the outcome and every predictor). */
  n: number;
  /** Intercept first, then the predictors in the order given. */
  coefficients: Coefficient[];
  r2: number;
  adjustedR2: number;
  /** F test of all slopes = 0, with (dfModel, dfResidual) df. */
  f: number;
  dfModel: number;
  dfResidual: number;
  fP: number;
  /** √(SSE / dfResidual). */
  residualSe: number;
}

export interface OlsFailure {
  ok: false;
  /** "too-few-cases": fewer complete responses than predictors + 2; "collinear": a predictor is constant or a combination of others. */
  reason: 'too-few-cases' | 'collinear';
  n: number;
}

export type OlsResult = OlsFit | OlsFailure;

export const INTERCEPT = '(intercept)';

/** Regresses `outcome` on the named predictors. */
export function ols(outcome: ArrayLike<number>, predictors: Readonly<Record<string, ArrayLike<number>>>, level = 0.95): OlsResult {
  const names = Object.keys(predictors);
  const k = names.length;
  const columns = [...names.map((name) => predictors[name]!), outcome];
  const rows = completeRows(columns);
  const n = rows.length;
  if (n < k + 2) return { ok: false, reason: 'too-few-cases', n };
  const { means, sscp } = crossProducts(columns, rows);
  const size = k + 1;
  const factor = new Float64Array(k * k);
  const slopes = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) factor[i * k + j] = sscp[i * size + j]!;
    slopes[i] = sscp[i * size + k]!;
  }
  if (!choleskyDecompose(factor, k)) return { ok: false, reason: 'collinear', n };
  choleskySolve(factor, k, slopes);
  const inverse = choleskyInverse(factor, k);

  const outcomeMean = means[k]!;
  let intercept = outcomeMean;
  for (let j = 0; j < k; j++) intercept -= slopes[j]! * means[j]!;
  // Residuals in a second pass rather than SST − b'Sxy, which cancels badly when R² is near 1.
  let sse = 0;
  for (let r = 0; r < n; r++) {
    const row = rows[r]!;
    let residual = outcome[row]! - outcomeMean;
    for (let j = 0; j < k; j++) residual -= slopes[j]! * (columns[j]![row]! - means[j]!);
    sse += residual * residual;
  }
  const sst = sscp[k * size + k]!;
  const dfResidual = n - k - 1;
  const sigma2 = sse / dfResidual;

  let interceptVariance = 1 / n;
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) interceptVariance += means[i]! * inverse[i * k + j]! * means[j]!;
  const coefficient = (name: string, b: number, variance: number, beta: number): Coefficient => {
    const se = Math.sqrt(sigma2 * variance);
    const t = b / se;
    return { name, b, se, t, p: studentTTwoSidedP(t, dfResidual), ci: tInterval(b, se, dfResidual, level), beta };
  };
  const r2 = 1 - sse / sst;
  const f = (sst - sse) / k / sigma2;
  return {
    ok: true,
    n,
    coefficients: [
      coefficient(INTERCEPT, intercept, interceptVariance, Number.NaN),
      ...names.map((name, j) => coefficient(name, slopes[j]!, inverse[j * k + j]!, slopes[j]! * Math.sqrt(sscp[j * size + j]! / sst))),
    ],
    r2,
    adjustedR2: 1 - ((1 - r2) * (n - 1)) / dfResidual,
    f,
    dfModel: k,
    dfResidual,
    fP: fSurvival(f, k, dfResidual),
    residualSe: Math.sqrt(sigma2),
  };
}

/** The coefficient of a predictor by name, for reading a fit. */
export function coefficientOf(fit: OlsFit, name: string): Coefficient {
  const found = fit.coefficients.find((c) => c.name === name);
  if (!found) throw new RangeError(`no coefficient named ${name}; the fit has ${fit.coefficients.map((c) => c.name).join(', ')}`);
  return found;
}
