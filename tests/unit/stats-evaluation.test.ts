/**
 * The workshop evaluation: net promoter score (0–10; promoters 9–10, detractors 0–6) and the means of satisfaction
 * and applicability. Reference: numpy counts and summaries in tests/fixtures/stats/expected.json section
 * "evaluation", written by tests/fixtures/stats/make_fixtures.py from the "after" wave of
 * tests/fixtures/stats/input-cohort.json and from input-vectors.json. Regenerate with
 * `/usr/bin/python3 tests/fixtures/stats/make_fixtures.py`.
 */
import { describe, expect, it } from 'vitest';
import { netPromoterScore, summarizeEvaluation } from '../../src/lib/stats/evaluation.ts';
import { INTERVAL_TOLERANCE, cohort, column, expectClose, expected, vectors } from '../fixtures/stats/fixtures.ts';

const reference = expected.evaluation;
const evaluations = cohort.responses.flatMap((response) => (response.wave === 'after' && response.evaluation ? [response.evaluation] : []));
const answers = (key: 'satisfaction' | 'applicability' | 'recommend') => column(evaluations.map((evaluation) => evaluation[key]));

describe('net promoter score', () => {
  it('counts promoters, passives and detractors as numpy does for the cohort', () => {
    const result = netPromoterScore(answers('recommend'));
    const { n, promoters, passives, detractors, excluded, score } = reference.recommend;
    expect({ n: result.n, promoters: result.promoters, passives: result.passives, detractors: result.detractors, excluded: result.excluded }).toEqual({ n, promoters, passives, detractors, excluded });
    expectClose(result.score, score, 1e-12, 'NPS');
  });

  it('leaves out unanswered and impossible answers (11, 7.5), by hand', () => {
    // Valid: 10 9 9 8 7 6 0 3 10 5 9 → promoters 5, passives 2, detractors 4 of 11: 100 · (5 − 4) / 11.
    const result = netPromoterScore(column(vectors.recommend));
    expect(result).toMatchObject({ n: 11, promoters: 5, passives: 2, detractors: 4, excluded: 3 });
    expect(result.score).toBeCloseTo(100 / 11, 13);
    expect(result.score).toBeCloseTo(reference.vectorRecommend.score, 13);
    expect(result.shares.promoters + result.shares.passives + result.shares.detractors).toBeCloseTo(1, 15);
  });

  it('runs from −100 to +100 and is NaN with no answers', () => {
    expect(netPromoterScore([0, 6, 3]).score).toBe(-100);
    expect(netPromoterScore([9, 10]).score).toBe(100);
    expect(netPromoterScore([Number.NaN]).score).toBeNaN();
  });
});

describe('evaluation summary', () => {
  it('gives the means and intervals of satisfaction and applicability that numpy and scipy give', () => {
    const result = summarizeEvaluation({ satisfaction: answers('satisfaction'), applicability: answers('applicability'), recommend: answers('recommend') });
    for (const key of ['satisfaction', 'applicability'] as const) {
      expect(result[key].n).toBe(reference[key].n);
      expectClose(result[key].mean, reference[key].mean, 1e-12, `${key} mean`);
      expectClose(result[key].sd, reference[key].sd, 1e-12, `${key} sd`);
      expectClose(result[key].ci.lower, reference[key].ciLower, INTERVAL_TOLERANCE, `${key} CI`);
    }
    expect(result.recommend.n).toBe(reference.recommend.n);
  });
});
