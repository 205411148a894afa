/**
 * A career stage (`content/stages.yaml`): the one model of career stages that modules, exercises, the survey's
 * career-stage question and the interview guide's question bank refer to by id.
 */
import { z } from 'astro/zod';

const text = (what: string) => z.string({ error: `${what}, as text` }).trim().min(1, { error: `${what}, not empty` });
const bilingual = (what: string) => z.strictObject({ ja: text(`${what} in Japanese`), en: text(`${what} in English`) }, { error: `${what} in both languages: { ja: …, en: … }` });

export const stageSchema = z.strictObject({
  /** Stable id, such as "first-years"; modules, exercises and survey responses refer to it. */
  id: z.string({ error: 'a stage id in kebab-case' }).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'a stage id in kebab-case, such as "first-years"' }),
  name: bilingual('the stage name'),
  /** One sentence on what the stage is about. */
  description: bilingual('a one-sentence description'),
  /** How the organisation describes the stage: years at work, age or grade. Yours to relabel. */
  band: bilingual('the typical band (years at work or age)'),
});

export type CareerStage = z.infer<typeof stageSchema>;
