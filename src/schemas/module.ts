/**
 * A workshop module: one MDX file per locale (`content/modules/{ja,en}/<id>.mdx`), paired by `id`.
 * The front-matter carries everything that is data (timings, objectives, the agenda's blocks); the MDX body
 * carries the narrative (about the workshop, handouts, background) written with the authoring components.
 */
import { z } from 'astro/zod';
import { totalMinutes } from '../lib/schedule/agenda.ts';
import { checkStepTimes } from '../lib/schedule/step-times.ts';

const text = (what: string) => z.string({ error: `${what}, as text` }).trim().min(1, { error: `${what}, not empty` });
const textList = (what: string) => z.array(text(what), { error: `a list of ${what}s, one per line starting with "- "` });

const kebabId = (what: string) =>
  z.string({ error: `${what} in kebab-case, such as "assignment-rehearsal"` }).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
    error: `${what} in kebab-case: lowercase letters, digits and single hyphens, such as "assignment-rehearsal"`,
  });

/** The audience that is not a career stage; every other audience is a stage id from content/stages.yaml. */
export const PEOPLE_MANAGERS = 'people-managers';
export const FORMATS = ['in-person', 'online', 'hybrid'] as const;
export const BLOCK_KINDS = ['talk', 'individual', 'pairs', 'small-groups', 'plenary', 'break'] as const;
export const SURVEY_WAVES = ['before', 'after', 'follow-up'] as const;
/** Figures a projector screen can show, each drawn as inline SVG by src/components/screens/figures/. */
export const SCREEN_FIGURES = ['engagement-model', 'learning-cycle', 'self-efficacy-sources', 'two-by-two', 'timeline'] as const;
/** Lengths that still read from the back of a room at projector size. */
export const SCREEN_LIMITS = { heading: 40, line: 60, question: 100, lines: 3 } as const;

const screenText = (what: string, limit: number) => text(what).max(limit, { error: `${what} of at most ${limit} characters, to read from the back of a room` });

/**
 * What the projector shows during a block: participant-facing only, never the script or the notes. Without one,
 * the screen shows the block's title and participant instructions.
 */
export const screenSchema = z
  .strictObject(
    {
      heading: screenText('a screen heading', SCREEN_LIMITS.heading),
      lines: z.array(screenText('a screen line', SCREEN_LIMITS.line), { error: 'a list of short lines' }).min(1).max(SCREEN_LIMITS.lines, { error: `at most ${SCREEN_LIMITS.lines} lines on one screen` }).optional(),
      question: screenText('a screen question', SCREEN_LIMITS.question).optional(),
      figure: z.enum(SCREEN_FIGURES, { error: `one of ${SCREEN_FIGURES.join(', ')}` }).optional(),
    },
    { error: 'a screen written as { heading: …, lines: [ … ] } or { heading: …, question: … }, optionally with figure: …' },
  )
  .refine((screen) => !(screen.lines && screen.question), { error: 'either lines or a question on one screen, not both' });

const minutes = z
  .number({ error: 'a whole number of minutes, such as 15' })
  .int({ error: 'a whole number of minutes, such as 15' })
  .min(1, { error: 'at least 1 minute' })
  .max(480, { error: 'at most 480 minutes' });

/** Minutes that may be zero: the parts of a block that are not participant steps. */
const extraMinutes = z
  .number({ error: 'a whole number of minutes, such as 2 (0 when there is none)' })
  .int({ error: 'a whole number of minutes, such as 2 (0 when there is none)' })
  .min(0, { error: 'zero or more minutes' })
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
    /**
     * The facilitator's talk inside the block that is not one of the participant steps: setting up, giving
     * instructions, wrapping up. The steps' times plus talkMinutes plus transitionMinutes must equal minutes.
     */
    talkMinutes: extraMinutes.default(0),
    /** Moving into pairs or trios, swapping roles or partners, going to and returning from breakout rooms. */
    transitionMinutes: extraMinutes.default(0),
    /** Why the block exists, in a sentence or two. */
    purpose: text('the purpose of the block'),
    /**
     * What participants do, step by step. Shown to participants. Outside breaks each step states its time once,
     * as "(3 min)" or "(3 min 30 s)", in Japanese "（3分）" or "（3分30秒）".
     */
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
    /** What the projector shows during the block (see screenSchema). */
    screen: screenSchema.optional(),
    /** The survey wave participants answer during the block: run mode puts its QR code on the projector. */
    survey: z.enum(SURVEY_WAVES, { error: `one of ${SURVEY_WAVES.join(', ')}` }).optional(),
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
    for (const problem of checkStepTimes(block)) {
      context.addIssue({
        code: 'custom',
        path: problem.step === undefined ? [problem.key] : [problem.key, problem.step],
        message: problem.message,
      });
    }
  });

export const moduleSchema = z
  .strictObject({
    /** Shared by the Japanese and English files of the same module; also its URL. */
    id: kebabId('a module id'),
    title: text('a title'),
    summary: text('a summary of one or two sentences'),
    /** A career stage id from content/stages.yaml (such as first-years), or people-managers; checked at build against the stage model. */
    audience: kebabId('an audience: a stage id from content/stages.yaml, or people-managers'),
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
    /**
     * The flexible blocks (those with a range), in the order a facilitator should shorten them when the
     * session runs late. The facilitator guide shows how many minutes each can give back.
     */
    absorbOverrunsIn: z.array(kebabId('a block id'), { error: 'a list of block ids such as [manager-dilemmas, engagement-model]' }).default([]),
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
    const absorbSeen = new Set<string>();
    module.blocks.forEach((block, index) => {
      if (seen.has(block.id)) {
        context.addIssue({ code: 'custom', path: ['blocks', index, 'id'], message: `a block id used only once in the module; "${block.id}" appears twice` });
      }
      seen.add(block.id);
      if (block.survey && !module.surveyWaves.includes(block.survey)) {
        context.addIssue({
          code: 'custom',
          path: ['blocks', index, 'survey'],
          message: `a survey wave also listed in the module's surveyWaves; add "${block.survey}" to surveyWaves`,
        });
      }
      if (block.exercise && !module.exercises.includes(block.exercise)) {
        context.addIssue({
          code: 'custom',
          path: ['blocks', index, 'exercise'],
          message: `an exercise also listed in the module's exercises; add "${block.exercise}" to exercises`,
        });
      }
    });
    module.absorbOverrunsIn.forEach((id, index) => {
      const block = module.blocks.find((candidate) => candidate.id === id);
      const flexible = module.blocks.filter((candidate) => candidate.range).map((candidate) => candidate.id);
      const choices = `use one of the blocks with a range: ${flexible.join(', ') || '(none: give a block a range first)'}`;
      if (!block) {
        context.addIssue({ code: 'custom', path: ['absorbOverrunsIn', index], message: `the id of a block in this module; there is no block "${id}". Fix: ${choices}` });
      } else if (!block.range) {
        context.addIssue({
          code: 'custom',
          path: ['absorbOverrunsIn', index],
          message: `a flexible block; "${id}" has no range, so it cannot be shortened. Fix: give it a range such as { min: ${Math.max(1, block.minutes - 5)}, max: ${block.minutes} }, or ${choices}`,
        });
      }
      if (absorbSeen.has(id)) {
        context.addIssue({ code: 'custom', path: ['absorbOverrunsIn', index], message: `each block listed once; "${id}" appears twice` });
      }
      absorbSeen.add(id);
    });
  });

export type WorkshopModule = z.infer<typeof moduleSchema>;
export type AgendaBlock = z.infer<typeof blockSchema>;
export type BlockKind = (typeof BLOCK_KINDS)[number];
export type BlockScreen = z.infer<typeof screenSchema>;
export type ScreenFigure = (typeof SCREEN_FIGURES)[number];
