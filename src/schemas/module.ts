/**
 * A workshop module: one MDX file per locale (`content/modules/{ja,en}/<id>.mdx`), paired by `id`.
 * The front-matter carries everything that is data (timings, objectives, the agenda's blocks); the MDX body
 * carries the narrative (about the workshop, handouts, background) written with the authoring components.
 */
import { z } from 'astro/zod';
import { totalMinutes } from '../lib/schedule/agenda.ts';

const text = (what: string) => z.string({ error: `${what}, as text` }).trim().min(1, { error: `${what}, not empty` });
const textList = (what: string) => z.array(text(what), { error: `a list of ${what}s, one per line starting with "- "` });

const kebabId = (what: string) =>
  z.string({ error: `${what} in kebab-case, such as "assignment-rehearsal"` }).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
    error: `${what} in kebab-case: lowercase letters, digits and single hyphens, such as "assignment-rehearsal"`,
  });

export const AUDIENCES = ['early-career', 'mid-career', 'late-career', 'people-managers'] as const;
export const FORMATS = ['in-person', 'online', 'hybrid'] as const;
export const BLOCK_KINDS = ['talk', 'individual', 'pairs', 'small-groups', 'plenary', 'break'] as const;
export const SURVEY_WAVES = ['before', 'after', 'follow-up'] as const;

const minutes = z
  .number({ error: 'a whole number of minutes, such as 15' })
  .int({ error: 'a whole number of minutes, such as 15' })
  .min(1, { error: 'at least 1 minute' })
  .max(480, { error: 'at most 480 minutes' });

/** One timed part of the agenda. */
export const blockSchema = z
  .strictObject({
    /** Unique within the module; anchors and the facilitator's timer use it. */
    id: kebabId('a block id'),
    title: text('a block title'),
    minutes,
    /** For blocks a facilitator may shorten or stretch: the shortest and longest workable time. */
    range: z
      .strictObject({ min: minutes, max: minutes }, { error: 'a range written as { min: 10, max: 20 }' })
      .optional(),
    kind: z.enum(BLOCK_KINDS, { error: `one of ${BLOCK_KINDS.join(', ')}` }),
    /** Why the block exists, in a sentence or two. */
    purpose: text('the purpose of the block'),
    /** What participants do, step by step. Shown to participants. */
    instructions: textList('participant instruction'),
    /** What the facilitator says: paragraphs separated by a blank line. Facilitator view only. */
    script: text('the facilitator talk script'),
    /** Facilitator notes, including what to do when the block goes off course. Facilitator view only. */
    notes: textList('facilitator note'),
    materials: textList('material').optional(),
    debrief: textList('debrief question').optional(),
    /** How to run the block online or hybrid. */
    online: text('how to run the block online'),
    /** An exercise participants open during the block. */
    exercise: kebabId('an exercise id').optional(),
    /** Present only on blocks that ask people to disclose personal history or feelings. */
    disclosure: z
      .strictObject({ optOut: text('the alternative for someone who prefers not to disclose') }, { error: 'a section with optOut: …' })
      .optional(),
  })
  .superRefine((block, context) => {
    if (block.range && !(block.range.min <= block.minutes && block.minutes <= block.range.max)) {
      context.addIssue({
        code: 'custom',
        path: ['range'],
        message: `a range that contains the block's ${block.minutes} minutes (min ≤ ${block.minutes} ≤ max); got ${block.range.min}–${block.range.max}`,
      });
    }
  });

export const moduleSchema = z
  .strictObject({
    /** Shared by the Japanese and English files of the same module; also its URL. */
    id: kebabId('a module id'),
    title: text('a title'),
    summary: text('a summary of one or two sentences'),
    audience: z.enum(AUDIENCES, { error: `one of ${AUDIENCES.join(', ')}` }),
    /** Total length, breaks included: must equal the sum of the blocks' minutes. */
    durationMinutes: minutes,
    groupSize: z
      .strictObject(
        {
          min: z.number({ error: 'a whole number of people' }).int().min(1),
          max: z.number({ error: 'a whole number of people' }).int().min(1),
        },
        { error: 'a group size written as { min: 6, max: 24 }' },
      )
      .refine((size) => size.min <= size.max, { error: 'min no larger than max' }),
    formats: z.array(z.enum(FORMATS, { error: `one of ${FORMATS.join(', ')}` }), { error: 'a list such as [in-person, online]' }).min(1),
    objectives: textList('learning objective').min(1, { error: 'at least one learning objective' }),
    preparation: textList('preparation step'),
    materials: textList('material'),
    roomSetup: text('the room set-up'),
    /** Exercise ids used in the module; each must exist in content/exercises/. */
    exercises: z.array(kebabId('an exercise id'), { error: 'a list of exercise ids such as [assignment-meaning]' }).default([]),
    surveyWaves: z.array(z.enum(SURVEY_WAVES, { error: `one of ${SURVEY_WAVES.join(', ')}` })).default([]),
    /** Set on a module written in one language only: the other language shows it with a visible notice. */
    singleLanguage: z.boolean({ error: 'true or false' }).default(false),
    blocks: z.array(blockSchema, { error: 'a list of agenda blocks' }).min(1, { error: 'at least one agenda block' }),
  })
  .superRefine((module, context) => {
    const total = totalMinutes(module.blocks);
    if (total !== module.durationMinutes) {
      const listing = module.blocks.map((block) => `${block.id} ${block.minutes}`).join(' + ');
      context.addIssue({
        code: 'custom',
        path: ['durationMinutes'],
        message:
          `the sum of the blocks' minutes (${listing} = ${total}) to equal durationMinutes (${module.durationMinutes}). ` +
          `Fix: change durationMinutes to ${total}, or adjust the blocks by ${module.durationMinutes - total > 0 ? '+' : ''}${module.durationMinutes - total} minutes`,
      });
    }
    const seen = new Set<string>();
    module.blocks.forEach((block, index) => {
      if (seen.has(block.id)) {
        context.addIssue({ code: 'custom', path: ['blocks', index, 'id'], message: `a block id used only once in the module; "${block.id}" appears twice` });
      }
      seen.add(block.id);
      if (block.exercise && !module.exercises.includes(block.exercise)) {
        context.addIssue({
          code: 'custom',
          path: ['blocks', index, 'exercise'],
          message: `an exercise also listed in the module's exercises; add "${block.exercise}" to exercises`,
        });
      }
    });
  });

export type WorkshopModule = z.infer<typeof moduleSchema>;
export type AgendaBlock = z.infer<typeof blockSchema>;
export type BlockKind = (typeof BLOCK_KINDS)[number];
