import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { instrumentSchema } from '../../src/schemas/survey.ts';
import { readInstrumentFile } from '../../src/lib/survey/instrument-file.ts';
import { scoreModel, scoreScales } from '../../src/lib/survey/scoring.ts';

const instrument = readInstrumentFile(new URL('../../content/survey/instrument.yaml', import.meta.url));
const items = instrument.scales.flatMap((scale) => scale.items);

describe('the shipped survey instrument', () => {
  it('covers the constructs of the engagement model with four items each, and a manager-only practice scale outside it', () => {
    expect(instrument.version).toBe(2);
    expect(instrument.scales.map((s) => s.id)).toEqual([
      'careerAwareness', 'proactiveAction', 'learning', 'connections', 'crafting', 'strengths',
      'selfEfficacy', 'managerSupport', 'peerFeedback', 'vigour', 'dedication', 'absorption', 'careerSupportPractice',
    ]);
    expect(instrument.scales.every((s) => s.items.length === 4)).toBe(true);
    expect(items.filter((i) => i.reverse).map((i) => i.id)).toEqual(['ca3', 'pa4', 'co3', 'st4', 'se3', 'pf4', 'vi4', 'de5', 'ab5']);
    const practice = instrument.scales.find((s) => s.id === 'careerSupportPractice')!;
    expect(practice).toMatchObject({ part: 'practice', roles: ['manager'] });
    expect(instrument.scales.filter((s) => s.roles).map((s) => s.id)).toEqual(['careerSupportPractice']);
  });

  it('records where every construct comes from, and that the wording is the kit’s own', () => {
    for (const scale of instrument.scales) {
      expect(scale.source, scale.id).toBeDefined();
      expect(scale.source!.references.length, scale.id).toBeGreaterThan(0);
    }
    expect(instrument.provenance.en).toMatch(/original wording/);
    expect(instrument.provenance.ja).toMatch(/書き下ろした/);
  });

  it('no longer asks the double-barrelled or hazardous items of version 1, and never reuses their ids', () => {
    const v1 = readInstrumentFile(new URL('../../content/survey/versions/1.yaml', import.meta.url));
    const ids = new Set(items.map((i) => i.id));
    for (const gone of ['ms1', 'ab1', 'de2']) expect(ids.has(gone), gone).toBe(false);
    expect(JSON.stringify(instrument)).not.toMatch(/物音|周りの音/);
    // An id kept from version 1 is the same question, at most reworded: same scale, same keying.
    const v1Items = new Map(v1.scales.flatMap((scale) => scale.items.map((item) => [item.id, { scale: scale.id, reverse: item.reverse }])));
    for (const scale of instrument.scales) {
      for (const item of scale.items) {
        const before = v1Items.get(item.id);
        if (before) expect(before, item.id).toEqual({ scale: scale.id, reverse: item.reverse });
      }
    }
  });

  it('rejects a role-limited scale inside the model, and an unknown role', () => {
    const raw = parse(readFileSync(new URL('../../content/survey/instrument.yaml', import.meta.url), 'utf8'));
    const inModel = structuredClone(raw);
    inModel.scales[7].roles = ['manager'];
    expect(instrumentSchema.safeParse(inModel).error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['scales.7.part', 'practice for a scale asked of some roles only (it has roles: manager)']]);
    const unknown = structuredClone(raw);
    unknown.scales[12].roles = ['director'];
    expect(instrumentSchema.safeParse(unknown).error?.issues.map((issue) => issue.path.join('.'))).toEqual(['scales.12.roles.0']);
  });

  it('keeps version 1 readable, unchanged', () => {
    const v1 = readInstrumentFile(new URL('../../content/survey/versions/1.yaml', import.meta.url));
    expect(v1.version).toBe(1);
    expect(v1.scales.flatMap((s) => s.items)).toHaveLength(36);
    expect(v1.scales.find((s) => s.id === 'managerSupport')!.items.map((i) => i.id)).toEqual(['ms1', 'ms2', 'ms3']);
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
