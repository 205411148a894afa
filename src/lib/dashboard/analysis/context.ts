/**
 * Everything the sections share, computed once per analysis: the scored columns of every response, which waves
 * are large enough to show, the rows of the chosen view, and each response's group in every breakdown.
 *
 * Scoring runs over the whole dataset once (scoreColumns: one Float64Array per item, scale and part), and every
 * section picks its rows from those columns, so no section re-scores and all of them agree.
 */
import { pick, scoreColumns, type ScoredColumns, type ScoringInstrument } from '../../stats/columns.ts';
import { MODEL_PARTS } from '../../survey/model.ts';
import { WAVES, type Wave } from '../../survey/response-code.ts';
import type { StoredResponse } from '../dataset.ts';
import type { AnalysisFilter, AnalysisPrivacy, Dimension, Measure, WaveFilter } from './types.ts';

/**
 * What the analysis needs of an instrument: the validated `Instrument` (schemas/survey.ts) fits, and so does a
 * `LocalisedInstrument` (survey/localise.ts) or a plain snapshot of either.
 */
export interface AnalysisInstrument extends ScoringInstrument {
  roles: readonly { id: string }[];
  careerStages: readonly { id: string }[];
}

/** A breakdown dimension: its groups and each response's group (an index into `ids`, −1 for none). */
export interface GroupDimension {
  name: Dimension;
  ids: (string | null)[];
  groupOf: Int32Array;
}

export interface MeasureColumn extends Measure {
  /** One score per response of the dataset (NaN where not scored). */
  column: Float64Array;
}

export interface AnalysisContext {
  instrument: AnalysisInstrument;
  privacy: AnalysisPrivacy;
  wave: WaveFilter;
  responses: readonly StoredResponse[];
  scored: ScoredColumns;
  measures: MeasureColumn[];
  /** Index into WAVES of each response. */
  waveOf: Int8Array;
  /** Responses per wave of WAVES. */
  waveCounts: number[];
  /** Rows of each wave of WAVES (all responses of that wave). */
  waveRows: Int32Array[];
  /** Indices into WAVES of the waves with at least the minimum number of responses. */
  shownWaves: number[];
  /** Indices into WAVES of the shown waves in the view. */
  viewWaves: number[];
  /** The view's rows, in dataset order. */
  viewRows: Int32Array;
  dimensions: Record<Dimension, GroupDimension>;
}

export function createContext(responses: readonly StoredResponse[], instrument: AnalysisInstrument, privacy: AnalysisPrivacy, filter: AnalysisFilter = {}): AnalysisContext {
  if (!Number.isInteger(privacy.minGroupSize) || privacy.minGroupSize < 1) throw new RangeError(`privacy.minGroupSize must be a whole number of at least 1, not ${privacy.minGroupSize}`);
  if (!Number.isInteger(privacy.minCommentGroupSize) || privacy.minCommentGroupSize < privacy.minGroupSize) {
    throw new RangeError(`privacy.minCommentGroupSize must be a whole number of at least minGroupSize (${privacy.minGroupSize}), not ${privacy.minCommentGroupSize}`);
  }
  const wave = filter.wave ?? 'all';
  if (wave !== 'all' && !WAVES.includes(wave)) throw new RangeError(`the wave filter must be 'all' or one of ${WAVES.join(', ')}, not ${String(wave)}`);
  const n = responses.length;
  const scored = scoreColumns(instrument, responses.map((response) => response.answers));

  const waveOf = new Int8Array(n);
  const waveCounts = WAVES.map(() => 0);
  for (let i = 0; i < n; i++) {
    const index = WAVES.indexOf(responses[i]!.wave);
    waveOf[i] = index;
    if (index >= 0) waveCounts[index]!++;
  }
  const waveRows = WAVES.map((_, w) => rowsWhere(n, (i) => waveOf[i] === w));
  // A wave with fewer responses than the minimum is left out of every view (privacy.ts explains why).
  const shownWaves = WAVES.flatMap((_, w) => (waveCounts[w]! >= privacy.minGroupSize ? [w] : []));
  const viewWaves = shownWaves.filter((w) => wave === 'all' || WAVES[w] === wave);
  const inView = new Uint8Array(WAVES.length);
  for (const w of viewWaves) inView[w] = 1;
  const viewRows = rowsWhere(n, (i) => waveOf[i]! >= 0 && inView[waveOf[i]!] === 1);

  return {
    instrument,
    privacy,
    wave,
    responses,
    scored,
    measures: measuresOf(instrument, scored),
    waveOf,
    waveCounts,
    waveRows,
    shownWaves,
    viewWaves,
    viewRows,
    dimensions: dimensionsOf(responses, instrument),
  };
}

export function rowsWhere(n: number, keep: (row: number) => boolean): Int32Array {
  const rows = new Int32Array(n);
  let count = 0;
  for (let i = 0; i < n; i++) if (keep(i)) rows[count++] = i;
  return rows.slice(0, count);
}

/**
 * Parts in the model's order, then constructs that are not simply a part under another name (workEngagement is
 * made of the same three scales as the engagement part), then scales in instrument order.
 */
function measuresOf(instrument: AnalysisInstrument, scored: ScoredColumns): MeasureColumn[] {
  const scalesOf = (keep: (scale: AnalysisInstrument['scales'][number]) => boolean) =>
    instrument.scales
      .filter(keep)
      .map((scale) => scale.id)
      .join('\u0000');
  const parts = MODEL_PARTS.filter((part) => scored.parts[part]);
  const partMeasures: MeasureColumn[] = parts.map((part) => ({ kind: 'part', id: part, part, column: scored.parts[part]! }));
  const partScaleSets = new Set(parts.map((part) => scalesOf((scale) => scale.part === part)));
  const constructMeasures: MeasureColumn[] = Object.keys(scored.constructs)
    .filter((id) => !partScaleSets.has(scalesOf((scale) => scale.construct === id)))
    .map((id) => ({ kind: 'construct', id, part: instrument.scales.find((scale) => scale.construct === id)!.part, column: scored.constructs[id]! }));
  const scaleMeasures: MeasureColumn[] = instrument.scales.map((scale) => ({ kind: 'scale', id: scale.id, part: scale.part, column: scored.scales[scale.id]! }));
  return [...partMeasures, ...constructMeasures, ...scaleMeasures];
}

/**
 * Groups of each breakdown. Roles and career stages are listed in instrument order, with "not given" (null) after
 * the stages when anyone left it out; cohorts in sorted order. Every response's group is fixed across views, so a
 * group keeps its place whatever the wave filter.
 */
function dimensionsOf(responses: readonly StoredResponse[], instrument: AnalysisInstrument): Record<Dimension, GroupDimension> {
  const n = responses.length;
  const roleOf = new Int32Array(n);
  const stageIds: (string | null)[] = instrument.careerStages.map((stage) => stage.id);
  const notGiven = stageIds.length;
  const stageOf = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const { role, stage } = responses[i]!;
    roleOf[i] = instrument.roles[role] ? role : -1;
    stageOf[i] = stage === null ? notGiven : instrument.careerStages[stage] ? stage : -1;
  }
  if (stageOf.includes(notGiven)) stageIds.push(null);
  const cohorts = [...new Set(responses.map((response) => response.cohort))].sort();
  const cohortIndex = new Map(cohorts.map((cohort, index) => [cohort, index]));
  const cohortOf = new Int32Array(n);
  for (let i = 0; i < n; i++) cohortOf[i] = cohortIndex.get(responses[i]!.cohort)!;
  return {
    cohort: { name: 'cohort', ids: cohorts, groupOf: cohortOf },
    stage: { name: 'stage', ids: stageIds, groupOf: stageOf },
    role: { name: 'role', ids: instrument.roles.map((role) => role.id), groupOf: roleOf },
  };
}

/** A dataset column restricted to the view's rows; the column itself when the view is every response (no copy). */
export function viewColumn(context: AnalysisContext, column: Float64Array): Float64Array {
  return context.viewRows.length === column.length ? column : pick(column, context.viewRows);
}

/** The wave ids of wave indices. */
export function waveIds(indices: readonly number[]): Wave[] {
  return indices.map((w) => WAVES[w]!);
}

/** Rows of `rows` that are in wave `w`. */
export function rowsInWave(context: AnalysisContext, rows: Int32Array, w: number): Int32Array {
  const kept = new Int32Array(rows.length);
  let count = 0;
  for (const row of rows) if (context.waveOf[row] === w) kept[count++] = row;
  return kept.slice(0, count);
}
