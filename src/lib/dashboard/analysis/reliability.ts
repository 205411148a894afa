/**
 * Cronbach's alpha of every scale, with alpha if each item were deleted (stats/reliability.ts), on the view's
 * responses that answered every item of the scale. A scale with fewer complete responses than the alpha minimum
 * (sample-minimums.ts) shows no alpha, only how many more responses it needs; the whole section is hidden that way
 * when no scale reaches the minimum.
 */
import { cronbachAlpha } from '../../stats/reliability.ts';
import { viewColumn, type AnalysisContext } from './context.ts';
import { stat } from './numbers.ts';
import { completeCountsPerWave, enoughInEveryWave } from './privacy.ts';
import { sampleAdequacy } from './sample-minimums.ts';
import type { HiddenSection, ReliabilitySection } from './types.ts';

/** Nunnally (1978), Psychometric Theory, 2nd ed.: 0.70 as the usual floor for comparing groups. */
export const ALPHA_THRESHOLD = 0.7;

export function reliability(context: AnalysisContext): ReliabilitySection | HiddenSection {
  const minimum = context.privacy.minGroupSize;
  let largest = 0;
  const scales = context.instrument.scales.map((scale): ReliabilitySection['scales'][number] => {
    const ids = scale.items.map((item) => item.id);
    const columns = ids.map((id) => context.scored.items[id]!);
    const counts = completeCountsPerWave(context.waveOf, context.viewRows, context.viewWaves, columns);
    const complete = counts.reduce((sum, count) => sum + count, 0);
    if (complete < minimum || !enoughInEveryWave(counts, minimum)) return { id: scale.id, withheld: true, reason: 'privacy' };
    largest = Math.max(largest, complete);
    const sample = sampleAdequacy('alpha', complete);
    if (sample.band === 'insufficient') return { id: scale.id, withheld: true, reason: 'sample', n: complete, needed: sample.needed };
    const result = cronbachAlpha(
      columns.map((column) => viewColumn(context, column)),
      ids,
    );
    return {
      withheld: false,
      sample,
      id: scale.id,
      n: result.n,
      k: result.k,
      alpha: stat(result.alpha),
      items: result.items.map((item) => ({
        id: item.itemId,
        mean: stat(item.mean),
        sd: stat(item.sd),
        alphaIfDeleted: stat(item.alphaIfDeleted),
        correctedItemTotal: stat(item.correctedItemTotal),
      })),
    };
  });
  const sample = sampleAdequacy('alpha', largest);
  if (largest > 0 && sample.band === 'insufficient') return { hidden: true, reason: 'below-sample-minimum', minimum: sample.minimum, needed: sample.needed };
  let lowest: { id: string; alpha: number } | null = null;
  const belowThreshold: string[] = [];
  for (const scale of scales) {
    if (scale.withheld || scale.alpha === null) continue;
    if (!lowest || scale.alpha < lowest.alpha) lowest = { id: scale.id, alpha: scale.alpha };
    if (scale.alpha < ALPHA_THRESHOLD) belowThreshold.push(scale.id);
  }
  return { scales, threshold: ALPHA_THRESHOLD, reading: { kind: 'reliability', lowest, belowThreshold } };
}
