/**
 * An exercise: one YAML file per locale (`content/exercises/{ja,en}/<id>.yaml`); the file name is its id.
 * The workbook (issue 4) adds the fields that make it interactive; modules reference exercises by id.
 */
import { z } from 'astro/zod';

const text = (what: string) => z.string({ error: `${what}, as text` }).trim().min(1, { error: `${what}, not empty` });

export const EXERCISE_AUDIENCES = ['members', 'managers'] as const;

export const exerciseSchema = z.strictObject({
  title: text('a title'),
  /** One sentence: what the person gets from doing it. */
  summary: text('a one-sentence summary'),
  audience: z.enum(EXERCISE_AUDIENCES, { error: `one of ${EXERCISE_AUDIENCES.join(', ')}` }),
  /** Typical time in a workshop. */
  minutes: z.number({ error: 'a whole number of minutes' }).int().min(1).max(240),
  /** The theory the exercise draws on, named briefly. */
  theory: text('the theory it draws on'),
  instructions: z.array(text('an instruction'), { error: 'a list of steps, one per line starting with "- "' }).min(1),
  /** Where the answers are kept, in the exercise's own words. */
  privacyNote: text('a privacy note'),
});

export type Exercise = z.infer<typeof exerciseSchema>;
