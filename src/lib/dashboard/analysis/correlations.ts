/**
 * Pearson correlations between the model parts and the scales (stats/correlation.ts), pairwise complete, for a
 * heat map. A cell resting on fewer responses than the minimum (in the view, or from one of its waves) is null, and
 * so is one resting on fewer than the correlation minimum (sample-minimums.ts). The section is hidden, saying how
 * many more responses are needed, while any pair of model parts is below that minimum.
 */
import { correlationMatrix } from '../../stats/correlation.ts';
import { viewColumn, type AnalysisContext } from './context.ts';
import { rBand, stat } from './numbers.ts';
import { completeCountsPerWave, enoughInEveryWave } from './privacy.ts';
import { SAMPLE_MINIMUMS, sampleAdequacy } from './sample-minimums.ts';
import type { CorrelationsSection, HiddenSection, MeasureRef, Stat } from './types.ts';

export function correlations(context: AnalysisContext): CorrelationsSection | HiddenSection {
  const minimum = context.privacy.minGroupSize;
  const chosen = context.measures.filter((measure) => measure.kind === 'part' || measure.kind === 'scale');
  const variables: MeasureRef[] = chosen.map(({ kind, id }) => ({ kind, id }));
  // Keys by position: a scale and a part could share an id.
  const matrix = correlationMatrix(Object.fromEntries(chosen.map((measure, i) => [String(i), viewColumn(context, measure.column)])));
  const pooledWaves = context.viewWaves.length > 1;
  // Scores per variable and wave, and responses per wave: a pair's count in a wave is at least
  // scores_i + scores_j − responses, so the exact count is needed only where that bound is below the minimum.
  const waveSizes = context.viewWaves.map((w) => context.waveRows[w]!.length);
  const scores = pooledWaves ? chosen.map((measure) => completeCountsPerWave(context.waveOf, context.viewRows, context.viewWaves, [measure.column])) : [];
  const withheld = (i: number, j: number) => {
    if (matrix.n[i]![j]! < Math.max(minimum, SAMPLE_MINIMUMS.correlation.minimum)) return true;
    if (!pooledWaves) return false;
    if (waveSizes.every((size, w) => scores[i]![w]! + scores[j]![w]! - size >= minimum)) return false;
    const columns = i === j ? [chosen[i]!.column] : [chosen[i]!.column, chosen[j]!.column];
    return !enoughInEveryWave(completeCountsPerWave(context.waveOf, context.viewRows, context.viewWaves, columns), minimum);
  };
  const k = chosen.length;
  const hide = Array.from({ length: k }, () => new Array<boolean>(k).fill(false));
  for (let i = 0; i < k; i++) for (let j = i; j < k; j++) hide[i]![j] = hide[j]![i] = withheld(i, j);
  // The band rests on the pairs of model parts (the reading's pairs); without two parts, on every pair.
  const parts = chosen.flatMap((measure, i) => (measure.kind === 'part' ? [i] : []));
  const basis = parts.length >= 2 ? parts : chosen.map((_, i) => i);
  let smallest = Number.POSITIVE_INFINITY;
  for (const i of basis) for (const j of basis) if (i < j) smallest = Math.min(smallest, matrix.n[i]![j]!);
  const sample = sampleAdequacy('correlation', Number.isFinite(smallest) ? smallest : 0);
  if (sample.band === 'insufficient') return { hidden: true, reason: 'below-sample-minimum', minimum: sample.minimum, needed: sample.needed };
  const r = matrix.r.map((row, i) => row.map((value, j): Stat => (hide[i]![j] ? null : stat(value))));
  const p = matrix.p.map((row, i) => row.map((value, j): Stat => (hide[i]![j] ? null : stat(value))));
  return { variables, r, n: matrix.n, p, pooledWaves, sample, reading: partExtremes(chosen, r) };
}

function partExtremes(chosen: readonly MeasureRef[], r: readonly Stat[][]): CorrelationsSection['reading'] {
  type Pair = { a: string; b: string; r: number; band: NonNullable<ReturnType<typeof rBand>> };
  let strongest: Pair | null = null;
  let weakest: Pair | null = null;
  for (let i = 0; i < chosen.length; i++) {
    if (chosen[i]!.kind !== 'part') continue;
    for (let j = i + 1; j < chosen.length; j++) {
      const value = r[i]![j];
      if (chosen[j]!.kind !== 'part' || value === null || value === undefined) continue;
      const pair: Pair = { a: chosen[i]!.id, b: chosen[j]!.id, r: value, band: rBand(value)! };
      if (!strongest || Math.abs(value) > Math.abs(strongest.r)) strongest = pair;
      if (!weakest || Math.abs(value) < Math.abs(weakest.r)) weakest = pair;
    }
  }
  return { kind: 'correlations', strongest, weakest };
}
