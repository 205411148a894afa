/**
 * Privacy by default: no score for a group smaller than privacy.minGroupSize, and nothing that lets a hidden group
 * be worked out by subtraction. The rule of src/lib/stats/suppression.ts (hide small groups, then complementary
 * suppression until the hidden groups together hold at least the minimum), extended to what the dashboard can show:
 *
 * 1. Waves. A wave with fewer responses than the minimum is left out of every view, the "all" view included, and
 *    listed as hidden; since its answers are in no total, no subtraction can bring them back, and no other wave
 *    needs hiding to protect it.
 *
 * 2. Breakdowns across the wave filter. The dashboard shows each breakdown for every wave and for all waves
 *    together, and "all" minus "before" is "after": a wave filter is one more dimension, so a breakdown is really a
 *    wave × group table. A group is therefore hidden in every view when the rule hides it in any shown wave
 *    ("cells"), and complementary suppression runs in every wave until it holds in all of them at once. Then in
 *    every view and in every difference of views, the hidden groups together hold no responses or at least the
 *    minimum.
 *
 * 3. Per measure. A scale's mean rests on the responses that have that score, which can be fewer than the
 *    group's responses. The same rule runs again on each measure's counts of scores, starting from the groups
 *    already hidden, and a cell it adds is withheld (null).
 *
 * 4. Whole statistics. A statistic of the view (a mean, an alpha, a regression) is shown only when every wave in
 *    the view contributes no responses or at least the minimum to it (`enoughInEveryWave`); otherwise the view
 *    minus the other waves' views would give the small wave's share.
 *
 * 5. Everything together: the disclosure audit (disclosure-audit.ts, run by `auditPublished` in groups.ts). Rules
 *    1–4 protect one breakdown at a time, but the stage, role and cohort tables, the radar and the paired section
 *    describe the same people, so together they are margins of one cross-table and can be differenced against
 *    each other. Worked example (minimum 5): first-years 9 members, mid-career 10 managers, late-career 1
 *    manager. The stage table hides late-career (1) and, as its complement, first-years (9); the role table shows
 *    managers = 11; so the late-career manager's score would be 11 × mean(managers) − 10 × mean(mid-career).
 *    Likewise, with every "before" response matched, before mean + mean change = the matched people's "after"
 *    mean, and the unmatched comparison's "after" mean of 11 then gives the one unmatched person.
 *    The audit treats each published figure as the 0/1 vector of the responses it sums (a mean with its count is
 *    a sum; an SD, a sum of squares over the same set; the paired change is +1 on the matched "after" responses and
 *    −1 on their "before" ones). What adding and subtracting can give is exactly the span of those vectors. For
 *    counts, then for each measure's scores, it collects the sets of every view (each shown wave's total, fixed;
 *    each shown group in each wave; the paired change and the matched people's levels of every pair of waves,
 *    before → after, before → follow-up and after → follow-up, whichever is on screen), checks with exact
 *    rational row reduction that no set of 1 … minimum − 1 responses lies in their span, and while one does,
 *    withdraws the smallest figure whose withdrawal closes it (a group, hidden in every view as 'complementary';
 *    or the paired change or levels, withheld as null). In the example it hides mid-career (10), the smaller of
 *    the two figures that close the gap; in the second, the paired change. This is secondary cell suppression as
 *    statistical-disclosure-control tools (τ-Argus, sdcTable) do it, with the linear-algebra check as the proof
 *    that the pattern holds rather than a heuristic on the table's shape; it hides only what it must, not every
 *    margin of the cross-table. Responses over time (timeline.ts) publish counts per month and wave: months are
 *    merged until each has the minimum, and again while this audit, run over the fixed wave totals and shown
 *    groups with the periods, would withdraw a period.
 *
 * Limits, for reviewers: the audit covers counts, sums, means and SDs of the breakdowns, the radar, the view's
 * distributions and both before-and-after comparisons. It does not model: order statistics (a view's min,
 * quartiles and max; its histogram), which are of the whole view and never of a group; sdChange and t of the
 * paired test, which rest on the products of each person's two answers, not on sums of either; correlations,
 * regression and reliability of overlapping views (recovering a person from them needs far more than
 * subtraction); and counts published about codes (pairs, unmatched, without a code), which say how many, never whose
 * answers. It protects sets of responses, not people across waves: a person's "before" and "after" are two
 * responses, each protected.
 */
import type { GroupCell } from './types.ts';

/**
 * The groups to hide in every view of one breakdown. `cells[c][g]` is group g's count in cell c (a shown wave);
 * `forced` are groups hidden already (by the response counts, when this runs on one measure's counts).
 */
export function hiddenAcrossCells(cells: readonly (readonly number[])[], minimum: number, forced: Iterable<number> = []): Set<number> {
  const hidden = new Set(forced);
  let changed = true;
  while (changed) {
    changed = false;
    for (const cell of cells) {
      cell.forEach((count, g) => {
        if (count > 0 && count < minimum && !hidden.has(g)) {
          hidden.add(g);
          changed = true;
        }
      });
      let hiddenCount = 0;
      for (const g of hidden) hiddenCount += cell[g] ?? 0;
      // Complementary suppression: hide the smallest shown group with responses (ties: the one listed first).
      while (hiddenCount > 0 && hiddenCount < minimum) {
        let smallest = -1;
        cell.forEach((count, g) => {
          if (!hidden.has(g) && count > 0 && (smallest < 0 || count < cell[smallest]!)) smallest = g;
        });
        if (smallest < 0) break; // only when the cell's total is below the minimum; callers leave such cells out
        hidden.add(smallest);
        hiddenCount += cell[smallest]!;
        changed = true;
      }
    }
  }
  return hidden;
}

/** Counts per group of the given rows; rows whose group is −1 (none) are not counted. */
export function countGroups(groupOf: Int32Array, rows: Int32Array, groups: number): number[] {
  const counts = new Int32Array(groups);
  for (let r = 0; r < rows.length; r++) {
    const g = groupOf[rows[r]!]!;
    if (g >= 0) counts[g]!++;
  }
  return Array.from(counts);
}

/** The groups of one view, hidden as decided across cells, each with the reason to give in this view. */
export function groupCells(ids: readonly (string | null)[], viewCounts: readonly number[], hidden: ReadonlySet<number>, minimum: number): GroupCell[] {
  const total = viewCounts.reduce((sum, count) => sum + count, 0);
  return ids.map((id, g) => {
    const count = viewCounts[g]!;
    if (total < minimum) return { id, count: null, hidden: true, reason: 'total-below-minimum' };
    // A group with no responses in this view is shown as 0: a zero identifies no one.
    if (!hidden.has(g) || count === 0) return { id, count, hidden: false, reason: null };
    return { id, count: null, hidden: true, reason: count < minimum ? 'below-minimum' : 'complementary' };
  });
}

/** True when each count is 0 or at least the minimum: no wave contributes a small share to the statistic. */
export function enoughInEveryWave(countsPerWave: readonly number[], minimum: number): boolean {
  return countsPerWave.every((count) => count === 0 || count >= minimum);
}

/** Rows (of `rows`) per wave of `waves` where every column has a value: what a listwise statistic rests on. */
export function completeCountsPerWave(waveOf: Int8Array, rows: Int32Array, waves: readonly number[], columns: readonly Float64Array[]): number[] {
  const counts = new Array<number>(waves.length).fill(0);
  // Slot of each wave index (−1: not counted); a typed array, as this runs over every row of the view.
  const slot = new Int8Array(Math.max(0, ...waves) + 1).fill(-1);
  waves.forEach((w, i) => (slot[w] = i));
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    const w = waveOf[row]!;
    const at = w >= 0 && w < slot.length ? slot[w]! : -1;
    if (at < 0) continue;
    let complete = true;
    for (let c = 0; c < columns.length; c++) {
      if (Number.isNaN(columns[c]![row]!)) {
        complete = false;
        break;
      }
    }
    if (complete) counts[at]!++;
  }
  return counts;
}
