/**
 * Responses over time: per shown wave, how many responses arrived in each month (from each response's `day`),
 * counts only. A follow-up three months after the workshop is the programme's real test, and this table shows
 * when each wave's answers actually came in.
 *
 * Privacy (privacy.ts): no period shows fewer than the minimum. Months are merged with their neighbours into
 * longer periods ("coarser bins") until each holds at least the minimum; then the periods go through the same
 * disclosure audit as every other count (`withdrawUntilSafe`), alongside the fixed figures already published
 * (each wave's total and its shown groups), and a period the audit would withdraw is merged with the next one
 * (or, the last, with the one before) until nothing is withdrawn. One period per wave is the wave's total,
 * which is published anyway, so this always ends.
 */
import type { AnalysisContext } from './context.ts';
import { withdrawUntilSafe, type PublishedVector } from './disclosure-audit.ts';
import type { DimensionPrivacy } from './groups.ts';
import type { TimelinePeriod, TimelineSection } from './types.ts';
import { waveIds } from './context.ts';

interface Bin {
  from: string;
  to: string;
  rows: number[];
}

/** Consecutive months merged, in order, until each period holds at least `minimum` rows (the last joins the one before). */
export function mergeMonths(months: readonly { month: string; rows: number[] }[], minimum: number): Bin[] {
  const bins: Bin[] = [];
  let open: Bin | null = null;
  for (const { month, rows } of months) {
    if (!open) open = { from: month, to: month, rows: [] };
    open.to = month;
    open.rows.push(...rows);
    if (open.rows.length >= minimum) {
      bins.push(open);
      open = null;
    }
  }
  if (open) {
    const last = bins.at(-1);
    if (last) {
      last.to = open.to;
      last.rows.push(...open.rows);
    } else bins.push(open);
  }
  return bins;
}

export function timeline(context: AnalysisContext, privacies: readonly DimensionPrivacy[]): TimelineSection {
  const minimum = context.privacy.minGroupSize;
  const binsOf = context.shownWaves.map((w) => {
    const byMonth = new Map<string, number[]>();
    for (const row of context.waveRows[w]!) {
      const month = context.responses[row]!.day.slice(0, 7);
      let list = byMonth.get(month);
      if (!list) byMonth.set(month, (list = []));
      list.push(row);
    }
    const months = [...byMonth].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([month, rows]) => ({ month, rows }));
    return mergeMonths(months, minimum);
  });

  // Fixed: what the participation section publishes already (each shown wave's total and its shown groups).
  const fixed: PublishedVector[] = [];
  for (const w of context.shownWaves) {
    const rows = Array.from(context.waveRows[w]!);
    fixed.push({ rows });
    for (const privacy of privacies) {
      const members = new Map<number, number[]>();
      for (const row of rows) {
        const g = privacy.dimension.groupOf[row]!;
        if (g < 0 || privacy.hidden.has(g)) continue;
        let list = members.get(g);
        if (!list) members.set(g, (list = []));
        list.push(row);
      }
      for (const list of members.values()) fixed.push({ rows: list });
    }
  }
  for (;;) {
    const periods: PublishedVector[] = binsOf.flatMap((bins, i) => (bins.length > 1 ? bins.map((bin, b) => ({ rows: bin.rows, tag: `${i}:${b}` })) : []));
    const withdrawn = withdrawUntilSafe([...fixed, ...periods], minimum);
    if (withdrawn.size === 0) break;
    // Merge the first withdrawn period with its neighbour, then audit again.
    const [i, b] = [...withdrawn][0]!.split(':').map(Number) as [number, number];
    const bins = binsOf[i]!;
    const other = b + 1 < bins.length ? b + 1 : b - 1;
    const [first, second] = other > b ? [bins[b]!, bins[other]!] : [bins[other]!, bins[b]!];
    bins.splice(Math.min(b, other), 2, { from: first.from, to: second.to, rows: [...first.rows, ...second.rows] });
  }

  const ids = waveIds(context.shownWaves);
  const waves = binsOf.map((bins, i) => ({ id: ids[i]!, periods: bins.map((bin): TimelinePeriod => ({ from: bin.from, to: bin.to, count: bin.rows.length })) }));
  return { waves, merged: waves.some((wave) => wave.periods.some((period) => period.from !== period.to)) };
}
