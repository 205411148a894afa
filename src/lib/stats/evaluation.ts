/**
 * The short workshop evaluation: satisfaction and applicability (1–5, summarised with `summarize`) and the
 * likelihood to recommend (0–10), summarised as a net promoter score (Reichheld 2003, "The one number you need to
 * grow", Harvard Business Review 81(12)): promoters answer 9–10, passives 7–8, detractors 0–6, and
 *
 *   NPS = 100 · (promoters − detractors) / answers,   from −100 (all detractors) to +100 (all promoters).
 */
import { summarize, type Summary } from './descriptive.ts';

export interface NetPromoterScore {
  /** Whole-number answers from 0 to 10. */
  n: number;
  promoters: number;
  passives: number;
  detractors: number;
  /** Not answered (NaN) or not a whole number from 0 to 10. */
  excluded: number;
  /** −100 to +100; NaN when no one answered. */
  score: number;
  /** Shares of n, from 0 to 1, for a stacked bar. */
  shares: { promoters: number; passives: number; detractors: number };
}

export function netPromoterScore(recommend: ArrayLike<number>): NetPromoterScore {
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  let excluded = 0;
  for (let i = 0; i < recommend.length; i++) {
    const value = recommend[i]!;
    if (!Number.isInteger(value) || value < 0 || value > 10) excluded++;
    else if (value >= 9) promoters++;
    else if (value >= 7) passives++;
    else detractors++;
  }
  const n = promoters + passives + detractors;
  return {
    n,
    promoters,
    passives,
    detractors,
    excluded,
    score: n > 0 ? (100 * (promoters - detractors)) / n : Number.NaN,
    shares: { promoters: promoters / n, passives: passives / n, detractors: detractors / n },
  };
}

export interface WorkshopEvaluation {
  satisfaction: Summary;
  applicability: Summary;
  recommend: NetPromoterScore;
}

/** The three closed questions of the evaluation, each a column with NaN where not answered. */
export function summarizeEvaluation(columns: { satisfaction: ArrayLike<number>; applicability: ArrayLike<number>; recommend: ArrayLike<number> }): WorkshopEvaluation {
  return { satisfaction: summarize(columns.satisfaction), applicability: summarize(columns.applicability), recommend: netPromoterScore(columns.recommend) };
}
