/**
 * Means of every measure by career stage, role and cohort, and the part profiles by role and stage for the radar.
 * One dimension at a time, each with its own suppression, then the disclosure audit of all of them together
 * (groups.ts, privacy.ts rule 5); the profiles are read off the breakdowns, so the radar and the table can never
 * disagree or hide different groups.
 *
 * Cross-tabulations (stage × role …) are absent. Adding one means adding its cells to the audit's published sets
 * (auditPublished in groups.ts), which then hides whatever the new table would give away.
 */
import type { AnalysisContext } from './context.ts';
import { countTotals, type DimensionPrivacy } from './groups.ts';
import { groupedMeanSummaries } from './numbers.ts';
import type { Breakdown, BreakdownGroup, BreakdownsSection, Dimension, GapReading, GroupProfilesSection, MeanSummary, ModelPart, ProfileGroup, Stat } from './types.ts';

export function breakdowns(context: AnalysisContext, privacy: Record<Dimension, DimensionPrivacy>, shown: readonly boolean[]): BreakdownsSection {
  const measures = context.measures.map(({ kind, id, part }) => ({ kind, id, part }));
  return {
    measures,
    byStage: breakdown(context, privacy.stage, shown),
    byRole: breakdown(context, privacy.role, shown),
    byCohort: breakdown(context, privacy.cohort, shown),
  };
}

function breakdown(context: AnalysisContext, privacy: DimensionPrivacy, shown: readonly boolean[]): Breakdown {
  const { groupOf, ids } = privacy.dimension;
  // Per measure, every group's summary in one pass over the view (hidden groups are computed and dropped: cheaper
  // than skipping them row by row).
  const summaries = context.measures.map((measure, m) => (shown[m] ? groupedMeanSummaries(measure.column, context.viewRows, groupOf, ids.length) : null));
  let withheldCells = 0;
  const groups: BreakdownGroup[] = privacy.cells.map((cell, g) => {
    if (cell.hidden) return { ...cell, statistics: null };
    const statistics = context.measures.map((_, m): MeanSummary | null => {
      const summary = summaries[m]?.[g];
      if (!summary || privacy.measureHidden[m]!.has(g)) {
        if (privacy.viewCounts[g]! > 0) withheldCells++;
        return null;
      }
      return summary;
    });
    return { ...cell, statistics };
  });
  const partIndices = context.measures.flatMap((measure, m) => (measure.kind === 'part' ? [m] : []));
  return {
    dimension: privacy.dimension.name,
    ...countTotals(privacy),
    withheldCells,
    groups,
    reading: largestGap(
      context,
      partIndices,
      groups.map((group) => ({ id: group.id, means: group.statistics?.map((statistic) => statistic?.mean ?? null) ?? null })),
    ),
  };
}

/** The part whose shown group means are furthest apart, with the highest and lowest group. */
function largestGap(context: AnalysisContext, measureIndices: readonly number[], groups: readonly { id: string | null; means: readonly Stat[] | null }[]): GapReading {
  let best: GapReading = { kind: 'too-few-groups' };
  for (const m of measureIndices) {
    let high: { group: string | null; mean: number } | null = null;
    let low: { group: string | null; mean: number } | null = null;
    let count = 0;
    for (const group of groups) {
      const mean = group.means?.[m];
      if (mean === null || mean === undefined) continue;
      count++;
      if (!high || mean > high.mean) high = { group: group.id, mean };
      if (!low || mean < low.mean) low = { group: group.id, mean };
    }
    if (count < 2 || !high || !low) continue;
    const difference = high.mean - low.mean;
    if (best.kind === 'too-few-groups' || difference > best.difference) {
      const { kind, id } = context.measures[m]!;
      best = { kind: 'largest-gap', measure: { kind, id }, high, low, difference };
    }
  }
  return best;
}

/** Part means per role and per stage, read off the breakdowns, with the view's overall part means. */
export function groupProfiles(context: AnalysisContext, section: BreakdownsSection, overallMeans: readonly Stat[]): GroupProfilesSection {
  const partIndices = context.measures.flatMap((measure, m) => (measure.kind === 'part' ? [m] : []));
  const parts = partIndices.map((m) => context.measures[m]!.id as ModelPart);
  const profile = (breakdown: Breakdown): ProfileGroup[] =>
    breakdown.groups.map(({ statistics, ...cell }) => ({ ...cell, means: statistics ? partIndices.map((m) => statistics[m]?.mean ?? null) : null }));
  // The breakdowns' readings are over the parts already: the radar reads the same.
  return {
    parts,
    overall: partIndices.map((m) => overallMeans[m] ?? null),
    byRole: profile(section.byRole),
    byStage: profile(section.byStage),
    reading: { byRole: section.byRole.reading, byStage: section.byStage.reading },
  };
}
