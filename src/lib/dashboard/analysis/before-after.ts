/**
 * Two waves compared, whatever the view's wave filter: before → after (the default), before → follow-up or
 * after → follow-up (`AnalysisFilter.pair`). "before" and "after" in the results mean the pair's earlier and later wave:
 * - paired: the people matched by anonymous code within their cohort (pairing.ts), paired t test, d_z and d_av;
 * - unmatched: everyone in each wave as independent groups, Welch's t test, Hedges' g (compare.ts).
 * The paired result is the one to read when many people answered both waves; the dashboard shows it first.
 */
import { pick } from '../../stats/columns.ts';
import { pairedComparison, welchComparison } from '../../stats/compare.ts';
import { matchPairs, pairingKey } from '../../stats/pairing.ts';
import { WAVES } from '../../survey/response-code.ts';
import type { AnalysisContext } from './context.ts';
import { effectSize, interval, SIGNIFICANCE, stat } from './numbers.ts';
import type { BeforeAfterSection, ChangeReading, PairedResult, Section, WavePair, WelchResult } from './types.ts';

/** Every pair of waves the dashboard offers, earlier wave first. */
export const WAVE_PAIRS = ['before-after', 'before-follow-up', 'after-follow-up'] as const satisfies readonly WavePair[];

/** The two waves of a pair, as indices into WAVES. */
export function pairWaves(pair: WavePair): { from: number; to: number } {
  const [from, to] = pair === 'before-after' ? (['before', 'after'] as const) : pair === 'before-follow-up' ? (['before', 'follow-up'] as const) : (['after', 'follow-up'] as const);
  return { from: WAVES.indexOf(from), to: WAVES.indexOf(to) };
}

/** The matched people: their earlier and later rows of the dataset, pair by pair; null without both waves. */
export function pairedRows(context: AnalysisContext, pair: WavePair = 'before-after'): { match: ReturnType<typeof matchPairs>; before: Int32Array; after: Int32Array; from: number; to: number } | null {
  const { from: BEFORE, to: AFTER } = pairWaves(pair);
  if (!context.shownWaves.includes(BEFORE) || !context.shownWaves.includes(AFTER)) return null;
  const beforeRows = context.waveRows[BEFORE]!;
  const afterRows = context.waveRows[AFTER]!;
  const keyOf = (row: number) => pairingKey(context.responses[row]!.cohort, context.responses[row]!.anonymousCode);
  const match = matchPairs(Array.from(beforeRows, keyOf), Array.from(afterRows, keyOf));
  const rowsOf = (rows: Int32Array, picked: ArrayLike<number>) => Int32Array.from(picked, (i) => rows[i]!);
  return { match, before: rowsOf(beforeRows, match.beforeRows), after: rowsOf(afterRows, match.afterRows), from: BEFORE, to: AFTER };
}

/**
 * `withdrawn` (from the disclosure audit, privacy.ts): per measure, whether its paired change, or the matched
 * people's wave levels (their means, and d_av, which rests on their SDs), must be withheld.
 */
export function beforeAfter(context: AnalysisContext, withdrawn: readonly { change: boolean; levels: boolean }[] = [], pair: WavePair = 'before-after'): Section<BeforeAfterSection> {
  const minimum = context.privacy.minGroupSize;
  const rows = pairedRows(context, pair);
  if (!rows) return { hidden: true, reason: 'needs-both-waves', minimum };
  const beforeRows = context.waveRows[rows.from]!;
  const afterRows = context.waveRows[rows.to]!;
  const { match, before: pairedBefore, after: pairedAfter } = rows;
  const pairs = match.beforeRows.length;

  const unmatched = context.measures.map(({ kind, id, column }): WelchResult | null => {
    const result = welchComparison(pick(column, beforeRows), pick(column, afterRows));
    if (result.before.n < minimum || result.after.n < minimum) return null;
    const group = (summary: { n: number; mean: number; sd: number }) => ({ n: summary.n, mean: stat(summary.mean), sd: stat(summary.sd) });
    return {
      kind,
      id,
      before: group(result.before),
      after: group(result.after),
      difference: stat(result.difference),
      ci: interval(result.ci),
      t: stat(result.t),
      df: stat(result.df),
      p: stat(result.p),
      g: effectSize(result.g),
      d: effectSize(result.d),
    };
  });

  const paired = context.measures.map(({ kind, id, column }, m): PairedResult | null => {
    const result = pairedComparison(pick(column, pairedBefore), pick(column, pairedAfter));
    if (result.n < minimum || withdrawn[m]?.change) return null;
    // d_av rests on the matched people's SDs in each wave: it goes with their means (the levels).
    const levels = withdrawn[m]?.levels ? { meanBefore: null, meanAfter: null } : pairedLevels(result, unmatched[m] ?? null, minimum);
    const levelsWithdrawn = levels.meanBefore === null && levels.meanAfter === null;
    return {
      kind,
      id,
      n: result.n,
      ...levels,
      meanChange: stat(result.meanChange),
      sdChange: stat(result.sdChange),
      ci: interval(result.ci),
      t: stat(result.t),
      df: stat(result.df),
      p: stat(result.p),
      dz: effectSize(result.dz),
      dav: levelsWithdrawn ? { ...effectSize(result.dav), value: null, band: null } : effectSize(result.dav),
    };
  });

  const pairedShown = pairs >= minimum;
  return {
    hidden: false,
    pair,
    from: WAVES[rows.from]!,
    to: WAVES[rows.to]!,
    matching: { pairs, withoutCode: match.withoutCode, unmatched: match.unmatched, duplicated: match.duplicated },
    paired: pairedShown ? { hidden: false, results: paired } : { hidden: true, reason: 'below-minimum', minimum },
    unmatched: { results: unmatched },
    reading: pairedShown ? { basis: 'paired', changes: changes(context, paired) } : { basis: 'unmatched', changes: changes(context, unmatched) },
  };
}

/**
 * The matched people's wave means, unless a wave's unmatched remainder (its scores not in a pair) is between 1
 * and the minimum: the wave's mean over everyone (the unmatched comparison) minus the matched people's share
 * would then give those few people's mean.
 */
function pairedLevels(result: { n: number; meanBefore: number; meanAfter: number }, everyone: WelchResult | null, minimum: number): { meanBefore: number | null; meanAfter: number | null } {
  const small = (remainder: number) => remainder > 0 && remainder < minimum;
  if (!everyone || small(everyone.before.n - result.n) || small(everyone.after.n - result.n)) return { meanBefore: null, meanAfter: null };
  return { meanBefore: stat(result.meanBefore), meanAfter: stat(result.meanAfter) };
}

/** The model parts' changes, largest effect first. */
function changes(context: AnalysisContext, results: readonly (PairedResult | WelchResult | null)[]): ChangeReading[] {
  const readings: ChangeReading[] = [];
  results.forEach((result, m) => {
    if (!result || context.measures[m]!.kind !== 'part') return;
    const isPaired = 'dz' in result;
    const change = isPaired ? result.meanChange : result.difference;
    const effect = isPaired ? result.dz : result.g;
    if (change === null || result.p === null || effect.value === null || effect.band === null) return;
    const clear = result.p < SIGNIFICANCE;
    readings.push({
      measure: { kind: result.kind, id: result.id },
      direction: !clear ? 'no-clear-change' : change > 0 ? 'increase' : 'decrease',
      change,
      effect: { name: isPaired ? 'd_z' : 'g', value: effect.value, band: effect.band },
      p: result.p,
    });
  });
  return readings.sort((a, b) => Math.abs(b.effect.value) - Math.abs(a.effect.value));
}
