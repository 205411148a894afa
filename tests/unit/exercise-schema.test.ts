/** The exercise schema: the multiselect and rainbow field types, entries printed as tables, and worked examples that must have the shape of real answers. */
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
      'example: an example in the shape of the answers: "rolesNow" should be a list of different choices from: worker, learner',
    ]);
  });

  it('rejects a multiselect with fewer than two options', () => {
    expect(messagesOf({ ...base, fields: [{ ...roles, options: [roles.options[0]] }], example: {} }).join()).toContain('at least two options');
  });

  it('names multiselect among the field types when a type is unknown', () => {
    expect(messagesOf({ ...base, fields: [{ id: 'x', type: 'checkbox', label: 'X' }], example: {} }).join()).toContain('select, multiselect, entries, cards or rainbow');
  });

  const rainbow = {
    id: 'rainbow',
    type: 'rainbow',
    label: 'My rainbow',
    roles: [
      { id: 'learner', label: 'Learner' },
      { id: 'worker', label: 'Worker' },
    ],
    bands: [
      { id: 'twenties', label: '20s' },
      { id: 'thirties', label: '30s' },
    ],
    levels: ['Not in this role', 'Small', 'Medium', 'Large'],
  };

  it('accepts a rainbow field whose example gives weights from 0 to 3 by role and age band', () => {
    expect(messagesOf({ ...base, fields: [rainbow], example: { rainbow: { worker: { twenties: 3, thirties: 0 } } } })).toEqual([]);
  });

  it('rejects a rainbow example with a weight out of range or an unknown age band, naming the question', () => {
    expect(messagesOf({ ...base, fields: [rainbow], example: { rainbow: { worker: { twenties: 4, forties: 1 } } } })).toEqual([
      'example: an example in the shape of the answers: "My rainbow", Worker, 20s: the weight should be a whole number from 0 to 3',
      'example: an example in the shape of the answers: "My rainbow", Worker: "forties" is not one of the exercise’s age bands (twenties, thirties)',
    ]);
  });

  it('asks a rainbow for exactly four weight labels and ids used once', () => {
    expect(messagesOf({ ...base, fields: [{ ...rainbow, levels: ['None', 'Some', 'Much'] }], example: {} }).join()).toContain('exactly four weight labels, for 0, 1, 2 and 3');
    expect(messagesOf({ ...base, fields: [{ ...rainbow, bands: [rainbow.bands[0], rainbow.bands[0]] }], example: {} })).toEqual(['fields.0.bands.1.id: an id used once; "twenties" repeats']);
  });

  it('lets an entries field print as a table or a list, and nothing else', () => {
    const entries = { id: 'jobs', type: 'entries', label: 'Work history', itemLabel: 'job', fields: [{ id: 'period', type: 'text', label: 'Period' }] };
    expect(messagesOf({ ...base, fields: [{ ...entries, print: 'table' }], example: { jobs: [{ period: '2016 to date' }] } })).toEqual([]);
    expect(messagesOf({ ...base, fields: [{ ...entries, print: 'list' }], example: {} })).toEqual([]);
    expect(messagesOf({ ...base, fields: [{ ...entries, print: 'grid' }], example: {} }).join()).toContain('print: list or table');
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
  }, 20_000); // every exercise in both languages: seconds on a busy machine
});
