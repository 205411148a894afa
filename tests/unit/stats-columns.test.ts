/**
 * Scoring into columns: it must give exactly what src/lib/survey/scoring.ts gives response by response, and what an
 * independent pandas implementation of the same rules gives (tests/fixtures/stats/make_fixtures.py, section
 * "descriptive.firstScores"/"firstParts", on the synthetic cohort tests/fixtures/stats/input-cohort.json, which has
 * 15 % of items unanswered). Regenerate with `/usr/bin/python3 tests/fixtures/stats/make_fixtures.py`.
 */
import { describe, expect, it } from 'vitest';
import { combineScales, scoreModel, scoreScales } from '../../src/lib/survey/scoring.ts';
import { completeRows, pick, scoreColumns } from '../../src/lib/stats/columns.ts';
import { answerRows, cohort, expectClose, expected, instrument } from '../fixtures/stats/fixtures.ts';

const itemIds = instrument.scales.flatMap((scale) => scale.items.map((item) => item.id));
// scoring.ts takes the validated instrument type; the frozen snapshot has the fields it reads.
const surveyInstrument = { ...instrument, response: { ...instrument.response, labels: { ja: [], en: [] } } } as unknown as Parameters<typeof scoreScales>[0];

describe('scoreColumns', () => {
  const columns = scoreColumns(instrument, answerRows);

  it('gives every response exactly the scores of survey/scoring.ts', () => {
    expect(columns.n).toBe(cohort.responses.length);
    cohort.responses.forEach((response, i) => {
      const scores = scoreScales(surveyInstrument, Object.fromEntries(Object.entries(response.answers).map(([id, value]) => [id, value ?? undefined])));
      for (const score of scores) expect(columns.scales[score.scaleId]![i], `${score.scaleId} of response ${i}`).toBe(score.score ?? Number.NaN);
      const model = scoreModel(surveyInstrument, scores);
      for (const [part, values] of Object.entries(columns.parts)) expect(values[i], `${part} of response ${i}`).toBe(model[`part:${part}`] ?? Number.NaN);
      expect(columns.constructs.workEngagement![i]).toBe(combineScales(scores, ['vigour', 'dedication', 'absorption']) ?? Number.NaN);
    });
  });

  it('agrees with the pandas reimplementation of the rules', () => {
    for (const [scale, values] of Object.entries(expected.descriptive.firstScores as Record<string, (number | null)[]>)) {
      values.forEach((value, i) => expectClose(columns.scales[scale]![i]!, value, 1e-15, `${scale}[${i}]`));
    }
    for (const [part, values] of Object.entries(expected.descriptive.firstParts as Record<string, (number | null)[]>)) {
      values.forEach((value, i) => expectClose(columns.parts[part as 'awareness']![i]!, value, 1e-15, `${part}[${i}]`));
    }
  });

  it('reads answers in instrument order (a decoded response code) the same as answers by item id', () => {
    const ordered = scoreColumns(
      instrument,
      cohort.responses.map((response) => itemIds.map((id) => response.answers[id] ?? null)),
    );
    for (const id of Object.keys(columns.scales)) expect(ordered.scales[id]).toEqual(columns.scales[id]);
  });

  it('reverses reverse-keyed items and treats answers off the scale as unanswered', () => {
    // ca3 is reverse-keyed: 1 scores 5. 0, 6, 2.5 and text are not answers; with two of three missing, no score.
    const result = scoreColumns(instrument, [
      { ca1: 4, ca2: 5, ca3: 1 },
      { ca1: 0, ca2: 6, ca3: 2 },
      { ca1: 2.5, ca2: '3' as unknown as number, ca3: 5, pa1: 3, pa2: 4 },
    ]);
    expect(Array.from(result.items.ca3!)).toEqual([5, 4, 1]);
    expect(Array.from(result.items.ca1!)).toEqual([4, Number.NaN, Number.NaN]);
    expect(result.scales.careerAwareness![0]).toBeCloseTo(14 / 3, 15);
    expect(result.scales.careerAwareness![1]).toBeNaN();
    expect(result.scales.careerAwareness![2]).toBeNaN();
    expect(result.scales.proactiveAction![2]).toBe(3.5);
    // environment-building needs all three of its scales.
    expect(result.parts.environment![2]).toBeNaN();
  });
});

describe('column helpers', () => {
  it('pick values by row number and find complete rows', () => {
    const a = Float64Array.of(1, Number.NaN, 3, 4);
    const b = Float64Array.of(5, 6, Number.NaN, 8);
    expect(Array.from(pick(a, Int32Array.of(3, 0, 2)))).toEqual([4, 1, 3]);
    expect(Array.from(completeRows([a, b]))).toEqual([0, 3]);
    expect(Array.from(completeRows([]))).toEqual([]);
  });
});
