/**
 * The model test (../shared/domain.md): engagement regressed on career awareness, environment-building and
 * achievement-building (stats/regression.ts), and the indirect effects of awareness through the two building
 * processes (stats/mediation.ts, parallel mediation). Point estimates here; the percentile bootstrap intervals
 * run in a Web Worker (bootstrap-protocol.ts) on the columns `modelColumns` extracts, for the same responses.
 *
 * Below the regression's sample minimum (sample-minimums.ts) the section is hidden and says how many more responses
 * are needed; in the indicative band it is shown and labelled so. The headline names a predictor only when its
 * confidence interval excludes zero, and states R² as what the parts explain only when one does and the sample is
 * adequate (`readModel`).
 */
import { pick } from '../../stats/columns.ts';
import { fitMediation } from '../../stats/mediation.ts';
import { ols } from '../../stats/regression.ts';
import type { BootstrapColumns } from '../bootstrap-protocol.ts';
import type { Dataset } from '../dataset.ts';
import { createContext, type AnalysisContext, type AnalysisInstrument } from './context.ts';
import { interval, SIGNIFICANCE, stat } from './numbers.ts';
import { completeCountsPerWave, enoughInEveryWave } from './privacy.ts';
import { sampleAdequacy, type SampleAdequacy } from './sample-minimums.ts';
import type { AnalysisFilter, AnalysisPrivacy, CoefficientResult, HiddenReason, ModelReading, ModelSection, Section, Stat } from './types.ts';

export const MODEL_NAMES = { x: 'awareness', mediators: ['environment', 'achievement'], y: 'engagement' } as const;

type ModelRows = { ok: true; rows: Int32Array; columns: { x: Float64Array; environment: Float64Array; achievement: Float64Array; y: Float64Array } } | { ok: false; reason: HiddenReason };

/** The view's responses complete on the four parts, when the model may be shown on them. */
function modelRows(context: AnalysisContext): ModelRows {
  const minimum = context.privacy.minGroupSize;
  const { awareness, environment, achievement, engagement } = context.scored.parts;
  if (!awareness || !environment || !achievement || !engagement) return { ok: false, reason: 'no-data' };
  const full = [awareness, environment, achievement, engagement];
  const counts = completeCountsPerWave(context.waveOf, context.viewRows, context.viewWaves, full);
  const total = counts.reduce((sum, count) => sum + count, 0);
  if (total === 0) return { ok: false, reason: 'no-data' };
  if (total < minimum) return { ok: false, reason: 'below-minimum' };
  if (!enoughInEveryWave(counts, minimum)) return { ok: false, reason: 'wave-below-minimum' };
  const rows = context.viewRows.filter((row) => full.every((column) => !Number.isNaN(column[row]!)));
  return { ok: true, rows, columns: { x: pick(awareness, rows), environment: pick(environment, rows), achievement: pick(achievement, rows), y: pick(engagement, rows) } };
}

export function model(context: AnalysisContext): Section<ModelSection> {
  const minimum = context.privacy.minGroupSize;
  const data = modelRows(context);
  if (!data.ok) return { hidden: true, reason: data.reason, minimum };
  const sample = sampleAdequacy('regression', data.rows.length);
  if (sample.band === 'insufficient') return { hidden: true, reason: 'below-sample-minimum', minimum: sample.minimum, needed: sample.needed };
  const { x, environment, achievement, y } = data.columns;
  const fit = ols(y, { awareness: x, environment, achievement });
  if (!fit.ok) return { hidden: true, reason: fit.reason, minimum };
  const mediation = fitMediation({ x, mediators: [environment, achievement], y, names: { x: MODEL_NAMES.x, mediators: [...MODEL_NAMES.mediators], y: MODEL_NAMES.y } });
  if (!mediation.ok) return { hidden: true, reason: mediation.reason, minimum };
  const coefficients = fit.coefficients.map((c) => ({ name: c.name, b: stat(c.b), se: stat(c.se), t: stat(c.t), p: stat(c.p), ci: interval(c.ci), beta: stat(c.beta) }));
  const { effects } = mediation;
  return {
    hidden: false,
    n: fit.n,
    pooledWaves: context.viewWaves.length > 1,
    regression: {
      outcome: 'engagement',
      coefficients,
      r2: stat(fit.r2),
      adjustedR2: stat(fit.adjustedR2),
      f: stat(fit.f),
      dfModel: fit.dfModel,
      dfResidual: fit.dfResidual,
      fP: stat(fit.fP),
    },
    mediation: {
      mediators: ['environment', 'achievement'],
      a: effects.a.map(stat),
      b: effects.b.map(stat),
      indirect: effects.indirect.map(stat),
      totalIndirect: stat(effects.totalIndirect),
      direct: stat(effects.direct),
      total: stat(effects.total),
    },
    sample,
    bootstrap: sampleAdequacy('bootstrap', fit.n),
    reading: readModel(coefficients, stat(fit.r2), sample),
  };
}

const excludesZero = (ci: CoefficientResult['ci']) => ci.lower !== null && ci.upper !== null && (ci.lower > 0 || ci.upper < 0);

/** The model's headline data (ModelReading): only predictors whose interval excludes zero are named. */
export function readModel(coefficients: readonly CoefficientResult[], r2: Stat, sample: Pick<SampleAdequacy, 'band'>): ModelReading {
  const predictors = coefficients.flatMap((c) => (c.beta !== null && c.p !== null ? [{ name: c.name, beta: c.beta, p: c.p, significant: c.p < SIGNIFICANCE, excludesZero: excludesZero(c.ci) }] : []));
  const strongest = predictors.filter((c) => c.excludesZero).reduce<{ name: string; beta: number } | null>((best, c) => (!best || Math.abs(c.beta) > Math.abs(best.beta) ? { name: c.name, beta: c.beta } : best), null);
  const indicative = sample.band !== 'adequate';
  return { kind: 'model', r2, r2Finding: strongest !== null && r2 !== null && !indicative, indicative, strongest, predictors };
}

/**
 * The columns the bootstrap worker needs, for the same responses and privacy rules as the analysis's model
 * section: awareness (x), environment- and achievement-building (mediators) and engagement (y) of the view's
 * responses complete on all four. Null when the model section is hidden. Computed in the dashboard's worker, next
 * to the bootstrap that resamples them; fresh arrays on every call, so a job owns its columns.
 */
export function modelColumns(dataset: Pick<Dataset, 'responses'>, instrument: AnalysisInstrument, privacy: AnalysisPrivacy, filter: AnalysisFilter = {}): BootstrapColumns | null {
  const data = modelRows(createContext(dataset.responses, instrument, privacy, filter));
  if (!data.ok) return null;
  const { x, environment, achievement, y } = data.columns;
  return { x, mediators: [environment, achievement], y, names: { x: MODEL_NAMES.x, mediators: [...MODEL_NAMES.mediators], y: MODEL_NAMES.y } };
}
