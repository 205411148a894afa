/**
 * Per construct (model part, multi-scale construct, scale): the distribution, the mean with its 95 % interval and
 * the SD, for the view. Numbers come straight from `summarize` and `histogram` (stats/descriptive.ts).
 */
import { histogram, summarize } from '../../stats/descriptive.ts';
import { viewColumn, type AnalysisContext } from './context.ts';
import { interval, stat } from './numbers.ts';
import type { ConstructsSection, ExtremesReading, MeasureDistribution } from './types.ts';

/**
 * Bins half a point wide from the response scale's min to max: a scale score is the mean of two or three answers
 * (1, 1⅓, 1½, 1⅔ …), so whole and half points open a bin and no possible score sits on another edge.
 */
export function scoreBins(response: { min: number; max: number }): { min: number; max: number; bins: number } {
  return { min: response.min, max: response.max, bins: 2 * (response.max - response.min) };
}

export function constructs(context: AnalysisContext, shown: readonly boolean[]): ConstructsSection {
  const bins = scoreBins(context.instrument.response);
  const measures: MeasureDistribution[] = context.measures.map((measure, m) => {
    const ref = { kind: measure.kind, id: measure.id };
    if (!shown[m]) return { ...ref, summary: null, histogram: null };
    const values = viewColumn(context, measure.column);
    const s = summarize(values);
    const h = histogram(values, bins);
    return {
      ...ref,
      summary: {
        n: s.n,
        missing: s.missing,
        mean: stat(s.mean),
        sd: stat(s.sd),
        se: stat(s.se),
        ci: interval(s.ci),
        min: stat(s.min),
        q1: stat(s.q1),
        median: stat(s.median),
        q3: stat(s.q3),
        max: stat(s.max),
      },
      histogram: { edges: h.edges, counts: h.counts, missing: h.missing },
    };
  });
  return { n: context.viewRows.length, measures, reading: extremes(measures.filter((measure) => measure.kind === 'scale')) };
}

/** The highest and lowest mean among the shown measures (ties: the first listed). */
function extremes(measures: readonly MeasureDistribution[]): ExtremesReading {
  let highest: { id: string; mean: number } | null = null;
  let lowest: { id: string; mean: number } | null = null;
  let shown = 0;
  for (const measure of measures) {
    const mean = measure.summary?.mean;
    if (mean === null || mean === undefined) continue;
    shown++;
    if (!highest || mean > highest.mean) highest = { id: measure.id, mean };
    if (!lowest || mean < lowest.mean) lowest = { id: measure.id, mean };
  }
  return shown >= 2 && highest && lowest ? { kind: 'highest-lowest', highest, lowest } : { kind: 'none' };
}
