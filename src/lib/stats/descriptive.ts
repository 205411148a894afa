/**
 * Descriptive statistics of one variable: the per-construct summary, distribution and mean with its t-based
 * confidence interval. Missing values are NaN and are left out; `n` says how many values were used.
 * A statistic that needs more values than there are (an SD of one value) is NaN.
 */
import { tInterval, type ConfidenceInterval } from './interval.ts';

export interface Summary {
  /** Values used (not NaN). */
  n: number;
  /** Values left out because they were NaN. */
  missing: number;
  mean: number;
  /** Sample standard deviation (divisor n − 1). */
  sd: number;
  /** Standard error of the mean, sd / √n. */
  se: number;
  /** mean ± t(0.975, n − 1) · se. */
  ci: ConfidenceInterval;
  min: number;
  /** Quartiles by linear interpolation (`quantileSorted`). */
  q1: number;
  median: number;
  q3: number;
  max: number;
}

/** The values that are not NaN, in their original order. */
export function present(values: ArrayLike<number>): Float64Array {
  let count = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i]!)) count++;
  const kept = new Float64Array(count);
  let next = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (!Number.isNaN(value)) kept[next++] = value;
  }
  return kept;
}

/** Mean of the values that are not NaN (NaN when there are none). */
export function mean(values: ArrayLike<number>): number {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (!Number.isNaN(value)) {
      sum += value;
      count++;
    }
  }
  return count > 0 ? sum / count : Number.NaN;
}

/** Sample variance (divisor n − 1) of the values that are not NaN, by two passes for accuracy. */
export function variance(values: ArrayLike<number>): number {
  const centre = mean(values);
  let squares = 0;
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (!Number.isNaN(value)) {
      squares += (value - centre) * (value - centre);
      count++;
    }
  }
  return count > 1 ? squares / (count - 1) : Number.NaN;
}

/**
 * The p-quantile of ascending sorted values by linear interpolation between order statistics: Hyndman & Fan
 * (1996) type 7, the default of R's `quantile` and of numpy's `percentile` (method "linear").
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const count = sorted.length;
  if (count === 0 || !(p >= 0 && p <= 1)) return Number.NaN;
  const position = (count - 1) * p;
  const below = Math.floor(position);
  const fraction = position - below;
  const low = sorted[below]!;
  return fraction === 0 ? low : low + fraction * (sorted[below + 1]! - low);
}

/** Count, mean, SD, t-based confidence interval of the mean, and the five-number summary. */
export function summarize(values: ArrayLike<number>, level = 0.95): Summary {
  const kept = present(values).sort();
  const n = kept.length;
  const centre = mean(kept);
  const sd = Math.sqrt(variance(kept));
  const se = sd / Math.sqrt(n);
  return {
    n,
    missing: values.length - n,
    mean: centre,
    sd,
    se,
    ci: n > 1 ? tInterval(centre, se, n - 1, level) : { level, lower: Number.NaN, upper: Number.NaN },
    min: n > 0 ? kept[0]! : Number.NaN,
    q1: quantileSorted(kept, 0.25),
    median: quantileSorted(kept, 0.5),
    q3: quantileSorted(kept, 0.75),
    max: n > 0 ? kept[n - 1]! : Number.NaN,
  };
}

export interface Histogram {
  /** bins + 1 edges from min to max; bin i is [edges[i], edges[i+1]), the last bin also holds max itself. */
  edges: number[];
  counts: number[];
  /** Values below min or above max, left out of the bins. */
  outside: number;
  missing: number;
}

/**
 * Counts in equal-width bins, with the same edges and edge rules as numpy.histogram(values, bins, range=(min, max)).
 * For a 3-item scale scored 1–5, bins of width 0.5 (`{ min: 1, max: 5, bins: 8 }`) keep every possible score
 * (1, 1⅓, 1½, 1⅔, …) away from an edge except the whole and half points, which open their bin.
 */
export function histogram(values: ArrayLike<number>, range: { min: number; max: number; bins: number }): Histogram {
  const { min, max, bins } = range;
  if (!(max > min) || !Number.isInteger(bins) || bins < 1) throw new RangeError('a histogram needs min < max and a whole number of bins');
  const step = (max - min) / bins;
  const edges = Array.from({ length: bins + 1 }, (_, i) => (i === bins ? max : min + i * step));
  const counts = new Array<number>(bins).fill(0);
  let outside = 0;
  let missing = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (Number.isNaN(value)) missing++;
    else if (value < min || value > max) outside++;
    else {
      let bin = Math.min(Math.floor((value - min) / step), bins - 1);
      // Rounding in (value − min) / step can land one bin off; the edges decide, as numpy does.
      if (value < edges[bin]!) bin--;
      else if (bin < bins - 1 && value >= edges[bin + 1]!) bin++;
      counts[bin]!++;
    }
  }
  return { edges, counts, outside, missing };
}

/** How many values equal each level (item answers 1–5, recommendation 0–10); other values count as `other`. */
export function frequencies(values: ArrayLike<number>, levels: readonly number[]): { counts: number[]; other: number; missing: number } {
  const counts = new Array<number>(levels.length).fill(0);
  const index = new Map(levels.map((level, i) => [level, i]));
  let other = 0;
  let missing = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (Number.isNaN(value)) missing++;
    else {
      const at = index.get(value);
      if (at === undefined) other++;
      else counts[at]!++;
    }
  }
  return { counts, other, missing };
}
