/**
 * From the statistics library's numbers to the analysis's JSON: NaN and ±Infinity become null (JSON would write
 * null for them anyway, and structured clone would keep a NaN the UI then has to test for separately), and
 * effect sizes get their conventional band.
 */
import { tInterval, type ConfidenceInterval } from '../../stats/interval.ts';
import type { EffectSize } from '../../stats/compare.ts';
import type { EffectBand, EffectSizeResult, Interval, MeanSummary, Stat } from './types.ts';

export const LEVEL = 0.95;
export const SIGNIFICANCE = 0.05;

export function stat(value: number): Stat {
  return Number.isFinite(value) ? value : null;
}

export function interval(ci: Pick<ConfidenceInterval, 'lower' | 'upper'>): Interval {
  return { lower: stat(ci.lower), upper: stat(ci.upper) };
}

/** Cohen (1988): |d| of 0.2, 0.5 and 0.8 open the small, medium and large bands. */
export function dBand(d: number): EffectBand | null {
  if (!Number.isFinite(d)) return null;
  const size = Math.abs(d);
  return size < 0.2 ? 'negligible' : size < 0.5 ? 'small' : size < 0.8 ? 'medium' : 'large';
}

/** Cohen (1988): |r| of 0.1, 0.3 and 0.5 open the small, medium and large bands. */
export function rBand(r: number): EffectBand | null {
  if (!Number.isFinite(r)) return null;
  const size = Math.abs(r);
  return size < 0.1 ? 'negligible' : size < 0.3 ? 'small' : size < 0.5 ? 'medium' : 'large';
}

export function effectSize(effect: EffectSize): EffectSizeResult {
  return { value: stat(effect.value), band: dBand(effect.value), formula: effect.formula };
}

/**
 * n, mean, SD and t-based interval of the mean of every group at once, by the formulas of `summarize`
 * (stats/descriptive.ts: mean, two-pass variance with divisor n − 1, tInterval) without its copies and its sort for
 * the quartiles: one pass for the sums, one for the squared deviations, so 20,000 responses stay fast.
 */
export function groupedMeanSummaries(column: Float64Array, rows: Int32Array, groupOf: Int32Array, groups: number): MeanSummary[] {
  const count = new Float64Array(groups);
  const sum = new Float64Array(groups);
  const squares = new Float64Array(groups);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    const g = groupOf[row]!;
    const value = column[row]!;
    if (g < 0 || Number.isNaN(value)) continue;
    count[g]!++;
    sum[g]! += value;
  }
  const centre = Float64Array.from(sum, (total, g) => (count[g]! > 0 ? total / count[g]! : Number.NaN));
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    const g = groupOf[row]!;
    const value = column[row]!;
    if (g < 0 || Number.isNaN(value)) continue;
    const deviation = value - centre[g]!;
    squares[g]! += deviation * deviation;
  }
  return Array.from({ length: groups }, (_, g) => {
    const n = count[g]!;
    const mean = centre[g]!;
    const sd = Math.sqrt(n > 1 ? squares[g]! / (n - 1) : Number.NaN);
    const ci = n > 1 ? tInterval(mean, sd / Math.sqrt(n), n - 1, LEVEL) : { lower: Number.NaN, upper: Number.NaN };
    return { n, mean: stat(mean), sd: stat(sd), ci: interval(ci) };
  });
}

/** Share of the answered values at or above `from` (the top-two box of a 1–5 rating: 4 and 5). */
export function shareAtLeast(values: ArrayLike<number>, from: number): Stat {
  let answered = 0;
  let high = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (Number.isNaN(value)) continue;
    answered++;
    if (value >= from) high++;
  }
  return answered > 0 ? high / answered : null;
}
