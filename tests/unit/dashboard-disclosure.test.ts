/**
 * Privacy across everything the dashboard publishes (src/lib/dashboard/analysis/privacy.ts, rule 5): the two
 * attacks of issue 12 as fixtures, the production audit (disclosure-audit.ts) on hand-made cases, and a property
 * test in which an auditor written separately from the suppression code (below: null spaces over the rationals and
 * brute force over every small set of responses) reads only the analysis output of every view and checks that no
 * set of fewer than the minimum can be worked out by adding and subtracting what is shown.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseDataset, WAVE_PAIRS, type DatasetAnalysis, type Section } from '../../src/lib/dashboard/analysis.ts';
import { findDisclosedSet, withdrawUntilSafe } from '../../src/lib/dashboard/analysis/disclosure-audit.ts';
import type { StoredResponse } from '../../src/lib/dashboard/dataset.ts';
import { scoreColumns } from '../../src/lib/stats/columns.ts';
import { matchPairs, pairingKey } from '../../src/lib/stats/pairing.ts';
import { readInstrumentFile } from '../../src/lib/survey/instrument-file.ts';
import { WAVES, type Wave } from '../../src/lib/survey/response-code.ts';
import { responseMaker } from '../support/stored-responses.ts';

const instrument = readInstrumentFile(new URL('../../content/survey/instrument.yaml', import.meta.url));
const itemIds = instrument.scales.flatMap((scale) => scale.items.map((item) => item.id));
const stageIndex = (id: string) => instrument.careerStages.findIndex((stage) => stage.id === id);
const MANAGER = instrument.roles.findIndex((role) => role.id === 'manager');
const MEMBER = instrument.roles.findIndex((role) => role.id === 'member');

const { stored: storedAny, many: manyAny } = responseMaker(itemIds);
/** Team members unless said otherwise. */
const stored = (changes: Partial<StoredResponse> = {}, seed?: number) => storedAny({ role: MEMBER, ...changes }, seed);
const many = (count: number, changes: Partial<StoredResponse> | ((i: number) => Partial<StoredResponse>)) => manyAny(count, (i) => ({ role: MEMBER, ...(typeof changes === 'function' ? changes(i) : changes) }));

function shown<T>(section: Section<T>): T {
  if (section.hidden) throw new Error(`section hidden: ${section.reason}`);
  return section;
}

// ---------------------------------------------------------------------------------------------------------------
// The independent auditor. It knows the raw responses and reads the analysis output of every view; it shares no
// code with the suppression (only the statistics library's scoring and pairing, to know who is in which set).

type Vector = Map<number, number>; // row → coefficient

/** Published sets, per space: 'count' (response counts), or a part id (that part's scores). */
function publishedSets(responses: readonly StoredResponse[], analyses: readonly DatasetAnalysis[]): Map<string, Vector[]> {
  const scored = scoreColumns(instrument, responses.map((response) => response.answers));
  const spaces = new Map<string, Vector[]>();
  const add = (space: string, rows: readonly number[], coefficient: (row: number) => number = () => 1) => {
    if (rows.length === 0) return;
    const list = spaces.get(space) ?? [];
    list.push(new Map(rows.map((row) => [row, coefficient(row)])));
    spaces.set(space, list);
  };
  const rowsWhere = (keep: (row: number) => boolean) => responses.flatMap((_, row) => (keep(row) ? [row] : []));
  const cohorts = [...new Set(responses.map((r) => r.cohort))].sort();
  const groupOf = {
    stage: (row: number) => {
      const stage = responses[row]!.stage;
      return stage === null ? null : instrument.careerStages[stage]!.id;
    },
    role: (row: number) => instrument.roles[responses[row]!.role]!.id,
    cohort: (row: number) => responses[row]!.cohort,
  };
  void cohorts;
  for (const analysis of analyses) {
    const inView = (row: number) => analysis.view.waves.includes(responses[row]!.wave);
    for (const wave of analysis.participation.byWave.waves) if (wave.count !== null && wave.count > 0) add('count', rowsWhere((row) => responses[row]!.wave === wave.id));
    // Responses over time: each period of each wave, a count.
    for (const wave of analysis.timeline.waves) {
      for (const period of wave.periods) add('count', rowsWhere((row) => responses[row]!.wave === wave.id && responses[row]!.day.slice(0, 7) >= period.from && responses[row]!.day.slice(0, 7) <= period.to));
    }
    const participation = analysis.participation;
    for (const [dimension, section] of [['stage', participation.byStage], ['role', participation.byRole], ['cohort', participation.byCohort]] as const) {
      if (section.hidden) continue;
      for (const group of section.groups) if (group.count !== null) add('count', rowsWhere((row) => inView(row) && groupOf[dimension](row) === group.id));
    }
    analysis.measures.forEach((measure, m) => {
      if (measure.kind !== 'part') return;
      const column = scored.parts[measure.part]!;
      const has = (row: number) => !Number.isNaN(column[row]!);
      if (!analysis.constructs.hidden && analysis.constructs.measures[m]!.summary) add(measure.id, rowsWhere((row) => inView(row) && has(row)));
      if (!analysis.breakdowns.hidden) {
        const b = analysis.breakdowns;
        for (const [dimension, breakdown] of [['stage', b.byStage], ['role', b.byRole], ['cohort', b.byCohort]] as const) {
          for (const group of breakdown.groups) {
            if (group.statistics?.[m]) add(measure.id, rowsWhere((row) => inView(row) && has(row) && groupOf[dimension](row) === group.id));
          }
        }
      }
      if (!analysis.groupProfiles.hidden) {
        const p = analysis.groupProfiles;
        const part = p.parts.indexOf(measure.part);
        for (const [dimension, groups] of [['stage', p.byStage], ['role', p.byRole]] as const) {
          for (const group of groups) {
            if (group.means?.[part] !== null && group.means?.[part] !== undefined) add(measure.id, rowsWhere((row) => inView(row) && has(row) && groupOf[dimension](row) === group.id));
          }
        }
      }
      if (!analysis.beforeAfter.hidden) {
        const ba = analysis.beforeAfter;
        const waveRows = (wave: Wave) => rowsWhere((row) => responses[row]!.wave === wave);
        if (ba.unmatched.results[m]) {
          add(measure.id, waveRows(ba.from).filter(has));
          add(measure.id, waveRows(ba.to).filter(has));
        }
        const paired = ba.paired.hidden ? null : ba.paired.results[m];
        if (paired) {
          const before = waveRows(ba.from);
          const after = waveRows(ba.to);
          const keyOf = (row: number) => pairingKey(responses[row]!.cohort, responses[row]!.anonymousCode);
          const match = matchPairs(before.map(keyOf), after.map(keyOf));
          const pairs = Array.from(match.beforeRows, (b, i) => [before[b]!, after[match.afterRows[i]!]!] as const).filter(([b, a]) => has(b) && has(a));
          add(measure.id, [...pairs.map(([b]) => b), ...pairs.map(([, a]) => a)], (row) => (responses[row]!.wave === ba.to ? 1 : -1));
          if (paired.meanBefore !== null || paired.meanAfter !== null || paired.dav.value !== null) {
            add(measure.id, pairs.map(([b]) => b));
            add(measure.id, pairs.map(([, a]) => a));
          }
        }
      }
    });
  }
  return spaces;
}

// Exact rationals as [numerator, denominator] BigInt pairs.
type Q = [bigint, bigint];
const gcd = (a: bigint, b: bigint): bigint => {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b) [a, b] = [b, a % b];
  return a || 1n;
};
const q = (n: bigint, d: bigint = 1n): Q => {
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d);
  return [n / g, d / g];
};
const sub = (a: Q, b: Q): Q => q(a[0] * b[1] - b[0] * a[1], a[1] * b[1]);
const mul = (a: Q, b: Q): Q => q(a[0] * b[0], a[1] * b[1]);
const div = (a: Q, b: Q): Q => q(a[0] * b[1], a[1] * b[0]);

/**
 * A basis of the null space of the published vectors (columns: `rows`): a set T is in their span exactly when
 * Σ_{i∈T} z_i = 0 for every null vector z.
 */
function nullSpace(vectors: readonly Vector[], rows: readonly number[]): number[][] {
  const width = rows.length;
  const matrix: Q[][] = vectors.map((vector) => rows.map((row) => q(BigInt(vector.get(row) ?? 0))));
  const pivots: number[] = [];
  let rank = 0;
  for (let c = 0; c < width && rank < matrix.length; c++) {
    const at = matrix.findIndex((row, r) => r >= rank && row[c]![0] !== 0n);
    if (at < 0) continue;
    [matrix[rank], matrix[at]] = [matrix[at]!, matrix[rank]!];
    const pivot = matrix[rank]![c]!;
    matrix[rank] = matrix[rank]!.map((value) => div(value, pivot));
    for (let r = 0; r < matrix.length; r++) {
      if (r === rank || matrix[r]![c]![0] === 0n) continue;
      const factor = matrix[r]![c]!;
      matrix[r] = matrix[r]!.map((value, k) => sub(value, mul(factor, matrix[rank]![k]!)));
    }
    pivots.push(c);
    rank++;
  }
  const free = [...Array(width).keys()].filter((c) => !pivots.includes(c));
  return free.map((f) => {
    const z: Q[] = rows.map(() => q(0n));
    z[f] = q(1n);
    pivots.forEach((p, r) => (z[p] = q(-matrix[r]![f]![0], matrix[r]![f]![1])));
    const lcm = z.reduce((l, [, d]) => (l / gcd(l, d)) * d, 1n);
    return z.map(([n, d]) => Number((n * lcm) / d));
  });
}

/** Every set of 1 … minimum − 1 responses whose sum can be worked out from the vectors (brute force). */
function derivableSmallSets(vectors: readonly Vector[], minimum: number): number[][] {
  const rows = [...new Set(vectors.flatMap((vector) => [...vector.keys()]))].sort((a, b) => a - b);
  const z = nullSpace(vectors, rows);
  const found: number[][] = [];
  const chosen: number[] = [];
  const sums = z.map(() => 0);
  const visit = (start: number) => {
    if (chosen.length > 0 && sums.every((sum) => sum === 0)) found.push(chosen.map((i) => rows[i]!));
    if (chosen.length === minimum - 1) return;
    for (let i = start; i < rows.length; i++) {
      chosen.push(i);
      z.forEach((vector, k) => (sums[k]! += vector[i]!));
      visit(i + 1);
      z.forEach((vector, k) => (sums[k]! -= vector[i]!));
      chosen.pop();
    }
  };
  visit(0);
  return found;
}

/** Every view a facilitator can open: each wave filter, and each pair of waves for the comparison. */
const views = (responses: StoredResponse[], minimum: number) =>
  (['all', ...WAVES] as const).flatMap((wave) => WAVE_PAIRS.map((pair) => analyseDataset({ responses }, instrument, { minGroupSize: minimum, minCommentGroupSize: minimum }, { wave, pair })));

function leaks(responses: StoredResponse[], minimum: number): string[] {
  const problems: string[] = [];
  for (const [space, vectors] of publishedSets(responses, views(responses, minimum))) {
    for (const set of derivableSmallSets(vectors, minimum)) problems.push(`${space}: responses ${set.join(', ')}`);
  }
  return problems;
}

describe('the independent auditor', () => {
  it('finds a hidden person from two overlapping groups and the total (so it can fail)', () => {
    // managers = {0…10}, mid = {0…9}, total = {0…19}: manager − mid = {10}.
    const range = (from: number, to: number) => new Map(Array.from({ length: to - from }, (_, i) => [from + i, 1]));
    expect(derivableSmallSets([range(0, 11), range(0, 10), range(0, 20)], 5)).toEqual([[10]]);
    expect(derivableSmallSets([range(0, 11), range(0, 20)], 5)).toEqual([]);
  });
});

describe('the production audit (disclosure-audit.ts)', () => {
  const rows = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
  it('finds the set a difference of groups gives, and withdraws the smallest figure that closes it', () => {
    const vectors = [{ rows: rows(0, 20) }, { rows: rows(0, 11), tag: 'managers' }, { rows: rows(0, 10), tag: 'mid' }, { rows: rows(11, 20), tag: 'members' }];
    expect(findDisclosedSet(vectors, 5)).toEqual([10]);
    expect([...withdrawUntilSafe(vectors, 5)]).toEqual(['mid']);
  });
  it('sees through a paired change: wave totals minus the change minus the before total', () => {
    // before {0…9} all matched to after {10…19}; one unmatched after-response, 20.
    const change = { rows: [...rows(10, 20), ...rows(0, 10)], coefficients: [...rows(10, 20).map(() => 1), ...rows(0, 10).map(() => -1)], tag: 'paired-change' };
    const vectors = [{ rows: rows(0, 10) }, { rows: rows(10, 21) }, change];
    expect(findDisclosedSet(vectors, 5)).toEqual([20]);
    expect([...withdrawUntilSafe(vectors, 5)]).toEqual(['paired-change']);
  });
  it('passes sets that are large enough, however they overlap', () => {
    expect(findDisclosedSet([{ rows: rows(0, 20) }, { rows: rows(0, 10) }, { rows: rows(5, 15) }], 5)).toBeNull();
  });
});

describe('attack 1: across breakdowns', () => {
  // first-years 9 members; mid-career 10 managers; late-career 1 manager. The stage table hides late-career and,
  // as its complement, first-years; today the role table shows managers = 11, and the late-career manager's every
  // score is 11 × mean(managers) − 10 × mean(mid-career).
  const responses = [
    ...many(9, { stage: stageIndex('first-years'), role: MEMBER }),
    ...many(10, { stage: stageIndex('mid-career'), role: MANAGER }),
    ...many(1, { stage: stageIndex('late-career'), role: MANAGER }),
  ];
  const analysis = analyseDataset({ responses }, instrument, { minGroupSize: 5, minCommentGroupSize: 10 });

  it('no longer lets the role and stage tables together give the late-career manager away', () => {
    const b = shown(analysis.breakdowns);
    const managers = b.byRole.groups.find((group) => group.id === 'manager')!;
    const mid = b.byStage.groups.find((group) => group.id === 'mid-career')!;
    b.measures.forEach((_, m) => {
      const managerMean = managers.statistics?.[m]?.mean ?? null;
      const midMean = mid.statistics?.[m]?.mean ?? null;
      expect(managerMean === null || midMean === null).toBe(true);
    });
    // And the counts: managers − mid-career would be 1.
    const roles = shown(analysis.participation.byRole).groups.find((group) => group.id === 'manager')!;
    const stages = shown(analysis.participation.byStage).groups.find((group) => group.id === 'mid-career')!;
    expect(roles.count === null || stages.count === null).toBe(true);
  });

  it('passes the independent auditor over every view', () => {
    expect(leaks(responses, 5)).toEqual([]);
  });
});

describe('attack 2: before and after', () => {
  // Ten people answer before and after with codes; one more answers only after. Today the paired section shows
  // the mean change, the unmatched comparison shows both wave means, and the extra person's score is
  // 11 × mean(after) − 10 × (mean(before) + mean change).
  const people = Array.from({ length: 10 }, (_, i) => `code-${i}`);
  const responses = [
    ...people.map((code, i) => stored({ wave: 'before', anonymousCode: code }, i)),
    ...people.map((code, i) => stored({ wave: 'after', anonymousCode: code }, i + 3)),
    stored({ wave: 'after', anonymousCode: 'alone' }, 99),
  ];
  const analysis = analyseDataset({ responses }, instrument, { minGroupSize: 5, minCommentGroupSize: 10 });

  it('does not publish the mean change beside both wave means', () => {
    const ba = shown(analysis.beforeAfter);
    ba.unmatched.results.forEach((unmatched, m) => {
      const paired = ba.paired.hidden ? null : ba.paired.results[m];
      expect(unmatched === null || paired === null || paired.meanChange === null).toBe(true);
    });
  });

  it('passes the independent auditor over every view', () => {
    expect(leaks(responses, 5)).toEqual([]);
  });
});

describe('attack 2 again: before and follow-up', () => {
  // The same attack on the pair before → follow-up: ten people answer both with codes, one more only the follow-up.
  const people = Array.from({ length: 10 }, (_, i) => `code-${i}`);
  const responses = [
    ...people.map((code, i) => stored({ wave: 'before', anonymousCode: code }, i)),
    ...people.map((code, i) => stored({ wave: 'follow-up', anonymousCode: code, day: '2027-02-23' }, i + 3)),
    stored({ wave: 'follow-up', anonymousCode: 'alone', day: '2027-02-23' }, 99),
  ];
  const analysis = analyseDataset({ responses }, instrument, { minGroupSize: 5, minCommentGroupSize: 10 }, { pair: 'before-follow-up' });

  it('does not publish the mean change beside both wave means', () => {
    const ba = shown(analysis.beforeAfter);
    expect([ba.from, ba.to, ba.matching.pairs]).toEqual(['before', 'follow-up', 10]);
    expect(ba.unmatched.results.some((unmatched) => unmatched !== null)).toBe(true);
    ba.unmatched.results.forEach((unmatched, m) => {
      const paired = ba.paired.hidden ? null : ba.paired.results[m];
      expect(unmatched === null || paired === null || paired.meanChange === null).toBe(true);
    });
  });

  it('passes the independent auditor over every view and every pair', () => {
    expect(leaks(responses, 5)).toEqual([]);
  });
});

describe('random cohorts', () => {
  const person = fc.record({
    stage: fc.integer({ min: 0, max: 3 }),
    managerFlip: fc.boolean(),
    cohort: fc.constantFrom('A', 'B'),
    waves: fc.constantFrom<Wave[]>(['before'], ['after'], ['before', 'after'], ['before', 'after'], ['before', 'after', 'follow-up'], ['follow-up']),
    coded: fc.boolean(),
    missingScale: fc.option(fc.integer({ min: 0, max: instrument.scales.length - 1 }), { freq: 3 }),
    seed: fc.integer({ min: 0, max: 1000 }),
    month: fc.integer({ min: 1, max: 3 }),
  });

  it('never lets a set below the minimum be worked out from all views together', () => {
    fc.assert(
      fc.property(fc.array(person, { minLength: 8, maxLength: 18 }), fc.constantFrom(3, 4), (people, minimum) => {
        const responses = people.flatMap((p, i) =>
          p.waves.map((wave, k) => {
            const missing = p.missingScale === null ? new Set<string>() : new Set(instrument.scales[p.missingScale]!.items.map((item) => item.id));
            // Roles follow stages (the later stages are managers), with exceptions.
            const manager = (p.stage >= 2) !== p.managerFlip;
            return stored(
              {
                wave,
                stage: p.stage,
                role: manager ? MANAGER : MEMBER,
                cohort: p.cohort,
                day: `2026-0${p.month + k}-15`,
                anonymousCode: p.coded || wave !== 'before' ? `p${i}` : null,
                answers: itemIds.map((id, j) => (missing.has(id) && k === 0 ? null : 1 + ((p.seed * 7 + j * 3 + k * 5 + ((p.seed * j) % 4)) % 5))),
              },
              p.seed,
            );
          }),
        );
        expect(leaks(responses, minimum)).toEqual([]);
      }),
      { numRuns: 100, seed: 12 },
    );
  }, 30_000);
});
