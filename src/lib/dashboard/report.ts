/**
 * The organisation report: the page a facilitator prints for leadership after a cycle. It publishes nothing the
 * dashboard does not: every figure comes from `analyseDataset` views the dashboard itself shows (every wave
 * together, with the before → after and the before → follow-up comparisons), so the disclosure audit that
 * covers the dashboard's figures (./analysis/privacy.ts) covers the report too. This module picks, from those
 * views, the rows the report prints; the wording is the page's.
 */
import type { AnalysisFilter, BeforeAfterSection, ChangeReading, DatasetAnalysis, EffectBand, Measure, Section, Stat } from './analysis.ts';

/** The views the report reads, in this order; the first gives participation, the model test and the evaluation. */
export const REPORT_VIEWS = [
  { wave: 'all', pair: 'before-after' },
  { wave: 'all', pair: 'before-follow-up' },
] as const satisfies readonly AnalysisFilter[];

/** One part of the model in a comparison of two waves, as the report's table and its sentence need it. */
export interface ReportChangeRow {
  measure: Measure;
  /** Mean in the earlier and the later wave; null where the dashboard withholds it. */
  from: Stat;
  to: Stat;
  /** Later minus earlier; null where withheld. */
  change: Stat;
  effect: { name: 'd_z' | 'g'; value: Stat; band: EffectBand | null };
  p: Stat;
  /** From the dashboard's reading, so the report never calls a change clear where the dashboard does not. */
  direction: ChangeReading['direction'] | null;
}

export interface ReportChanges {
  /** Matched people (paired t tests) when enough could be matched, else everyone in each wave (Welch). */
  basis: 'paired' | 'unmatched';
  /** People matched by their anonymous code across the two waves. */
  pairs: number;
  /** Responses in each of the two waves that the unmatched comparison used (first shown part's counts). */
  counts: { from: number; to: number } | null;
  rows: ReportChangeRow[];
}

/**
 * The model parts compared across a pair of waves: the paired results when shown, otherwise the unmatched ones,
 * exactly as the dashboard's before-and-after section. Null when the section is hidden.
 */
export function reportChanges(section: Section<BeforeAfterSection>, measures: readonly Measure[]): ReportChanges | null {
  if (section.hidden) return null;
  const basis = section.reading.basis;
  const directions = new Map(section.reading.changes.map((change) => [`${change.measure.kind}:${change.measure.id}`, change.direction]));
  const rows: ReportChangeRow[] = [];
  let counts: ReportChanges['counts'] = null;
  measures.forEach((measure, index) => {
    if (measure.kind !== 'part') return;
    const direction = directions.get(`part:${measure.id}`) ?? null;
    if (basis === 'paired' && !section.paired.hidden) {
      const result = section.paired.results[index];
      if (!result) return;
      rows.push({ measure, from: result.meanBefore, to: result.meanAfter, change: result.meanChange, effect: { name: 'd_z', value: result.dz.value, band: result.dz.band }, p: result.p, direction });
    } else {
      const result = section.unmatched.results[index];
      if (!result) return;
      counts ??= { from: result.before.n, to: result.after.n };
      rows.push({ measure, from: result.before.mean, to: result.after.mean, change: result.difference, effect: { name: 'g', value: result.g.value, band: result.g.band }, p: result.p, direction });
    }
  });
  return { basis, pairs: section.matching.pairs, counts, rows };
}

/** The headline figures of a cycle for the report's opening summary; null where a figure is not shown. */
export interface ReportSummary {
  responses: number;
  /** Responses per wave; null for a wave the dashboard hides (fewer than the minimum). */
  waves: { id: DatasetAnalysis['participation']['byWave']['waves'][number]['id']; count: number | null }[];
  /** Parts that changed clearly (p below the significance level) between before and after, largest effect first. */
  clearChanges: ChangeReading[];
}

export function reportSummary(analysis: DatasetAnalysis): ReportSummary {
  const changes = analysis.beforeAfter.hidden ? [] : analysis.beforeAfter.reading.changes.filter((change) => change.direction !== 'no-clear-change');
  return {
    responses: analysis.participation.byWave.total,
    waves: analysis.participation.byWave.waves.map((wave) => ({ id: wave.id, count: wave.hidden ? null : wave.count })),
    clearChanges: changes,
  };
}
