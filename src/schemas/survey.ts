/**
 * The survey instrument: `content/survey/instrument.yaml`. One file holds both languages, so each item's
 * Japanese and English wording share one id and cannot drift apart. Responses record `version`; change it
 * whenever items are added, removed, reordered or reworded in meaning.
 */
import { z } from 'astro/zod';
import { MODEL_PARTS } from '../lib/survey/model.ts';

const text = (what: string) => z.string({ error: `${what}, as text` }).trim().min(1, { error: `${what}, not empty` });
const bilingual = (what: string) => z.strictObject({ ja: text(`${what} in Japanese`), en: text(`${what} in English`) }, { error: `${what} in both languages: ja: … and en: …` });
const camelId = (what: string) => z.string({ error: `${what} in camelCase` }).regex(/^[a-z][a-zA-Z0-9]*$/, { error: `${what} in camelCase, such as "careerAwareness"` });

/** Where a scale sits in the engagement model (../shared/domain.md): the report and the model test use it. */
export { MODEL_PARTS, type ModelPart } from '../lib/survey/model.ts';

export const surveyItemSchema = z.strictObject({
  /** Stable id, such as "ca1"; never reuse an id for a different question. */
  id: camelId('an item id'),
  text: bilingual('the statement'),
  /** Agreement means less of the construct; scored as (min + max) − answer. */
  reverse: z.boolean().default(false),
});

export const surveyScaleSchema = z.strictObject({
  id: camelId('a scale id'),
  name: bilingual('the scale name'),
  /** What a high score means, for the personal report. */
  meaning: bilingual('what the score means'),
  part: z.enum(MODEL_PARTS, { error: `one of ${MODEL_PARTS.join(', ')}` }),
  /** For scales that belong to a larger construct (vigour, dedication, absorption → engagement). */
  construct: camelId('a construct id').optional(),
  items: z.array(surveyItemSchema).min(2, { error: 'at least two items, so reliability can be estimated' }),
  /** Exercise ids suggested in the personal report when this score is among the person's lowest. */
  exercises: z.array(z.string().regex(/^[a-z0-9-]+$/)).default([]),
});

const choice = z.strictObject({ id: camelId('a choice id'), label: bilingual('the choice label') });

export const instrumentSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9-]+$/),
    version: z.number().int().min(1),
    title: bilingual('the survey title'),
    /** Agreement scale used by every item. */
    response: z.strictObject({
      min: z.number().int(),
      max: z.number().int(),
      labels: z.strictObject({ ja: z.array(text('a label')), en: z.array(text('a label')) }),
    }),
    scales: z.array(surveyScaleSchema).min(1),
    /** Context questions: never a name, e-mail or employee number. */
    careerStages: z.array(choice).min(2),
    roles: z.array(choice).min(2),
    /** The short workshop evaluation, asked after a workshop. */
    evaluation: z.strictObject({
      satisfaction: bilingual('the satisfaction question'),
      applicability: bilingual('the applicability question'),
      recommend: bilingual('the likelihood-to-recommend question (0 to 10)'),
      comments: bilingual('the free-comment prompt'),
    }),
  })
  .superRefine((instrument, context) => {
    const { min, max, labels } = instrument.response;
    for (const locale of ['ja', 'en'] as const) {
      if (labels[locale].length !== max - min + 1) {
        context.addIssue({ code: 'custom', path: ['response', 'labels', locale], message: `one label per point from ${min} to ${max} (${max - min + 1} labels)` });
      }
    }
    const seen = new Map<string, string>();
    instrument.scales.forEach((scale, s) =>
      scale.items.forEach((item, i) => {
        if (seen.has(item.id)) context.addIssue({ code: 'custom', path: ['scales', s, 'items', i, 'id'], message: `an item id used once; "${item.id}" is also in ${seen.get(item.id)}` });
        seen.set(item.id, scale.id);
      }),
    );
    const scaleIds = instrument.scales.map((scale) => scale.id);
    scaleIds.forEach((id, index) => {
      if (scaleIds.indexOf(id) !== index) context.addIssue({ code: 'custom', path: ['scales', index, 'id'], message: `a scale id used once; "${id}" repeats` });
    });
  });

export type Instrument = z.infer<typeof instrumentSchema>;
export type SurveyScale = z.infer<typeof surveyScaleSchema>;
