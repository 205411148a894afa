/**
 * Which groups of each breakdown, and which measures of the view, may be shown: decided once per analysis from
 * counts alone (privacy.ts has the rule), then used by participation, breakdowns and group profiles alike, so the
 * counts table and the charts always hide the same groups.
 */
import { WAVES } from '../../survey/response-code.ts';
import { completeCountsPerWave, countGroups, enoughInEveryWave, groupCells, hiddenAcrossCells } from './privacy.ts';
import type { AnalysisContext, GroupDimension } from './context.ts';
import type { GroupCell, GroupCounts } from './types.ts';

export interface DimensionPrivacy {
  dimension: GroupDimension;
  /** Groups hidden in every view by their response counts. */
  hidden: Set<number>;
  /** The view's responses per group. */
  viewCounts: number[];
  /** The view's groups with suppression applied. */
  cells: GroupCell[];
  /** Per measure (in context.measures order): the groups whose scores on it are hidden (a superset of `hidden`). */
  measureHidden: Set<number>[];
}

export function dimensionPrivacy(context: AnalysisContext, dimension: GroupDimension): DimensionPrivacy {
  const minimum = context.privacy.minGroupSize;
  const k = dimension.ids.length;
  const { groupOf } = dimension;
  const hidden = hiddenAcrossCells(
    context.shownWaves.map((w) => countGroups(groupOf, context.waveRows[w]!, k)),
    minimum,
  );
  const viewCounts = countGroups(groupOf, context.viewRows, k);
  const measureHidden = context.measures.map(({ column }) => {
    // A wave whose scores on this measure number fewer than the minimum is not shown with it at all
    // (measureShown), so it needs no cell here; keeping it would hide every group.
    const cells = scoredCellsByWave(context, groupOf, k, column).filter((cell) => enoughInEveryWave([cell.reduce((sum, count) => sum + count, 0)], minimum));
    return hiddenAcrossCells(cells, minimum, hidden);
  });
  return { dimension, hidden, viewCounts, cells: groupCells(dimension.ids, viewCounts, hidden, minimum), measureHidden };
}

/** Scores on `column` per group, one count list per shown wave, in one pass over the dataset. */
function scoredCellsByWave(context: AnalysisContext, groupOf: Int32Array, k: number, column: Float64Array): number[][] {
  const slot = new Int32Array(WAVES.length).fill(-1);
  context.shownWaves.forEach((w, i) => (slot[w] = i));
  const counts = new Int32Array(context.shownWaves.length * k);
  const { waveOf } = context;
  for (let row = 0; row < column.length; row++) {
    const w = waveOf[row]!;
    const g = groupOf[row]!;
    if (w < 0 || g < 0 || slot[w]! < 0 || Number.isNaN(column[row]!)) continue;
    counts[slot[w]! * k + g]!++;
  }
  return context.shownWaves.map((_, i) => Array.from(counts.subarray(i * k, (i + 1) * k)));
}

/** The count table of a breakdown. */
export function groupCounts(privacy: DimensionPrivacy): GroupCounts {
  return { dimension: privacy.dimension.name, ...countTotals(privacy), groups: privacy.cells };
}

export function countTotals(privacy: DimensionPrivacy): { total: number; hiddenGroups: number; hiddenResponses: number } {
  const total = privacy.viewCounts.reduce((sum, count) => sum + count, 0);
  let hiddenGroups = 0;
  let hiddenResponses = 0;
  privacy.cells.forEach((cell, g) => {
    if (!cell.hidden) return;
    hiddenGroups++;
    hiddenResponses += privacy.viewCounts[g]!;
  });
  return { total, hiddenGroups, hiddenResponses };
}

/**
 * Per measure: may the view show it? Only when it has at least the minimum scores in the view and every wave of
 * the view has none or at least the minimum (privacy.ts, rule 4).
 */
export function measureShown(context: AnalysisContext): boolean[] {
  const minimum = context.privacy.minGroupSize;
  return context.measures.map(({ column }) => {
    const counts = completeCountsPerWave(context.waveOf, context.viewRows, context.viewWaves, [column]);
    const total = counts.reduce((sum, count) => sum + count, 0);
    return total >= minimum && enoughInEveryWave(counts, minimum);
  });
}
