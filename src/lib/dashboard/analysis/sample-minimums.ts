/**
 * The sample each analysis needs before its figures say anything, apart from privacy (privacy.ts decides whether a
 * figure may be shown at all; this decides whether it is worth reading). Three bands:
 *
 * - 'insufficient' (n < minimum): no figures, only how many more responses are needed;
 * - 'indicative' (minimum ≤ n < adequate): figures shown, labelled as indicative (参考値), with the reason;
 * - 'adequate' (n ≥ adequate): figures shown as they are.
 *
 * The thresholds and their sources (the dashboard guide explains them with a worked example):
 * - Cronbach's alpha: 30 / 100. Alpha's sampling error is large in small samples (Charter 2003, J. Gen. Psychol.
 *   130, 117–129); Yurdugül (2008, Hacettepe Univ. J. Educ. 35, 397–405) found by simulation that about 30
 *   respondents can do only when the items hang together strongly, and about 100 otherwise.
 * - Correlations: 30 / 85. At n = 30 the 95% interval of r around 0 still runs from about −0.36 to +0.36
 *   (Fisher's z, half-width 1.96/√(n − 3)); 85 is what a medium correlation (r = 0.30) needs for 80% power at
 *   α = 0.05 (Cohen 1992, A power primer, Psychol. Bull. 112, 155–159).
 * - The regression (three predictors): 50 + 8k = 74 to test the model as a whole, and 104 + k = 107 to test each
 *   predictor (Green 1991, Multivariate Behav. Res. 26, 499–510).
 * - The percentile bootstrap of the indirect effects: 80 / 107. Fritz & MacKinnon (2007, Psychol. Sci. 18,
 *   233–239) found that the percentile bootstrap needs roughly 80 people to detect an indirect effect made of two
 *   medium paths with 80% power; every resample refits the regressions, so the predictor-level 107 applies too.
 */

export type SampleBand = 'insufficient' | 'indicative' | 'adequate';

export type SampleAnalysis = 'alpha' | 'correlation' | 'regression' | 'bootstrap';

export interface SampleRule {
  /** Below this, no figures are shown. */
  minimum: number;
  /** From this, the figures are no longer labelled indicative. */
  adequate: number;
}

/** Predictors of the model test (awareness, environment- and achievement-building). */
export const MODEL_PREDICTORS = 3;

export const SAMPLE_MINIMUMS: Readonly<Record<SampleAnalysis, SampleRule>> = Object.freeze({
  alpha: { minimum: 30, adequate: 100 },
  correlation: { minimum: 30, adequate: 85 },
  regression: { minimum: 50 + 8 * MODEL_PREDICTORS, adequate: 104 + MODEL_PREDICTORS },
  bootstrap: { minimum: 80, adequate: 104 + MODEL_PREDICTORS },
});

/**
 * A bootstrap whose resamples fail more often than this share (a fit impossible on a resample: too few distinct
 * responses, or predictors that move together) is reported as not estimable rather than as an interval: the
 * percentiles would come from an unknown, non-random part of the resamples.
 */
export const MAX_FAILED_RESAMPLE_SHARE = 0.01;

export interface SampleAdequacy {
  analysis: SampleAnalysis;
  band: SampleBand;
  /** Responses the figures rest on. */
  n: number;
  minimum: number;
  adequate: number;
  /** Responses still needed: to reach `minimum` when insufficient, `adequate` when indicative, 0 when adequate. */
  needed: number;
}

/** The band of a sample of `n` for an analysis. `n` must be a whole number of at least 0. */
export function sampleAdequacy(analysis: SampleAnalysis, n: number, rules: Readonly<Record<SampleAnalysis, SampleRule>> = SAMPLE_MINIMUMS): SampleAdequacy {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`a sample size must be a whole number of at least 0, not ${n}`);
  const { minimum, adequate } = rules[analysis];
  const band: SampleBand = n < minimum ? 'insufficient' : n < adequate ? 'indicative' : 'adequate';
  const needed = band === 'insufficient' ? minimum - n : band === 'indicative' ? adequate - n : 0;
  return { analysis, band, n, minimum, adequate, needed };
}

/** True when figures may be shown (indicative or adequate). */
export function enoughToShow(adequacy: Pick<SampleAdequacy, 'band'>): boolean {
  return adequacy.band !== 'insufficient';
}

/**
 * Whether a bootstrap's resamples failed too often to trust its percentiles (see MAX_FAILED_RESAMPLE_SHARE).
 * No resample at all counts as not estimable.
 */
export function bootstrapEstimable(resamples: number, failed: number): boolean {
  if (!(resamples > 0)) return false;
  return failed / resamples <= MAX_FAILED_RESAMPLE_SHARE;
}
