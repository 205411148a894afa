/**
 * Pearson correlations between scores, each pair on the responses that have both values (pairwise complete), so
 * every cell says on how many responses it rests. Pairwise deletion keeps the most data; with much missing data the
 * cells rest on different people, which is why n is given per cell.
 */
import { studentTTwoSidedP } from './distributions.ts';

export interface Correlation {
  r: number;
  /** Responses with both values. */
  n: number;
  /** Two-sided p of H0: ρ = 0, from t = r·√((n − 2) / (1 − r²)) with n − 2 df (SciPy's `pearsonr`). */
  p: number;
}

export interface CorrelationMatrix {
  names: string[];
  /** r[i][j], symmetric, 1 on the diagonal (NaN where a variable does not vary). */
  r: number[][];
  /** Pairwise-complete n; the diagonal holds each variable's own n. */
  n: number[][];
  /** Two-sided p; NaN on the diagonal. */
  p: number[][];
}

/** Pearson's r of two columns over the rows where both have a value (two passes, centred). */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): Correlation {
  const length = Math.min(x.length, y.length);
  let n = 0;
  let sumX = 0;
  let sumY = 0;
  for (let i = 0; i < length; i++) {
    const a = x[i]!;
    const b = y[i]!;
    if (Number.isNaN(a) || Number.isNaN(b)) continue;
    n++;
    sumX += a;
    sumY += b;
  }
  const meanX = sumX / n;
  const meanY = sumY / n;
  let xx = 0;
  let yy = 0;
  let xy = 0;
  for (let i = 0; i < length; i++) {
    const a = x[i]!;
    const b = y[i]!;
    if (Number.isNaN(a) || Number.isNaN(b)) continue;
    const dx = a - meanX;
    const dy = b - meanY;
    xx += dx * dx;
    yy += dy * dy;
    xy += dx * dy;
  }
  // Rounding can push |r| a hair past 1 for perfectly related data.
  const r = n > 1 ? Math.max(-1, Math.min(1, xy / Math.sqrt(xx * yy))) : Number.NaN;
  return { r, n, p: correlationP(r, n) };
}

/** Two-sided p-value of a correlation r on n cases. */
export function correlationP(r: number, n: number): number {
  if (!(n > 2) || Number.isNaN(r)) return Number.NaN;
  if (Math.abs(r) === 1) return 0;
  const df = n - 2;
  return studentTTwoSidedP(r * Math.sqrt(df / (1 - r * r)), df);
}

/** The full matrix for named columns (such as the twelve scale scores). */
export function correlationMatrix(columns: Readonly<Record<string, ArrayLike<number>>>): CorrelationMatrix {
  const names = Object.keys(columns);
  const k = names.length;
  const values = names.map((name) => columns[name]!);
  const r = names.map(() => new Array<number>(k).fill(Number.NaN));
  const n = names.map(() => new Array<number>(k).fill(0));
  const p = names.map(() => new Array<number>(k).fill(Number.NaN));
  for (let i = 0; i < k; i++) {
    const column = values[i]!;
    const self = pearson(column, column);
    n[i]![i] = self.n;
    r[i]![i] = Number.isNaN(self.r) ? Number.NaN : 1; // NaN for a constant column, as pandas gives
    for (let j = i + 1; j < k; j++) {
      const cell = pearson(column, values[j]!);
      r[i]![j] = r[j]![i] = cell.r;
      n[i]![j] = n[j]![i] = cell.n;
      p[i]![j] = p[j]![i] = cell.p;
    }
  }
  return { names, r, n, p };
}
