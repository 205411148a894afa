/**
 * What the facilitator's dashboard shows of a dataset: the output of `analyseDataset` (../analysis.ts).
 *
 * Plain JSON throughout: numbers, strings, booleans, arrays and objects, never a typed array. A statistic that
 * cannot be computed (an SD of one value, a p of a constant column) is `null`, not NaN, so the analysis
 * survives `JSON.stringify` and `structuredClone` unchanged and the UI tests for one thing only ("— " for null).
 *
 * Privacy runs through every section (see ./privacy.ts): a group that is hidden has `count: null` and no
 * statistics, and says why (`reason`); a section that cannot be shown says why (`HiddenSection`); a single cell
 * that rests on fewer scores than the minimum is `null` ("withheld"), and the breakdown counts such cells.
 * Readings (`reading`) are data for one plain-language sentence per chart, phrased by the UI from i18n templates.
 */
import type { ModelPart } from '../../stats/columns.ts';
import type { SuppressionReason } from '../../stats/suppression.ts';
import type { Wave } from '../../survey/response-code.ts';
import type { SampleAdequacy } from './sample-minimums.ts';

export type { ModelPart, SampleAdequacy, Wave };

/** The privacy settings of the site configuration (`privacy` in content/site.yaml). */
export interface AnalysisPrivacy {
  /** No score is shown for a group with fewer responses than this (default 5). */
  minGroupSize: number;
  /** Free-text comments are shown only for groups at least this large (default 10). */
  minCommentGroupSize: number;
}

export type WaveFilter = Wave | 'all';

/** Two waves to compare, earlier first. */
export type WavePair = 'before-after' | 'before-follow-up' | 'after-follow-up';

export interface AnalysisFilter {
  /** One wave, or every wave together ('all', the default). */
  wave?: WaveFilter;
  /** The two waves of the before-and-after comparison ('before-after', the default); every pair is audited whichever is shown. */
  pair?: WavePair;
}

/** A number, or null where it cannot be computed (NaN and ±Infinity become null). */
export type Stat = number | null;

export interface Interval {
  lower: Stat;
  upper: Stat;
}

/** A scored variable: a model part (awareness …), a construct of several scales (workEngagement), or one scale. */
export interface MeasureRef {
  kind: 'part' | 'construct' | 'scale';
  /** The part, construct or scale id of the instrument. */
  id: string;
}

export interface Measure extends MeasureRef {
  /** The model part the measure belongs to (a part's own id for kind 'part'). */
  part: ModelPart;
}

/**
 * Why a whole section is not shown:
 * - 'no-data': nothing to show (no responses in the view, no evaluation answers, a part missing from the survey);
 * - 'below-minimum': fewer responses (or matched pairs) than privacy.minGroupSize;
 * - 'below-comment-minimum': fewer responses than privacy.minCommentGroupSize (comments only);
 * - 'wave-below-minimum': one of the waves in the view contributes fewer than the minimum; showing the section
 *   would let that wave's few answers be worked out by comparing this view with the other waves' views;
 * - 'wave-excluded': the chosen wave has fewer responses than the minimum, so it is left out of the analysis;
 * - 'needs-both-waves': a before-and-after comparison needs both waves with enough responses;
 * - 'too-few-cases' | 'collinear': the regression cannot be fitted;
 * - 'below-sample-minimum': privacy allows the section, but it has fewer responses than the analysis needs to say
 *   anything (sample-minimums.ts); `needed` says how many more.
 */
export type HiddenReason =
  | 'no-data'
  | 'below-minimum'
  | 'below-comment-minimum'
  | 'wave-below-minimum'
  | 'wave-excluded'
  | 'needs-both-waves'
  | 'too-few-cases'
  | 'collinear'
  | 'below-sample-minimum';

export interface HiddenSection {
  hidden: true;
  reason: HiddenReason;
  /** The minimum the reason refers to (minGroupSize, minCommentGroupSize for comments, or the analysis's sample minimum). */
  minimum: number;
  /** For 'below-sample-minimum': responses still needed to reach `minimum`. */
  needed?: number;
}

/** A section: its content, or why it is hidden. */
export type Section<T> = ({ hidden: false } & T) | HiddenSection;

/** Cohen's (1988) conventions: |d| 0.2 / 0.5 / 0.8 and |r| 0.1 / 0.3 / 0.5 open small / medium / large. */
export type EffectBand = 'negligible' | 'small' | 'medium' | 'large';

// ---------------------------------------------------------------------------------------------------------------
// Groups and suppression

export type Dimension = 'cohort' | 'stage' | 'role';

/** One group of a breakdown. `id` is the cohort text, or the stage or role id; null for "career stage not given". */
export interface GroupCell {
  id: string | null;
  /** Responses in the group; null when hidden. */
  count: number | null;
  hidden: boolean;
  /**
   * 'below-minimum': the group itself has fewer responses than the minimum in this view;
   * 'complementary': hidden so that a small group (here, in another wave of the same breakdown, or in another
   *   breakdown, the radar or the paired comparison: privacy.ts rule 5) cannot be worked out by subtraction;
   * 'total-below-minimum': the whole view has fewer responses than the minimum.
   */
  reason: SuppressionReason | null;
}

export interface GroupCounts<G extends GroupCell = GroupCell> {
  dimension: Dimension;
  /** Responses in the view (shown groups plus hiddenResponses). */
  total: number;
  /** Number of hidden groups. */
  hiddenGroups: number;
  /** Responses in the hidden groups together: 0, or at least the minimum. */
  hiddenResponses: number;
  groups: G[];
}

export interface WaveCell {
  id: Wave;
  /** Null when hidden: a wave with fewer responses than the minimum is left out of the whole analysis. */
  count: number | null;
  hidden: boolean;
  reason: 'below-minimum' | null;
  /** True when the wave is part of the current view. */
  inView: boolean;
}

// ---------------------------------------------------------------------------------------------------------------
// Sections

export interface MeanSummary {
  n: number;
  mean: Stat;
  sd: Stat;
  /** t-based confidence interval of the mean at `DatasetAnalysis.level`. */
  ci: Interval;
}

export interface ParticipationSection {
  /** Every wave of the dataset, whatever the filter (hidden waves are left out of every other section). */
  byWave: { total: number; waves: WaveCell[] };
  /** The view's responses by group. Hidden when the view has no responses. */
  byCohort: Section<GroupCounts>;
  byStage: Section<GroupCounts>;
  byRole: Section<GroupCounts>;
  reading: { kind: 'participation'; responses: number; waves: Wave[]; hiddenGroups: number };
}

export interface MeasureDistribution extends MeasureRef {
  /** Null when fewer scores than the minimum (withheld). */
  summary: (MeanSummary & { missing: number; se: Stat; min: Stat; q1: Stat; median: Stat; q3: Stat; max: Stat }) | null;
  /** Half-point bins from the response scale's min to max (1–1.5, 1.5–2 … 4.5–5); null when withheld. */
  histogram: { edges: number[]; counts: number[]; missing: number } | null;
}

export type ExtremesReading = { kind: 'highest-lowest'; highest: { id: string; mean: number }; lowest: { id: string; mean: number } } | { kind: 'none' };

export interface ConstructsSection {
  n: number;
  measures: MeasureDistribution[];
  /** Over the scales. */
  reading: ExtremesReading;
}

export interface BreakdownGroup extends GroupCell {
  /** One entry per `Breakdowns.measures`; a null entry is withheld (too few scores). Null for a hidden group. */
  statistics: (MeanSummary | null)[] | null;
}

export type GapReading =
  | { kind: 'largest-gap'; measure: MeasureRef; high: { group: string | null; mean: number }; low: { group: string | null; mean: number }; difference: number }
  | { kind: 'too-few-groups' };

export interface Breakdown extends GroupCounts<BreakdownGroup> {
  /** Cells withheld in shown groups because they rest on too few scores. */
  withheldCells: number;
  /** Over the model parts. */
  reading: GapReading;
}

export interface BreakdownsSection {
  measures: Measure[];
  byStage: Breakdown;
  byRole: Breakdown;
  byCohort: Breakdown;
}

export interface ProfileGroup extends GroupCell {
  /** One mean per `GroupProfilesSection.parts`; null where withheld. Null for a hidden group. */
  means: Stat[] | null;
}

export interface GroupProfilesSection {
  parts: ModelPart[];
  /** The view's mean of each part, for the reference polygon. */
  overall: Stat[];
  byRole: ProfileGroup[];
  byStage: ProfileGroup[];
  reading: { byRole: GapReading; byStage: GapReading };
}

export interface EffectSizeResult {
  value: Stat;
  band: EffectBand | null;
  /** The formula, written out, from src/lib/stats/compare.ts. */
  formula: string;
}

export interface PairedResult extends MeasureRef {
  n: number;
  /**
   * Means of the matched people in each wave. Null when the wave's unmatched remainder is between 1 and the
   * minimum: with the unmatched comparison's wave means, they would give that remainder's mean by subtraction.
   */
  meanBefore: Stat;
  meanAfter: Stat;
  meanChange: Stat;
  sdChange: Stat;
  ci: Interval;
  t: Stat;
  df: Stat;
  p: Stat;
  dz: EffectSizeResult;
  dav: EffectSizeResult;
}

export interface WelchResult extends MeasureRef {
  before: { n: number; mean: Stat; sd: Stat };
  after: { n: number; mean: Stat; sd: Stat };
  difference: Stat;
  ci: Interval;
  t: Stat;
  df: Stat;
  p: Stat;
  /** Hedges' g (reported) and Cohen's d_s (for comparison with older reports). */
  g: EffectSizeResult;
  d: EffectSizeResult;
}

export interface ChangeReading {
  measure: MeasureRef;
  /** 'no-clear-change' unless p < `DatasetAnalysis.significance`. */
  direction: 'increase' | 'decrease' | 'no-clear-change';
  change: number;
  effect: { name: 'd_z' | 'g'; value: number; band: EffectBand };
  p: number;
}

export interface BeforeAfterSection {
  pair: WavePair;
  /** The earlier and the later wave of the pair; `before`/`after` in the results below mean these two. */
  from: Wave;
  to: Wave;
  /** How the anonymous codes matched (pairingKey: cohort + code, case-insensitive); every response is counted once. */
  matching: {
    pairs: number;
    withoutCode: { before: number; after: number };
    unmatched: { before: number; after: number };
    duplicated: { before: number; after: number };
  };
  /** Paired t tests for the people matched by code; hidden when pairs < minGroupSize. One entry per `DatasetAnalysis.measures`, null where withheld. */
  paired: Section<{ results: (PairedResult | null)[] }>;
  /** Welch's t tests of everyone in each wave (independent groups); one entry per measure, null where withheld. */
  unmatched: { results: (WelchResult | null)[] };
  /** Over the model parts, largest effect first: the paired results when shown, else the unmatched ones. */
  reading: { basis: 'paired' | 'unmatched'; changes: ChangeReading[] };
}

/** One period of one wave: months `from` to `to` (YYYY-MM, equal for a single month). */
export interface TimelinePeriod {
  from: string;
  to: string;
  count: number;
}

export interface TimelineSection {
  /** Per shown wave, its periods in date order; months without responses are left out. */
  waves: { id: Wave; periods: TimelinePeriod[] }[];
  /** True when at least one period covers more than one month (merged so that no period shows fewer than the minimum). */
  merged: boolean;
}

export interface ScaleReliabilityResult {
  id: string;
  /** Responses with every item answered. */
  n: number;
  k: number;
  alpha: Stat;
  items: { id: string; mean: Stat; sd: Stat; alphaIfDeleted: Stat; correctedItemTotal: Stat }[];
}

export interface ReliabilitySection {
  /**
   * One entry per scale, in instrument order. Withheld for privacy (fewer complete responses than minGroupSize, or
   * a wave below it) or for the sample (fewer than the alpha minimum: `needed` more responses would be needed).
   */
  scales: (({ withheld: false; sample: SampleAdequacy } & ScaleReliabilityResult) | { id: string; withheld: true; reason: 'privacy' } | { id: string; withheld: true; reason: 'sample'; n: number; needed: number })[];
  /** Threshold of `reading.belowThreshold` (Nunnally 1978: 0.70 for group comparisons). */
  threshold: number;
  reading: { kind: 'reliability'; lowest: { id: string; alpha: number } | null; belowThreshold: string[] };
}

export interface CorrelationsSection {
  /** The model parts, then the scales. */
  variables: MeasureRef[];
  /** r[i][j]; null where withheld or not computable. */
  r: Stat[][];
  /** Pairwise-complete responses. */
  n: number[][];
  p: Stat[][];
  /** True when the view holds more than one wave: the same people may appear twice. */
  pooledWaves: boolean;
  /**
   * The sample band of the section: the smallest count of any pair of model parts (sample-minimums.ts). Any other
   * cell resting on fewer responses than the correlation minimum is null, as is a withheld cell.
   */
  sample: SampleAdequacy;
  /** Strongest and weakest correlation between two model parts. */
  reading: { kind: 'correlations'; strongest: { a: string; b: string; r: number; band: EffectBand } | null; weakest: { a: string; b: string; r: number; band: EffectBand } | null };
}

export interface CoefficientResult {
  /** "(intercept)", "awareness", "environment" or "achievement". */
  name: string;
  b: Stat;
  se: Stat;
  t: Stat;
  p: Stat;
  ci: Interval;
  /** Standardised coefficient; null for the intercept. */
  beta: Stat;
}

export interface ModelSection {
  /** Responses complete on the four parts. */
  n: number;
  pooledWaves: boolean;
  regression: { outcome: 'engagement'; coefficients: CoefficientResult[]; r2: Stat; adjustedR2: Stat; f: Stat; dfModel: number; dfResidual: number; fP: Stat };
  /**
   * Parallel mediation point estimates (awareness → environment, achievement → engagement); the percentile
   * bootstrap intervals come from the worker (bootstrap-protocol.ts), which also gives `readMediation`.
   */
  mediation: {
    mediators: ['environment', 'achievement'];
    a: Stat[];
    b: Stat[];
    indirect: Stat[];
    totalIndirect: Stat;
    direct: Stat;
    total: Stat;
  };
  /** Sample band of the regression (sample-minimums.ts). */
  sample: SampleAdequacy;
  /** Sample band of the percentile bootstrap of the indirect effects: the dashboard offers it only when shown. */
  bootstrap: SampleAdequacy;
  reading: ModelReading;
}

/**
 * For one headline sentence that never overstates: `strongest` is the largest |β| among the predictors whose
 * confidence interval excludes zero (null when none does), and `r2Finding` says whether R² may be stated as what
 * the parts explain (some predictor distinguishable from zero, and the sample adequate).
 */
export interface ModelReading {
  kind: 'model';
  r2: Stat;
  r2Finding: boolean;
  indicative: boolean;
  strongest: { name: string; beta: number } | null;
  predictors: { name: string; beta: number; p: number; significant: boolean; excludesZero: boolean }[];
}

export interface EvaluationSection {
  /** Responses in the view with a workshop evaluation. */
  n: number;
  satisfaction: (MeanSummary & { topTwoShare: Stat }) | null;
  applicability: (MeanSummary & { topTwoShare: Stat }) | null;
  nps: { n: number; promoters: number; passives: number; detractors: number; score: Stat; shares: { promoters: Stat; passives: Stat; detractors: Stat } } | null;
  /** Comment texts only, sorted by code point: never linked to any other answer of the response. */
  comments: Section<{ count: number; texts: string[] }>;
  reading: { kind: 'evaluation'; satisfaction: Stat; applicability: Stat; nps: Stat; npsSign: 'positive' | 'zero' | 'negative' | null };
}

export interface DatasetAnalysis {
  /** Format of this object, for a stored copy. */
  version: 1;
  view: {
    wave: WaveFilter;
    /** Waves whose responses make up the view. */
    waves: Wave[];
    /** Waves left out of every view because they have fewer responses than the minimum. */
    excludedWaves: Wave[];
    /** Responses in the view. */
    responses: number;
  };
  privacy: AnalysisPrivacy;
  /** Confidence level of every interval. */
  level: number;
  /** Two-sided p below which a reading calls a result clear ("significant"). */
  significance: number;
  /** Every scored measure: parts, then constructs that are not a part already, then scales. */
  measures: Measure[];
  participation: ParticipationSection;
  constructs: Section<ConstructsSection>;
  groupProfiles: Section<GroupProfilesSection>;
  breakdowns: Section<BreakdownsSection>;
  /** The comparison of the filter's pair of waves (before → after unless `AnalysisFilter.pair` says otherwise). */
  beforeAfter: Section<BeforeAfterSection>;
  /** Responses per month per wave, counts only, merged into longer periods where a month has too few. */
  timeline: TimelineSection;
  reliability: Section<ReliabilitySection>;
  correlations: Section<CorrelationsSection>;
  model: Section<ModelSection>;
  evaluation: Section<EvaluationSection>;
}
