/**
 * The survey instrument: `content/survey/instrument.yaml`. One file holds both languages, so each item's
 * Japanese and English wording share one id and cannot drift apart. Responses record `version`; change it
 * whenever items are added, removed, reordered or reworded in meaning.
 */
import { z } from 'astro/zod';
import { OUTSIDE_MODEL_PARTS, SCALE_PARTS } from '../lib/survey/model.ts';

const text = (what: string) => z.string({ error: `${what}, as text` }).trim().min(1, { error: `${what}, not empty` });
const bilingual = (what: string) => z.strictObject({ ja: text(`${what} in Japanese`), en: text(`${what} in English`) }, { error: `${what} in both languages: ja: … and en: …` });
const camelId = (what: string) => z.string({ error: `${what} in camelCase` }).regex(/^[a-z][a-zA-Z0-9]*$/, { error: `${what} in camelCase, such as "careerAwareness"` });

/** Where a scale sits in the engagement model (../shared/domain.md): the report and the model test use it. */
export { MODEL_PARTS, SCALE_PARTS, type ModelPart, type ScalePart } from '../lib/survey/model.ts';

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
  part: z.enum(SCALE_PARTS, { error: `one of ${SCALE_PARTS.join(', ')}` }),
  /** For scales that belong to a larger construct (vigour, dedication, absorption → engagement). */
  construct: camelId('a construct id').optional(),
  /**
   * Role ids: the scale is shown only to people who give one of these roles (a people manager's own practice).
   * Left out, everyone answers it. Items not shown are recorded as not answered.
   */
  roles: z.array(camelId('a role id')).min(1, { error: 'at least one role id, or leave roles out so everyone answers the scale' }).optional(),
  /** Where the construct comes from: what it measures and the public research it is grounded in (the wording is the kit's own). */
  source: z
    .strictObject({
      construct: bilingual('the construct the scale measures'),
      references: z.array(text('a reference')).min(1, { error: 'at least one published source' }),
    })
    .optional(),
  items: z.array(surveyItemSchema).min(2, { error: 'at least two items, so reliability can be estimated' }),
  /** Exercise ids suggested in the personal report when this score is among the person's lowest. */
  exercises: z.array(z.string().regex(/^[a-z0-9-]+$/)).default([]),
});

const choice = z.strictObject({ id: camelId('a choice id'), label: bilingual('the choice label') });
/**
 * A career-stage option that names a stage of content/stages.yaml, so the survey's stage labels come from the one
 * stage model. Resolved into { id, label } when the instrument is read (src/lib/survey/career-stages.ts).
 */
const stageReference = z.strictObject({
  stage: z.string({ error: 'a stage id from content/stages.yaml' }).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'a stage id from content/stages.yaml, such as "first-years"' }),
});

export const instrumentSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9-]+$/),
    version: z.number().int().min(1),
    title: bilingual('the survey title'),
    /** That every item is the kit's own wording and no copyrighted or licensed scale text is used; shown on the scoring page. */
    provenance: bilingual('a statement of where the items come from'),
    /** What changed from the previous version, for the scoring page; an archived first version has none. */
    changes: bilingual('what changed from the previous version').optional(),
    /** Agreement scale used by every item. */
    response: z.strictObject({
      min: z.number().int(),
      max: z.number().int(),
      labels: z.strictObject({ ja: z.array(text('a label')), en: z.array(text('a label')) }),
    }),
    scales: z.array(surveyScaleSchema).min(1),
    /** Context questions: never a name, e-mail or employee number. */
    /**
     * Options of the career-stage question, in order (codes record the position): `{ stage: first-years }` for a
     * stage of content/stages.yaml, or `{ id, label }` for an option of the survey's own, such as "prefer not to say".
     */
    careerStages: z
      .array(z.union([stageReference, choice], { error: 'either { stage: <id from content/stages.yaml> } or { id: …, label: { ja: …, en: … } }' }))
      .min(2),
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
    const roleIds = instrument.roles.map((role) => role.id);
    instrument.scales.forEach((scale, s) => {
      scale.roles?.forEach((role, r) => {
        if (!roleIds.includes(role)) context.addIssue({ code: 'custom', path: ['scales', s, 'roles', r], message: `one of the roles' ids (${roleIds.join(', ')}), not "${role}"` });
      });
      // The model is tested on everyone's answers, so a scale some people never see stays outside it.
      const outside = (OUTSIDE_MODEL_PARTS as readonly string[]).includes(scale.part);
      if (scale.roles && !outside) context.addIssue({ code: 'custom', path: ['scales', s, 'part'], message: `${OUTSIDE_MODEL_PARTS.join(' or ')} for a scale asked of some roles only (it has roles: ${scale.roles.join(', ')})` });
      if (scale.roles && scale.construct) context.addIssue({ code: 'custom', path: ['scales', s, 'construct'], message: 'no construct for a scale asked of some roles only' });
    });
    const scaleIds = instrument.scales.map((scale) => scale.id);
    scaleIds.forEach((id, index) => {
      if (scaleIds.indexOf(id) !== index) context.addIssue({ code: 'custom', path: ['scales', index, 'id'], message: `a scale id used once; "${id}" repeats` });
    });
  });

/** The instrument as written in its file, with career stages still as references to content/stages.yaml. */
export type InstrumentSource = z.infer<typeof instrumentSchema>;
export type SurveyChoice = z.infer<typeof choice>;
/** The instrument as every page and tool uses it: each career-stage option resolved to an id and a label. */
export type Instrument = Omit<InstrumentSource, 'careerStages'> & { careerStages: { id: string; label: SurveyChoice['label'] }[] };
export type SurveyScale = z.infer<typeof surveyScaleSchema>;
