/**
 * The facilitator dashboard's analysis: one pure function from a dataset to everything the dashboard shows
 * (participation, construct distributions, group profiles and breakdowns, before and after, reliability,
 * correlations, the model test, the workshop evaluation), each section with the numbers for a one-line reading.
 *
 *   const analysis = analyseDataset(dataset, instrument, config.privacy, { wave: 'after' });
 *
 * The result is plain JSON (./analysis/types.ts): NaN and ±Infinity are null, there are no typed arrays, so it
 * can be stored, compared, sent to and from a worker with structured clone, or written to a file unchanged.
 * Privacy is applied before anything leaves this function (./analysis/privacy.ts): small groups and their
 * complements hidden and listed with a reason, comments only for large enough groups.
 *
 * Everything is computed from the statistics library (src/lib/stats/), which is tested against scipy and
 * statsmodels; the modules under ./analysis/ only choose rows, apply privacy, and reshape. The dashboard calls
 * this in its Web Worker (./analysis-worker-protocol.ts), where the mediation bootstrap (./bootstrap-protocol.ts)
 * also runs on `modelColumns(…)`.
 */
import type { Dataset } from './dataset.ts';
import { beforeAfter, pairedRows, WAVE_PAIRS } from './analysis/before-after.ts';
import { timeline } from './analysis/timeline.ts';
import { breakdowns, groupProfiles } from './analysis/breakdowns.ts';
import { constructs } from './analysis/constructs.ts';
import { createContext, waveIds, type AnalysisInstrument } from './analysis/context.ts';
import { correlations } from './analysis/correlations.ts';
import { evaluation } from './analysis/evaluation.ts';
import { auditPublished, dimensionPrivacy, measureShown } from './analysis/groups.ts';
import { model } from './analysis/model.ts';
import { LEVEL, SIGNIFICANCE } from './analysis/numbers.ts';
import { participation, viewHiddenReason } from './analysis/participation.ts';
import { reliability } from './analysis/reliability.ts';
import type { AnalysisFilter, AnalysisPrivacy, DatasetAnalysis, HiddenReason, HiddenSection, Section } from './analysis/types.ts';

export type * from './analysis/types.ts';
export type { AnalysisInstrument } from './analysis/context.ts';
export { modelColumns, MODEL_NAMES } from './analysis/model.ts';
export { WAVE_PAIRS, pairWaves } from './analysis/before-after.ts';
export { ALPHA_THRESHOLD } from './analysis/reliability.ts';
export { scoreBins } from './analysis/constructs.ts';
export { dBand, rBand } from './analysis/numbers.ts';
export { SAMPLE_MINIMUMS, sampleAdequacy, bootstrapEstimable, MAX_FAILED_RESAMPLE_SHARE } from './analysis/sample-minimums.ts';

/** A section builder's result as a Section: hidden as it says, else shown. */
const orHidden = <T extends object>(result: T | HiddenSection): Section<T> => ('hidden' in result ? result : { hidden: false, ...result });

export function analyseDataset(dataset: Pick<Dataset, 'responses'>, instrument: AnalysisInstrument, privacy: AnalysisPrivacy, filter: AnalysisFilter = {}): DatasetAnalysis {
  const context = createContext(dataset.responses, instrument, privacy, filter);
  const minimum = privacy.minGroupSize;
  const groups = {
    cohort: dimensionPrivacy(context, context.dimensions.cohort),
    stage: dimensionPrivacy(context, context.dimensions.stage),
    role: dimensionPrivacy(context, context.dimensions.role),
  };
  // Then the audit of everything published together, which may hide more (./analysis/privacy.ts, rule 5).
  const pair = filter.pair ?? 'before-after';
  if (!WAVE_PAIRS.includes(pair)) throw new RangeError(`the pair of waves must be one of ${WAVE_PAIRS.join(', ')}, not ${String(pair)}`);
  const pairedWithdrawn = auditPublished(
    context,
    [groups.cohort, groups.stage, groups.role],
    WAVE_PAIRS.map((each) => pairedRows(context, each)),
  );
  const shown = measureShown(context);
  // Every shown wave has at least the minimum, so a view is either empty or large enough; the check stays for
  // clarity should that rule change.
  const viewHidden: HiddenReason | null = viewHiddenReason(context) ?? (context.viewRows.length < minimum ? 'below-minimum' : null);
  const hidden = () => ({ hidden: true as const, reason: viewHidden ?? 'no-data', minimum });
  const section = <T extends object>(build: () => T): Section<T> => (viewHidden ? hidden() : { hidden: false, ...build() });

  const constructsSection = section(() => constructs(context, shown));
  const breakdownsSection = section(() => breakdowns(context, groups, shown));
  const overallMeans = constructsSection.hidden ? [] : constructsSection.measures.map((measure) => measure.summary?.mean ?? null);
  return {
    version: 1,
    view: {
      wave: context.wave,
      waves: waveIds(context.viewWaves),
      excludedWaves: waveIds(context.waveCounts.flatMap((count, w) => (count > 0 && !context.shownWaves.includes(w) ? [w] : []))),
      responses: context.viewRows.length,
    },
    privacy: { minGroupSize: privacy.minGroupSize, minCommentGroupSize: privacy.minCommentGroupSize },
    level: LEVEL,
    significance: SIGNIFICANCE,
    measures: context.measures.map(({ kind, id, part }) => ({ kind, id, part })),
    participation: participation(context, groups),
    constructs: constructsSection,
    groupProfiles: breakdownsSection.hidden ? { ...breakdownsSection } : { hidden: false, ...groupProfiles(context, breakdownsSection, overallMeans) },
    breakdowns: breakdownsSection,
    beforeAfter: beforeAfter(context, pairedWithdrawn[WAVE_PAIRS.indexOf(pair)], pair),
    timeline: timeline(context, [groups.cohort, groups.stage, groups.role]),
    reliability: viewHidden ? hidden() : orHidden(reliability(context)),
    correlations: viewHidden ? hidden() : orHidden(correlations(context)),
    model: viewHidden ? hidden() : model(context),
    evaluation: viewHidden ? hidden() : evaluation(context),
  };
}
