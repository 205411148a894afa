/**
 * Waves and time in the dashboard's analysis: the comparison of any two waves (before → after, before →
 * follow-up, after → follow-up), each against hand-checkable figures; every pair audited whichever is shown;
 * responses per month with small months merged and audited; and the summary CSV rounded as the page shows it.
 */
import { describe, expect, it } from 'vitest';
import { analyseDataset, type DatasetAnalysis, type Section, type WavePair } from '../../src/lib/dashboard/analysis.ts';
import { mergeMonths } from '../../src/lib/dashboard/analysis/timeline.ts';
import { roundAsShown, summaryToCsv } from '../../src/lib/dashboard/csv-export.ts';
import type { StoredResponse } from '../../src/lib/dashboard/dataset.ts';
import { pairedComparison, welchComparison } from '../../src/lib/stats/compare.ts';
import type { Wave } from '../../src/lib/survey/response-code.ts';
import { readInstrumentFile } from '../../src/lib/survey/instrument-file.ts';
import { responseMaker } from '../support/stored-responses.ts';

const instrument = readInstrumentFile(new URL('../../content/survey/instrument.yaml', import.meta.url));
const itemIds = instrument.scales.flatMap((scale) => scale.items.map((item) => item.id));
const PRIVACY = { minGroupSize: 5, minCommentGroupSize: 10 };

const { stored } = responseMaker(itemIds);
/** A response answering every statement with `value`: "learning" (no reverse-keyed item) then scores exactly `value`. */
function answered(wave: Wave, value: number, changes: Partial<StoredResponse> = {}): StoredResponse {
  return stored({ wave, answers: itemIds.map(() => value), ...changes });
}

function shown<T>(section: Section<T>): T {
  if (section.hidden) throw new Error(`section hidden: ${section.reason}`);
  return section;
}

// Six people (codes p0–p5) in all three waves; their "learning" scores, person by person:
const SCORES: Record<Wave, number[]> = {
  before: [1, 2, 2, 3, 3, 4], // mean 2.5
  after: [2, 3, 3, 4, 4, 4], // mean 20/6; changes from before 1,1,1,1,1,0: mean 5/6
  'follow-up': [3, 3, 4, 4, 5, 5], // mean 4; from before 2,1,2,1,2,1: mean 1.5; from after 1,0,1,0,1,1: mean 4/6
};
const threeWaves = (Object.keys(SCORES) as Wave[]).flatMap((wave) => SCORES[wave].map((value, i) => answered(wave, value, { anonymousCode: `p${i}`, day: wave === 'before' ? '2026-04-10' : wave === 'after' ? '2026-04-11' : '2026-07-15' })));
const learning = (analysis: DatasetAnalysis) => analysis.measures.findIndex((m) => m.kind === 'scale' && m.id === 'learning');

describe('comparing two waves', () => {
  const cases: [WavePair, Wave, Wave, number][] = [
    ['before-after', 'before', 'after', 5 / 6],
    ['before-follow-up', 'before', 'follow-up', 1.5],
    ['after-follow-up', 'after', 'follow-up', 4 / 6],
  ];
  for (const [pair, from, to, meanChange] of cases) {
    it(`${from} → ${to}: matches the six people by code and gives their mean change of ${meanChange.toFixed(3)}`, () => {
      const analysis = analyseDataset({ responses: threeWaves }, instrument, PRIVACY, { pair });
      const section = shown(analysis.beforeAfter);
      expect([section.pair, section.from, section.to]).toEqual([pair, from, to]);
      expect(section.matching).toEqual({ pairs: 6, withoutCode: { before: 0, after: 0 }, unmatched: { before: 0, after: 0 }, duplicated: { before: 0, after: 0 } });
      const result = shown(section.paired).results[learning(analysis)]!;
      expect(result.n).toBe(6);
      expect(result.meanChange).toBeCloseTo(meanChange, 12);
      expect(result.meanBefore).toBeCloseTo(SCORES[from].reduce((a, b) => a + b) / 6, 12);
      expect(result.meanAfter).toBeCloseTo(SCORES[to].reduce((a, b) => a + b) / 6, 12);
      const expected = pairedComparison(SCORES[from], SCORES[to]);
      expect(result.t).toBeCloseTo(expected.t, 12);
      expect(result.p).toBeCloseTo(expected.p, 12);
      const unmatched = section.unmatched.results[learning(analysis)]!;
      expect(unmatched.before.n).toBe(6);
      expect(unmatched.after.n).toBe(6);
      expect(unmatched.difference).toBeCloseTo(welchComparison(SCORES[from], SCORES[to]).difference, 12);
    });
  }

  it('before → follow-up ignores the "after" wave, and says so when the follow-up is missing', () => {
    const twoWaves = threeWaves.filter((response) => response.wave !== 'follow-up');
    expect(analyseDataset({ responses: twoWaves }, instrument, PRIVACY, { pair: 'before-follow-up' }).beforeAfter).toEqual({ hidden: true, reason: 'needs-both-waves', minimum: 5 });
    expect(shown(analyseDataset({ responses: twoWaves }, instrument, PRIVACY, { pair: 'before-after' }).beforeAfter).matching.pairs).toBe(6);
    const noAfter = threeWaves.filter((response) => response.wave !== 'after');
    const result = shown(shown(analyseDataset({ responses: noAfter }, instrument, PRIVACY, { pair: 'before-follow-up' }).beforeAfter).paired).results;
    expect(result[learning(analyseDataset({ responses: noAfter }, instrument, PRIVACY))]!.meanChange).toBeCloseTo(1.5, 12);
  });

  it('the choice of pair changes nothing else the page shows (the audit covers every pair whichever is shown; dashboard-disclosure.test.ts checks it)', () => {
    // Three cohorts, one of them small in "after" only, so the audit has something to hide.
    const responses = [
      ...threeWaves,
      ...[1, 2, 3, 4, 5, 1, 2].map((value, i) => answered('before', value, { cohort: 'B', anonymousCode: `q${i}` })),
      ...[2, 3].map((value, i) => answered('after', value, { cohort: 'B', anonymousCode: `q${i}` })),
      ...[2, 3, 4, 5, 5, 3, 2].map((value, i) => answered('follow-up', value, { cohort: 'B', anonymousCode: `q${i}` })),
    ];
    const views = (['before-after', 'before-follow-up', 'after-follow-up'] as const).map((pair) => analyseDataset({ responses }, instrument, PRIVACY, { pair }));
    const { beforeAfter: _first, ...rest } = views[0]!;
    for (const view of views.slice(1)) {
      const { beforeAfter: _other, ...others } = view;
      expect(others).toEqual(rest);
    }
    expect(() => analyseDataset({ responses }, instrument, PRIVACY, { pair: 'follow-up-before' as WavePair })).toThrow(/pair of waves must be one of/);
  });
});

describe('responses over time', () => {
  it('merges consecutive months until each period holds the minimum; a short tail joins the period before', () => {
    const month = (name: string, count: number) => ({ month: name, rows: Array.from({ length: count }, (_, i) => i) });
    const bins = mergeMonths([month('2026-01', 6), month('2026-02', 2), month('2026-03', 5), month('2026-04', 1)], 5);
    expect(bins.map((bin) => [bin.from, bin.to, bin.rows.length])).toEqual([
      ['2026-01', '2026-01', 6],
      ['2026-02', '2026-04', 8],
    ]);
    expect(mergeMonths([month('2026-01', 3)], 5).map((bin) => bin.rows.length)).toEqual([3]);
  });

  it('counts each wave by month', () => {
    const { timeline } = analyseDataset({ responses: threeWaves }, instrument, PRIVACY);
    expect(timeline).toEqual({
      waves: [
        { id: 'before', periods: [{ from: '2026-04', to: '2026-04', count: 6 }] },
        { id: 'after', periods: [{ from: '2026-04', to: '2026-04', count: 6 }] },
        { id: 'follow-up', periods: [{ from: '2026-07', to: '2026-07', count: 6 }] },
      ],
      merged: false,
    });
  });

  it('shows no month below the minimum, and merges months whose counts would give a small group away', () => {
    // Small months: 6 in January, 2 in February, 5 in March → January, then February to March (7).
    const small = [
      ...[1, 2, 3, 4, 5, 1].map((v) => answered('before', v, { day: '2026-01-15' })),
      ...[1, 2].map((v) => answered('before', v, { day: '2026-02-15' })),
      ...[1, 2, 3, 4, 5].map((v) => answered('before', v, { day: '2026-03-15' })),
    ];
    const periods = analyseDataset({ responses: small }, instrument, PRIVACY).timeline.waves[0]!.periods;
    expect(periods).toEqual([
      { from: '2026-01', to: '2026-01', count: 6 },
      { from: '2026-02', to: '2026-03', count: 7 },
    ]);
    // Cohort A (5, all January) and cohort B (7: 2 in January, 5 in February) are both shown; January (7) minus
    // cohort A (5) would give cohort B's two January responses. The audit merges the months into one period.
    const attack = [
      ...[1, 2, 3, 4, 5].map((v) => answered('before', v, { cohort: 'A', day: '2026-01-10' })),
      ...[1, 2].map((v) => answered('before', v, { cohort: 'B', day: '2026-01-20' })),
      ...[1, 2, 3, 4, 5].map((v) => answered('before', v, { cohort: 'B', day: '2026-02-10' })),
    ];
    const analysis = analyseDataset({ responses: attack }, instrument, PRIVACY);
    expect(shown(analysis.participation.byCohort).groups.map((group) => group.count)).toEqual([5, 7]);
    expect(analysis.timeline).toEqual({ waves: [{ id: 'before', periods: [{ from: '2026-01', to: '2026-02', count: 12 }] }], merged: true });
  });
});

describe('the summary CSV', () => {
  it('rounds every figure as the page shows it (two decimals, ties away from zero) and keeps the given headers', () => {
    expect([roundAsShown(3.14159), roundAsShown(-0.125), roundAsShown(0.125), roundAsShown(-0.001), roundAsShown(Number.NaN), roundAsShown(null)]).toEqual([3.14, -0.13, 0.13, 0, null, null]);
    const csv = summaryToCsv(['尺度', '種類', 'ID', '人数', '平均', '95%信頼区間の下限', '95%信頼区間の上限', '標準偏差'], [{ name: '学び', kind: '尺度', id: 'learning', n: 12, mean: 3.456789, ciLower: 2.9951, ciUpper: null, sd: 1.0049 }], { bom: false });
    expect(csv).toBe('尺度,種類,ID,人数,平均,95%信頼区間の下限,95%信頼区間の上限,標準偏差\r\n学び,尺度,learning,12,3.46,3,,1\r\n');
  });
});
