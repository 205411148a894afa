/**
 * The programme view (`content/programme-view/{ja,en}/index.mdx`): how a year of the programme fits together. The front
 * matter holds what the page draws and tabulates (the steps of the year, who does what when, which stage is invited
 * when); the body holds the prose around them. Both are the HR team's to reword; the build checks that both
 * languages keep the same steps at the same months.
 */
import { z } from 'astro/zod';

const text = (what: string) => z.string({ error: `${what}, as text` }).trim().min(1, { error: `${what}, not empty` });
const kebab = (what: string) => z.string({ error: `${what} in kebab-case` }).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: `${what} in kebab-case, such as "interview"` });
/** Months from the stage workshop: -2 is two months before it, 3 is three months after. */
const month = z.number({ error: 'a number of months from the workshop, such as -2 or 3' }).min(-12, { error: 'no earlier than -12' }).max(12, { error: 'no later than 12' });

/** A page of this site in the page's language, written without the language: "facilitator/sessions/". */
const sitePath = z
  .string({ error: 'a path inside this site, such as "facilitator/sessions/"' })
  .refine((to) => !/^[a-z][a-z0-9+.-]*:|^\/\//i.test(to) && !/^\/?(ja|en)\//.test(to) && !to.split(/[/#]/).includes('..'), {
    error: 'a path inside this site and language, such as "facilitator/sessions/": leave out "/ja/" or "/en/" and the site address',
  });

export const programmeStepSchema = z.strictObject({
  /** Stable id; both languages share it. */
  id: kebab('a step id'),
  /** When the step starts, in months from the workshop (0). */
  from: month,
  /** When it ends, if it spans time; the same or later than from. */
  to: month.optional(),
  /** A few words for the timeline figure. */
  label: text('a short label for the figure').max(16, { error: 'at most 16 characters, so it fits the figure' }),
  /** When it happens, as a reader would say it: "ワークショップの1〜2か月後". */
  when: text('when the step happens'),
  title: text('the step title'),
  /** What happens and who does it. */
  text: text('what happens in this step'),
  /** Pages of the kit for this step. */
  links: z.array(z.strictObject({ to: sitePath, label: text('the link text') }), { error: 'a list of { to, label }' }).default([]),
  /** Programme documents for this step, by slug; only those that exist are linked. */
  documents: z.array(kebab('a document slug'), { error: 'a list of document slugs, such as [announcement, manager-note]' }).default([]),
}).refine((step) => step.to === undefined || step.to >= step.from, { error: 'to must be the same as from or later', path: ['to'] });

const phases = ['before', 'during', 'after', 'threeMonths', 'nextCycle'] as const;
export type ProgrammePhase = (typeof phases)[number];
const phaseColumns = (what: string) => Object.fromEntries(phases.map((phase) => [phase, text(`${what} (${phase})`)])) as Record<ProgrammePhase, ReturnType<typeof text>>;

export const programmeViewSchema = z.strictObject({
  title: text('the page title'),
  summary: text('one or two sentences shown under the title and on the home pages'),
  /** The year, step by step, in order. */
  steps: z.array(programmeStepSchema, { error: 'a list of steps' }).min(2, { error: 'at least two steps' }),
  /** Who does what, and when. */
  roles: z.strictObject({
    headings: z.strictObject({ role: text('the heading of the role column'), ...phaseColumns('a column heading') }),
    rows: z.array(z.strictObject({ role: text('the role'), ...phaseColumns('what the role does') }), { error: 'a list of roles' }).min(1),
  }),
  /** Which stage is invited when, by stage id of content/stages.yaml. */
  invitations: z.array(z.strictObject({ stage: kebab('a stage id'), when: text('when people of this stage are invited') }), { error: 'a list of { stage, when }' }).min(1),
});

export type ProgrammeView = z.infer<typeof programmeViewSchema>;
export type ProgrammeStep = z.infer<typeof programmeStepSchema>;
export const programmePhases = phases;
