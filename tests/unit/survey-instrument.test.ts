import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { instrumentSchema } from '../../src/schemas/survey.ts';
import { scoreModel, scoreScales } from '../../src/lib/survey/scoring.ts';

const instrument = instrumentSchema.parse(parse(readFileSync(new URL('../../content/survey/instrument.yaml', import.meta.url), 'utf8')));
const items = instrument.scales.flatMap((scale) => scale.items);

describe('the shipped survey instrument', () => {
  it('covers the constructs of the engagement model with three items each', () => {
    expect(instrument.scales.map((s) => s.id)).toEqual([
      'careerAwareness', 'proactiveAction', 'learning', 'connections', 'crafting', 'strengths',
      'selfEfficacy', 'managerSupport', 'peerFeedback', 'vigour', 'dedication', 'absorption',
    ]);
    expect(instrument.scales.every((s) => s.items.length === 3)).toBe(true);
    expect(items.filter((i) => i.reverse).map((i) => i.id)).toEqual(['ca3', 'co3', 'se3']);
  });

  it('groups vigour, dedication and absorption into work engagement', () => {
    expect(instrument.scales.filter((s) => s.construct === 'workEngagement').map((s) => s.id)).toEqual(['vigour', 'dedication', 'absorption']);
  });

  it('scores a complete response at the top of every scale when all answers agree fully, reverse items disagreeing', () => {
    const answers = Object.fromEntries(items.map((i) => [i.id, i.reverse ? 1 : 5]));
    const scores = scoreScales(instrument, answers);
    expect(scores.every((s) => s.score === 5)).toBe(true);
    const model = scoreModel(instrument, scores);
    expect(model['construct:workEngagement']).toBe(5);
    expect(model['part:environment']).toBe(5);
  });

  it('suggests only exercises that exist in both languages', () => {
    for (const exercise of instrument.scales.flatMap((s) => s.exercises)) {
      for (const locale of ['ja', 'en']) expect(() => readFileSync(new URL(`../../content/exercises/${locale}/${exercise}.yaml`, import.meta.url))).not.toThrow();
    }
  });

  it('never asks for a name, e-mail or employee number', () => {
    const wording = JSON.stringify(instrument);
    expect(wording).not.toMatch(/氏名|メールアドレスを|社員番号を|your name\b|e-mail address\?|employee number\?/i);
  });
});
