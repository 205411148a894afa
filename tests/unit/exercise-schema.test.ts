/** The exercise schema: the multiselect field type, and worked examples that must have the shape of real answers. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { exerciseSchema } from '../../src/schemas/exercise.ts';

const base = {
  title: 'Test',
  summary: 'A test exercise.',
  audience: 'members',
  stages: ['first-years'],
  minutes: 5,
  theory: 'None',
  instructions: ['Tick what applies.'],
  privacyNote: 'Stays in this browser.',
};
const roles = {
  id: 'rolesNow',
  type: 'multiselect',
  label: 'Roles I play now',
  options: [
    { value: 'worker', label: 'Worker' },
    { value: 'learner', label: 'Learner' },
  ],
};

const messagesOf = (data: unknown) => {
  const result = exerciseSchema.safeParse(data);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('exercise schema', () => {
  it('accepts a multiselect field whose example is a list of its option values', () => {
    expect(messagesOf({ ...base, fields: [roles], example: { rolesNow: ['worker', 'learner'] } })).toEqual([]);
  });

  it('rejects a multiselect example written as a single choice, naming the field', () => {
    expect(messagesOf({ ...base, fields: [roles], example: { rolesNow: 'worker' } })).toEqual([
      'example: an example in the shape of the answers: "rolesNow" should be a list of choices (any of worker, learner)',
    ]);
  });

  it('rejects a multiselect with fewer than two options', () => {
    expect(messagesOf({ ...base, fields: [{ ...roles, options: [roles.options[0]] }], example: {} }).join()).toContain('at least two options');
  });

  it('names multiselect among the field types when a type is unknown', () => {
    expect(messagesOf({ ...base, fields: [{ id: 'x', type: 'checkbox', label: 'X' }], example: {} }).join()).toContain('select, multiselect, entries, cards or rainbow');
  });

  it('accepts every exercise in the kit, in both languages, with the same field ids', () => {
    for (const lang of ['ja', 'en']) {
      const dir = new URL(`../../content/exercises/${lang}/`, import.meta.url);
      for (const file of readdirSync(dir)) {
        const data = parseYaml(readFileSync(new URL(file, dir), 'utf8'));
        expect(messagesOf(data), `${lang}/${file}`).toEqual([]);
        const other = parseYaml(readFileSync(new URL(`../${lang === 'ja' ? 'en' : 'ja'}/${file}`, dir), 'utf8'));
        const ids = (d: { fields: { id: string; fields?: { id: string }[] }[] }) => d.fields.map((f) => [f.id, (f.fields ?? []).map((s) => s.id)]);
        expect(ids(data), `${lang}/${file}`).toEqual(ids(other));
      }
    }
  });
});
