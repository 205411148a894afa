/**
 * Cronbach's alpha of every scale, with alpha if each item were deleted (stats/reliability.ts), on the view's
 * responses that answered every item of the scale.
 */
import { cronbachAlpha } from '../../stats/reliability.ts';
import { viewColumn, type AnalysisContext } from './context.ts';
import { stat } from './numbers.ts';
import { completeCountsPerWave, enoughInEveryWave } from './privacy.ts';
import type { ReliabilitySection } from './types.ts';

/** Nunnally (1978), Psychometric Theory, 2nd ed.: 0.70 as the usual floor for comparing groups. */
export const ALPHA_THRESHOLD = 0.7;

export function reliability(context: AnalysisContext): ReliabilitySection {
  const minimum = context.privacy.minGroupSize;
  const scales = context.instrument.scales.map((scale): ReliabilitySection['scales'][number] => {
    const ids = scale.items.map((item) => item.id);
    const columns = ids.map((id) => context.scored.items[id]!);
    const counts = completeCountsPerWave(context.waveOf, context.viewRows, context.viewWaves, columns);
    if (counts.reduce((sum, count) => sum + count, 0) < minimum || !enoughInEveryWave(counts, minimum)) return { id: scale.id, withheld: true };
    const result = cronbachAlpha(
      columns.map((column) => viewColumn(context, column)),
      ids,
    );
    return {
      withheld: false,
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
  let lowest: { id: string; alpha: number } | null = null;
  const belowThreshold: string[] = [];
  for (const scale of scales) {
    if (scale.withheld || scale.alpha === null) continue;
    if (!lowest || scale.alpha < lowest.alpha) lowest = { id: scale.id, alpha: scale.alpha };
    if (scale.alpha < ALPHA_THRESHOLD) belowThreshold.push(scale.id);
  }
  return { scales, threshold: ALPHA_THRESHOLD, reading: { kind: 'reliability', lowest, belowThreshold } };
}
