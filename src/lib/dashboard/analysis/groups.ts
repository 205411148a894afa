/**
 * Which groups of each breakdown, and which measures of the view, may be shown: decided once per analysis from
 * counts alone (privacy.ts has the rule), then used by participation, breakdowns and group profiles alike, so the
 * counts table and the charts always hide the same groups.
 */
import { WAVES } from '../../survey/response-code.ts';
import { completeCountsPerWave, countGroups, enoughInEveryWave, groupCells, hiddenAcrossCells } from './privacy.ts';
import type { AnalysisContext, GroupDimension } from './context.ts';
import { withdrawUntilSafe, type PublishedVector } from './disclosure-audit.ts';
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

/** What the disclosure audit withdrew from the paired comparison, per measure (before-after.ts). */
export interface PairedWithdrawal {
  change: boolean;
  levels: boolean;
}

/**
 * The disclosure audit over everything the dashboard publishes (privacy.ts, rule 5): for counts, and then for each
 * measure's scores, the published sets of every view (each shown wave's total, fixed; each shown group in each
 * wave; the paired change and the matched people's levels of every pair of waves) go to `withdrawUntilSafe`, and every group it withdraws
 * is hidden in every view ('complementary'). Updates `privacies` in place; returns the paired withdrawals.
 */
export function auditPublished(
  context: AnalysisContext,
  privacies: readonly DimensionPrivacy[],
  pairs: readonly ({ before: Int32Array; after: Int32Array; from: number; to: number } | null)[],
): PairedWithdrawal[][] {
  // Every pair of waves the dashboard can show (WAVE_PAIRS) is published alongside the others, whichever the
  // facilitator chooses: all of them are audited together, and the result is one list per pair.
  const minimum = context.privacy.minGroupSize;
  const waves = context.shownWaves;
  const always = (_row: number) => true;

  /** The published sets for rows where `scored` holds: totals per wave (when large enough), shown groups per wave. */
  const vectorsFor = (scored: (row: number) => boolean, hiddenOf: (privacy: DimensionPrivacy) => ReadonlySet<number>): PublishedVector[] => {
    const vectors: PublishedVector[] = [];
    for (const w of waves) {
      const rows = Array.from(context.waveRows[w]!).filter(scored);
      if (rows.length < minimum) continue; // not shown in this wave's view, nor in any view that holds it
      vectors.push({ rows });
      privacies.forEach((privacy, d) => {
        const hidden = hiddenOf(privacy);
        const members = new Map<number, number[]>();
        for (const row of rows) {
          const g = privacy.dimension.groupOf[row]!;
          if (g < 0 || hidden.has(g)) continue;
          let list = members.get(g);
          if (!list) members.set(g, (list = []));
          list.push(row);
        }
        for (const [g, list] of members) vectors.push({ rows: list, tag: `${d}:${g}` });
      });
    }
    return vectors;
  };
  const apply = (withdrawn: Set<string>, add: (privacy: DimensionPrivacy, g: number) => void) => {
    for (const tag of withdrawn) {
      const [d, g] = tag.split(':');
      if (d!.startsWith('paired-')) continue;
      add(privacies[Number(d)]!, Number(g));
    }
  };

  // Counts: every response of a shown wave.
  apply(withdrawUntilSafe(vectorsFor(always, (privacy) => privacy.hidden), minimum), (privacy, g) => {
    privacy.hidden.add(g);
    for (const set of privacy.measureHidden) set.add(g);
  });

  // Scores, one measure at a time, with the paired comparison's sets. Measures scored for the same responses with
  // the same groups hidden publish the same sets: the audit runs once for them all.
  const done = new Map<string, Set<string>>();
  const withdrawals = context.measures.map(({ column }, m): PairedWithdrawal[] => {
    const scored = (row: number) => !Number.isNaN(column[row]!);
    const unscored: number[] = [];
    for (let row = 0; row < column.length; row++) if (Number.isNaN(column[row]!)) unscored.push(row);
    const key = `${unscored.join(',')}|${privacies.map((privacy) => [...privacy.measureHidden[m]!].sort((a, b) => a - b).join(',')).join('|')}`;
    let withdrawn = done.get(key);
    if (!withdrawn) {
      const vectors = vectorsFor(scored, (privacy) => privacy.measureHidden[m]!);
      pairs.forEach((rows, p) => {
        const pairedVectors = rows ? pairedSets(rows, column, context, minimum, p) : null;
        if (pairedVectors) vectors.push(...pairedVectors);
      });
      withdrawn = withdrawUntilSafe(vectors, minimum);
      done.set(key, withdrawn);
    }
    apply(withdrawn, (privacy, g) => privacy.measureHidden[m]!.add(g));
    return pairs.map((_, p) => ({ change: withdrawn.has(`paired-change:${p}`), levels: withdrawn.has(`paired-levels:${p}`) }));
  });
  for (const privacy of privacies) privacy.cells = groupCells(privacy.dimension.ids, privacy.viewCounts, privacy.hidden, minimum);
  // One list per pair, each with one entry per measure.
  return pairs.map((_, p) => withdrawals.map((perPair) => perPair[p]!));
}

/** The paired comparison's published sets for one measure, as before-after.ts publishes them. */
function pairedSets(paired: { before: Int32Array; after: Int32Array; from: number; to: number }, column: Float64Array, context: AnalysisContext, minimum: number, p: number): PublishedVector[] | null {
  const before: number[] = [];
  const after: number[] = [];
  for (let i = 0; i < paired.before.length; i++) {
    const b = paired.before[i]!;
    const a = paired.after[i]!;
    if (Number.isNaN(column[b]!) || Number.isNaN(column[a]!)) continue;
    before.push(b);
    after.push(a);
  }
  if (paired.before.length < minimum || before.length < minimum) return null; // the paired result is not shown
  const vectors: PublishedVector[] = [];
  // The levels are shown only when each wave's unmatched remainder is 0 or at least the minimum (pairedLevels).
  const scoredIn = (rows: Int32Array) => Array.from(rows).filter((row) => !Number.isNaN(column[row]!)).length;
  const beforeScored = scoredIn(context.waveRows[paired.from]!);
  const afterScored = scoredIn(context.waveRows[paired.to]!);
  const small = (remainder: number) => remainder > 0 && remainder < minimum;
  if (beforeScored >= minimum && afterScored >= minimum && !small(beforeScored - before.length) && !small(afterScored - after.length)) {
    vectors.push({ rows: before, tag: `paired-levels:${p}` }, { rows: after, tag: `paired-levels:${p}` });
  }
  vectors.push({ rows: [...after, ...before], coefficients: [...after.map(() => 1), ...before.map(() => -1)], tag: `paired-change:${p}` });
  return vectors;
}
