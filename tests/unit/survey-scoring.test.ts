/**
 * Scoring fixtures small enough to check by hand. Response scale 1–5, so a reverse-keyed answer a scores 6 − a.
 */
import { describe, expect, it } from 'vitest';
import { combineScales, lowestScales, scoreItem, scoreModel, scoreScales } from '../../src/lib/survey/scoring.ts';

const item = (id: string, reverse = false) => ({ id, text: { ja: id, en: id }, reverse });
const scale = (id: string, part: 'awareness' | 'environment' | 'engagement', items: ReturnType<typeof item>[], construct?: string) => ({
  id,
  name: { ja: id, en: id },
  meaning: { ja: id, en: id },
  part,
  construct,
  items,
  exercises: [],
});
const instrument = {
  response: { min: 1, max: 5, labels: { ja: ['1', '2', '3', '4', '5'], en: ['1', '2', '3', '4', '5'] } },
  scales: [
    scale('careerAwareness', 'awareness', [item('ca1'), item('ca2'), item('ca3', true)]),
    scale('learning', 'environment', [item('le1'), item('le2'), item('le3')]),
    scale('connections', 'environment', [item('co1'), item('co2'), item('co3', true)]),
    scale('vigour', 'engagement', [item('vi1'), item('vi2')], 'workEngagement'),
    scale('dedication', 'engagement', [item('de1'), item('de2')], 'workEngagement'),
  ],
};

describe('survey scoring', () => {
  it('reverses reverse-keyed items on a 1–5 scale', () => {
    expect(scoreItem(1, true, 1, 5)).toBe(5);
    expect(scoreItem(4, true, 1, 5)).toBe(2);
    expect(scoreItem(4, false, 1, 5)).toBe(4);
  });

  it('scores each scale as the mean of its answered items, reverse-keyed items reversed', () => {
    // careerAwareness: 4, 5, and ca3 = 2 reversed to 4  -> (4 + 5 + 4) / 3 = 13/3
    // learning: 3, 3, 4 -> 10/3
    // connections: 5, 4, co3 = 1 reversed to 5 -> 14/3
    const scores = scoreScales(instrument, { ca1: 4, ca2: 5, ca3: 2, le1: 3, le2: 3, le3: 4, co1: 5, co2: 4, co3: 1, vi1: 5, vi2: 4, de1: 3, de2: 3 });
    expect(scores.map((s) => [s.scaleId, s.score])).toEqual([
      ['careerAwareness', 13 / 3],
      ['learning', 10 / 3],
      ['connections', 14 / 3],
      ['vigour', 4.5],
      ['dedication', 3],
    ]);
  });

  it('scores a scale with one of three items missing, and withholds one with two missing', () => {
    const scores = scoreScales(instrument, { ca1: 2, ca3: 5, le1: 4 });
    // careerAwareness: 2 and 5 reversed to 1 -> 1.5 from 2 of 3 answers
    expect(scores[0]).toEqual({ scaleId: 'careerAwareness', score: 1.5, answered: 2, items: 3 });
    // learning: only 1 of 3 answered (fewer than ceil(3/2) = 2) -> no score
    expect(scores[1]).toEqual({ scaleId: 'learning', score: null, answered: 1, items: 3 });
  });

  it('ignores answers outside the response scale or not whole numbers', () => {
    const [awareness] = scoreScales(instrument, { ca1: 0, ca2: 6, ca3: 2.5 });
    expect(awareness).toEqual({ scaleId: 'careerAwareness', score: null, answered: 0, items: 3 });
  });

  it('combines scales into model parts and constructs only when every scale has a score', () => {
    const scores = scoreScales(instrument, { ca1: 4, ca2: 4, ca3: 2, le1: 3, le2: 3, le3: 3, co1: 5, co2: 5, co3: 1, vi1: 5, vi2: 4 });
    const model = scoreModel(instrument, scores);
    expect(model['part:awareness']).toBe(4);
    // environment = mean(learning 3, connections 5) = 4
    expect(model['part:environment']).toBe(4);
    // dedication has no answers, so work engagement is withheld rather than based on vigour alone
    expect(model['construct:workEngagement']).toBeNull();
    expect(combineScales(scores, [])).toBeNull();
  });

  it('finds the lowest scales for suggestions, keeping instrument order on ties', () => {
    const scores = scoreScales(instrument, { ca1: 2, ca2: 2, ca3: 4, le1: 2, le2: 2, le3: 2, co1: 5, co2: 5, co3: 1 });
    expect(lowestScales(scores, 2).map((s) => s.scaleId)).toEqual(['careerAwareness', 'learning']);
  });
});
