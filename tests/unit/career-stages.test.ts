/** The one career-stage model: the survey's stage question, the interview guide and content all use content/stages.yaml. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { stageSchema } from '../../src/schemas/stage.ts';
import { instrumentSchema } from '../../src/schemas/survey.ts';
import { resolveCareerStages, UnknownStageError } from '../../src/lib/survey/career-stages.ts';
import { stageLabel } from '../../src/lib/stages/label.ts';
import { siteInstrument } from '../support/instrument.ts';

const read = (path: string) => parse(readFileSync(new URL(`../../content/${path}`, import.meta.url), 'utf8'));
const stages = stageSchema.array().parse(read('stages.yaml'));

describe('the career-stage model', () => {
  it('has the five stages, in order, each named in both languages', () => {
    expect(stages.map((stage) => stage.id)).toEqual(['first-years', 'early-career', 'mid-career', 'veteran', 'late-career']);
  });

  it("gives the survey's stage question its options, in the model's order, then the survey's own", () => {
    expect(siteInstrument.careerStages.map((option) => option.id)).toEqual([...stages.map((stage) => stage.id), 'other']);
    expect(siteInstrument.careerStages[0]!.label).toEqual({ ja: '入社初期（入社1〜3年目ごろ）', en: 'First years at work (about years 1–3 at work)' });
  });

  it('labels a stage by its name and the band the organisation uses', () => {
    const relabelled = { ...stages[2]!, band: { ja: '主任・係長クラス', en: 'Senior staff grades' } };
    expect(stageLabel(relabelled, 'ja')).toBe('キャリア中期（主任・係長クラス）');
    expect(stageLabel(relabelled, 'en')).toBe('Mid-career (senior staff grades)');
  });

  it('refuses a survey that names a stage the model does not have, naming the file, the key and the ids that exist', () => {
    const source = instrumentSchema.parse(read('survey/instrument.yaml'));
    const wrong = { ...source, careerStages: [{ stage: 'first-years' }, { stage: 'seniors' }] };
    expect(() => resolveCareerStages(wrong, stages, 'content/survey/instrument.yaml')).toThrow(UnknownStageError);
    expect(() => resolveCareerStages(wrong, stages, 'content/survey/instrument.yaml')).toThrow(
      'content/survey/instrument.yaml → careerStages[1].stage: "seniors" is not a stage of content/stages.yaml.\n  Fix: use one of: first-years, early-career, mid-career, veteran, late-career.',
    );
  });

  it('refuses a stage listed twice', () => {
    const source = instrumentSchema.parse(read('survey/instrument.yaml'));
    expect(() => resolveCareerStages({ ...source, careerStages: [{ stage: 'veteran' }, { stage: 'veteran' }] }, stages, 'x.yaml')).toThrow('"veteran" is listed twice');
  });
});
