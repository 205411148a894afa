/**
 * An exercise: one YAML file per locale (`content/exercises/{ja,en}/<id>.yaml`); the file name is its id.
 * `fields` describe what the person fills in; the workbook island renders them and stores the answers
 * in the browser. `example` is a worked example in the same shape as the answers.
 */
import { z } from 'astro/zod';
import { AUTHOR_ANSWER_PROBLEMS, checkAnswers } from '../lib/workbook/answers.ts';

const text = (what: string) => z.string({ error: `${what}, as text` }).trim().min(1, { error: `${what}, not empty` });
const fieldId = z.string({ error: 'a field id in camelCase, such as "firstStep"' }).regex(/^[a-z][a-zA-Z0-9]*$/, {
  error: 'a field id in camelCase: a lowercase letter, then letters or digits, such as "firstStep"',
});

export const EXERCISE_AUDIENCES = ['members', 'managers'] as const;

const fieldBase = {
  id: fieldId,
  label: text('a label'),
  /** A hint shown under the label. */
  help: text('a hint').optional(),
};

const optionSchema = z.strictObject({ value: fieldId, label: text('an option label') });
const FIELD_TYPES_ERROR = 'a field with type text, textarea, date, year, scale, select, multiselect, entries, cards or rainbow';

/** Fields a person types into or picks from. */
const simpleField = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ ...fieldBase, type: z.literal('text') }),
    z.strictObject({ ...fieldBase, type: z.literal('textarea'), rows: z.number().int().min(2).max(20).default(4) }),
    z.strictObject({ ...fieldBase, type: z.literal('date') }),
    z.strictObject({ ...fieldBase, type: z.literal('year') }),
    z.strictObject({
      ...fieldBase,
      type: z.literal('scale'),
      min: z.number().int(),
      max: z.number().int(),
      minLabel: text('the label of the lowest value'),
      maxLabel: text('the label of the highest value'),
    }),
    z.strictObject({
      ...fieldBase,
      type: z.literal('select'),
      options: z.array(optionSchema).min(2, { error: 'at least two options' }),
    }),
    /** Any number of the options, shown as checkboxes in a group; the answer is the list of chosen values. */
    z.strictObject({
      ...fieldBase,
      type: z.literal('multiselect'),
      options: z.array(optionSchema).min(2, { error: 'at least two options' }),
    }),
  ],
  { error: FIELD_TYPES_ERROR },
);

/** A list the person adds items to, each with the same sub-fields (journal entries, life events, wins). */
const entriesField = z.strictObject({
  ...fieldBase,
  type: z.literal('entries'),
  /** What one item is called, for buttons such as "Add an event". */
  itemLabel: text('the name of one item'),
  fields: z.array(simpleField).min(1),
  /**
   * How the items print (the exercise page and the take-away pack). `list` (the default): one item after another,
   * each sub-field on its own line. `table`: a bordered table, one row per item and one column per sub-field, like a
   * paper form such as the Job Card's work history sheet. Suits up to about five short sub-fields.
   */
  print: z.enum(['list', 'table'], { error: 'print: list or table' }).optional(),
});

/** Value cards sorted into piles, then the most important ranked. */
const cardsField = z.strictObject({
  ...fieldBase,
  type: z.literal('cards'),
  cards: z.array(z.strictObject({ id: fieldId, label: text('a card label') })).min(5),
  piles: z.array(z.strictObject({ id: fieldId, label: text('a pile label') })).length(3, { error: 'exactly three piles' }),
  /** How many cards of the first pile to rank. */
  rank: z.number().int().min(1).max(10),
});

/**
 * A life-career rainbow after Super (1980): for each life role and each age band, how large the role is, from 0
 * (not in this role) to 3. The answer is `{ [roleId]: { [bandId]: 0 | 1 | 2 | 3 } }`; a cell not chosen is left out.
 * Drawn as concentric arcs, one per role (the first role outermost), each cut into the age bands, left to right.
 */
const rainbowField = z
  .strictObject({
    ...fieldBase,
    type: z.literal('rainbow'),
    roles: z.array(z.strictObject({ id: fieldId, label: text('a role label') })).min(2, { error: 'at least two roles' }).max(8, { error: 'at most eight roles' }),
    bands: z.array(z.strictObject({ id: fieldId, label: text('an age band label') })).min(2, { error: 'at least two age bands' }).max(12, { error: 'at most twelve age bands' }),
    /** The words for the weights 0, 1, 2 and 3, in that order, such as [not in this role, small, medium, large]. */
    levels: z.array(text('a weight label')).length(4, { error: 'exactly four weight labels, for 0, 1, 2 and 3' }),
  })
  .superRefine((field, context) => {
    for (const key of ['roles', 'bands'] as const) {
      const ids = field[key].map((item) => item.id);
      ids.forEach((id, index) => {
        if (ids.indexOf(id) !== index) context.addIssue({ code: 'custom', path: [key, index, 'id'], message: `an id used once; "${id}" repeats` });
      });
    }
  });

// Told apart by `type`, so a mistake inside a field (a wrong `print`, a missing label) is reported as itself, not as an unknown type.
export const exerciseFieldSchema = z.discriminatedUnion('type', [simpleField, entriesField, cardsField, rainbowField], { error: FIELD_TYPES_ERROR });

/** A line chart drawn from an entries field: one point per item. */
const chartSchema = z.strictObject({
  entries: fieldId,
  x: fieldId,
  y: fieldId,
  label: text('the chart label'),
});

export const exerciseSchema = z
  .strictObject({
    title: text('a title'),
    /** One sentence: what the person gets from doing it. */
    summary: text('a one-sentence summary'),
    audience: z.enum(EXERCISE_AUDIENCES, { error: `one of ${EXERCISE_AUDIENCES.join(', ')}` }),
    /**
     * The career stages (ids from content/stages.yaml) the exercise suits; the build checks that each exists.
     * Required for members' exercises; managers' exercises suit a manager at any stage and may leave it out.
     */
    stages: z
      .array(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'a stage id from content/stages.yaml, such as "first-years"' }), { error: 'a list of stage ids such as [first-years, early-career]' })
      .default([]),
    /** Typical time in a workshop. */
    minutes: z.number({ error: 'a whole number of minutes' }).int().min(1).max(240),
    /** The theory the exercise draws on, named briefly. */
    theory: text('the theory it draws on'),
    instructions: z.array(text('an instruction'), { error: 'a list of steps, one per line starting with "- "' }).min(1),
    /** Where the answers are kept, in the exercise's own words. */
    privacyNote: text('a privacy note'),
    fields: z.array(exerciseFieldSchema).min(1, { error: 'at least one field' }),
    chart: chartSchema.optional(),
    /** Gathers one sub-field of every item into a list, such as all the lessons of a learning journal. */
    collect: z.strictObject({ entries: fieldId, field: fieldId, label: text('the list heading') }).optional(),
    /** A worked example, in the shape of the answers: field id -> value. */
    example: z.record(z.string(), z.unknown()),
  })
  .superRefine((exercise, context) => {
    if (exercise.audience === 'members' && exercise.stages.length === 0) {
      context.addIssue({ code: 'custom', path: ['stages'], message: 'the career stages this exercise suits, as ids from content/stages.yaml, such as stages: [first-years, early-career]' });
    }
    const ids = exercise.fields.map((field) => field.id);
    ids.forEach((id, index) => {
      if (ids.indexOf(id) !== index) context.addIssue({ code: 'custom', path: ['fields', index, 'id'], message: `a field id used once; "${id}" repeats` });
    });
    for (const key of Object.keys(exercise.example)) {
      if (!ids.includes(key)) context.addIssue({ code: 'custom', path: ['example', key], message: `an example only for fields that exist (${ids.join(', ')})` });
    }
    // The worked example is shown with the same views as a person's answers, so it must have their shapes too.
    for (const problem of checkAnswers(exercise.fields, exercise.example, AUTHOR_ANSWER_PROBLEMS)) {
      if (!problem.includes('is not a question')) context.addIssue({ code: 'custom', path: ['example'], message: `an example in the shape of the answers: ${problem}` });
    }
    if (exercise.collect) {
      const entries = exercise.fields.find((field) => field.id === exercise.collect!.entries);
      if (!entries || entries.type !== 'entries' || !entries.fields.some((sub) => sub.id === exercise.collect!.field)) {
        context.addIssue({ code: 'custom', path: ['collect'], message: 'an entries field id and one of its sub-field ids' });
      }
    }
    if (exercise.chart) {
      const entries = exercise.fields.find((field) => field.id === exercise.chart!.entries);
      if (!entries || entries.type !== 'entries') {
        context.addIssue({ code: 'custom', path: ['chart', 'entries'], message: 'the id of an entries field' });
      } else {
        for (const axis of ['x', 'y'] as const) {
          if (!entries.fields.some((sub) => sub.id === exercise.chart![axis] && ['year', 'date', 'scale'].includes(sub.type))) {
            context.addIssue({ code: 'custom', path: ['chart', axis], message: `a year, date or scale field of ${entries.id}` });
          }
        }
      }
    }
  });

export type Exercise = z.infer<typeof exerciseSchema>;
export type ExerciseField = z.infer<typeof exerciseFieldSchema>;
