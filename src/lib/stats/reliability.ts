/**
 * Internal consistency of a scale: Cronbach's alpha (Cronbach 1951, Psychometrika 16(3)), with alpha if each item
 * were deleted and the corrected item–total correlation, on the responses that answered every item of the scale
 * (listwise complete cases).
 *
 *   α = k / (k − 1) · (1 − Σ s²ᵢ / s²_total),   s²_total = Σᵢ Σⱼ cov(xᵢ, xⱼ)  (the variance of the item sum)
 *
 * Items should be scored (reverse-keyed items reversed), as `scoreColumns` gives them.
 */
import { completeRows, type ScoredColumns, type ScoringInstrument } from './columns.ts';
import { crossProducts } from './linear-algebra.ts';

export interface ItemReliability {
  itemId: string;
  mean: number;
  sd: number;
  /** Alpha of the scale without this item (NaN when fewer than two items would remain). */
  alphaIfDeleted: number;
  /** Correlation of the item with the sum of the scale's other items. */
  correctedItemTotal: number;
}

export interface ScaleReliability {
  alpha: number;
  /** Responses with every item answered. */
  n: number;
  /** Number of items. */
  k: number;
  items: ItemReliability[];
}

/** Alpha of a set of item columns; `itemIds` name them in the result. */
export function cronbachAlpha(items: readonly ArrayLike<number>[], itemIds: readonly string[] = items.map((_, i) => `item${i + 1}`)): ScaleReliability {
  const k = items.length;
  const rows = completeRows(items);
  const { n, means, sscp } = crossProducts(items, rows);
  const covariance = (i: number, j: number) => sscp[i * k + j]! / (n - 1);
  const alphaOf = (included: readonly number[]) => {
    const m = included.length;
    if (m < 2) return Number.NaN;
    let itemVariances = 0;
    let total = 0;
    for (const i of included) {
      itemVariances += covariance(i, i);
      for (const j of included) total += covariance(i, j);
    }
    return (m / (m - 1)) * (1 - itemVariances / total);
  };
  const all = Array.from({ length: k }, (_, i) => i);
  return {
    alpha: alphaOf(all),
    n,
    k,
    items: all.map((i) => {
      const rest = all.filter((j) => j !== i);
      let withRest = 0;
      let restVariance = 0;
      for (const j of rest) {
        withRest += covariance(i, j);
        for (const l of rest) restVariance += covariance(j, l);
      }
      return {
        itemId: itemIds[i] ?? `item${i + 1}`,
        mean: means[i]!,
        sd: Math.sqrt(covariance(i, i)),
        alphaIfDeleted: alphaOf(rest),
        correctedItemTotal: withRest / Math.sqrt(covariance(i, i) * restVariance),
      };
    }),
  };
}

/** Alpha of every scale of the instrument, by scale id. */
export function reliabilityByScale(instrument: Pick<ScoringInstrument, 'scales'>, columns: Pick<ScoredColumns, 'items'>): Record<string, ScaleReliability> {
  return Object.fromEntries(
    instrument.scales.map((scale) => {
      const ids = scale.items.map((item) => item.id);
      return [scale.id, cronbachAlpha(ids.map((id) => columns.items[id] ?? new Float64Array(0)), ids)];
    }),
  );
}
