/**
 * Before and after a workshop. Two questions, two tests:
 * - the same people, matched by their anonymous code: the paired t test on each person's change;
 * - the two waves as independent groups (everyone who answered, codes or not): Welch's t test, which does not
 *   assume equal variances (Welch 1947; Delacre, Lakens & Leys 2017, "Why psychologists should by default use
 *   Welch's t-test", IRRS 30(1)).
 * The unmatched comparison treats the waves as independent samples. When many people answered both waves they
 * are not, and the paired result is the one to read; the dashboard should show the paired result first.
 * Pairs come from `pairing.ts`.
 *
 * Effect sizes follow Lakens (2013), "Calculating and reporting effect sizes to facilitate cumulative science",
 * Frontiers in Psychology 4:863; each result carries the formula it used, for the dashboard to show.
 */
import { logBeta, studentTTwoSidedP } from './distributions.ts';
import { mean, variance } from './descriptive.ts';
import { tInterval, type ConfidenceInterval } from './interval.ts';

export interface EffectSize {
  value: number;
  /** The formula, written out for the dashboard, such as "d_z = mean(after − before) / SD(after − before)". */
  formula: string;
}

export interface PairedComparison {
  /** Pairs with a value in both waves. */
  n: number;
  meanBefore: number;
  meanAfter: number;
  /** mean(after − before). */
  meanChange: number;
  sdChange: number;
  seChange: number;
  ci: ConfidenceInterval;
  t: number;
  df: number;
  /** Two-sided. */
  p: number;
  /** The standardised mean change, d_z: what the paired t test tests (t = d_z · √n). */
  dz: EffectSize;
  /** The change in units of the average of the two waves' SDs, d_av: comparable with between-group d. */
  dav: EffectSize;
}

/**
 * Paired t test of after − before. `before[i]` and `after[i]` are one person's values (see `matchPairs` in
 * pairing.ts); a pair with NaN on either side is left out.
 */
export function pairedComparison(before: ArrayLike<number>, after: ArrayLike<number>, level = 0.95): PairedComparison {
  if (before.length !== after.length) throw new RangeError('before and after must hold one value per pair');
  const keptBefore: number[] = [];
  const keptAfter: number[] = [];
  const change: number[] = [];
  for (let i = 0; i < before.length; i++) {
    const b = before[i]!;
    const a = after[i]!;
    if (Number.isNaN(a) || Number.isNaN(b)) continue;
    keptBefore.push(b);
    keptAfter.push(a);
    change.push(a - b);
  }
  const n = change.length;
  const meanChange = mean(change);
  const sdChange = Math.sqrt(variance(change));
  const seChange = sdChange / Math.sqrt(n);
  const t = meanChange / seChange;
  const df = n - 1;
  const sdBefore = Math.sqrt(variance(keptBefore));
  const sdAfter = Math.sqrt(variance(keptAfter));
  return {
    n,
    meanBefore: mean(keptBefore),
    meanAfter: mean(keptAfter),
    meanChange,
    sdChange,
    seChange,
    ci: tInterval(meanChange, seChange, df, level),
    t,
    df,
    p: studentTTwoSidedP(t, df),
    dz: { value: meanChange / sdChange, formula: 'd_z = mean(after − before) / SD(after − before)' },
    dav: { value: meanChange / ((sdBefore + sdAfter) / 2), formula: 'd_av = mean(after − before) / ((SD_before + SD_after) / 2)' },
  };
}

export interface GroupSummary {
  n: number;
  mean: number;
  sd: number;
}

export interface WelchComparison {
  before: GroupSummary;
  after: GroupSummary;
  /** mean(after) − mean(before). */
  difference: number;
  /** √(s²_after / n_after + s²_before / n_before). */
  se: number;
  ci: ConfidenceInterval;
  t: number;
  /** Welch–Satterthwaite degrees of freedom (not a whole number). */
  df: number;
  /** Two-sided. */
  p: number;
  /** Hedges' g: Cohen's d_s with the small-sample correction J. The effect size this library reports. */
  g: EffectSize;
  /** Cohen's d_s, uncorrected, for readers who compare with older reports. */
  d: EffectSize;
}

/**
 * Welch's t test of after − before for two independent groups; NaN values are left out.
 *
 * Effect size: Hedges' g = J · d_s, where d_s = (mean_after − mean_before) / SD_pooled,
 * SD_pooled = √(((n₁ − 1)s₁² + (n₂ − 1)s₂²) / (n₁ + n₂ − 2)), and J = Γ(m/2) / (√(m/2) Γ((m − 1)/2)) with
 * m = n₁ + n₂ − 2 (Hedges 1981, exact form; ≈ 1 − 3/(4m − 1)). We chose g over d because workshop groups are
 * often small, where d is biased upwards, and the pooled standardiser over Welch's unpooled one because it is the
 * one readers know; it describes the size of the change, while the test itself does not assume equal variances.
 */
export function welchComparison(before: ArrayLike<number>, after: ArrayLike<number>, level = 0.95): WelchComparison {
  const groupBefore = groupSummary(before);
  const groupAfter = groupSummary(after);
  const shareBefore = (groupBefore.sd * groupBefore.sd) / groupBefore.n;
  const shareAfter = (groupAfter.sd * groupAfter.sd) / groupAfter.n;
  const se = Math.sqrt(shareBefore + shareAfter);
  const difference = groupAfter.mean - groupBefore.mean;
  const t = difference / se;
  const df = (shareBefore + shareAfter) ** 2 / (shareBefore ** 2 / (groupBefore.n - 1) + shareAfter ** 2 / (groupAfter.n - 1));
  const m = groupBefore.n + groupAfter.n - 2;
  const pooledSd = Math.sqrt(((groupBefore.n - 1) * groupBefore.sd ** 2 + (groupAfter.n - 1) * groupAfter.sd ** 2) / m);
  const d = difference / pooledSd;
  return {
    before: groupBefore,
    after: groupAfter,
    difference,
    se,
    ci: tInterval(difference, se, df, level),
    t,
    df,
    p: studentTTwoSidedP(t, df),
    g: {
      value: hedgesCorrection(m) * d,
      formula: 'g = J · (mean_after − mean_before) / SD_pooled, J = Γ(m/2) / (√(m/2) · Γ((m − 1)/2)), m = n_before + n_after − 2',
    },
    d: { value: d, formula: 'd_s = (mean_after − mean_before) / SD_pooled, SD_pooled = √(((n₁ − 1)s₁² + (n₂ − 1)s₂²) / (n₁ + n₂ − 2))' },
  };
}

/**
 * Hedges' exact small-sample correction J(m) = Γ(m/2) / (√(m/2) Γ((m − 1)/2)), written through the beta function
 * (Γ(a)/Γ(a − ½) = √π / B(a − ½, ½)) so it stays exact for large m.
 */
export function hedgesCorrection(m: number): number {
  if (!(m > 1)) return Number.NaN;
  return Math.exp(0.5 * Math.log(Math.PI) - logBeta((m - 1) / 2, 0.5) - 0.5 * Math.log(m / 2));
}

function groupSummary(values: ArrayLike<number>): GroupSummary {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i]!)) n++;
  return { n, mean: mean(values), sd: Math.sqrt(variance(values)) };
}
