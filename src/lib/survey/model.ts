/**
 * The parts of the engagement model (../shared/domain.md) a scale can belong to. Kept apart from the zod schema
 * so the survey island can use them without shipping the schema library to the browser.
 */
export const MODEL_PARTS = ['awareness', 'environment', 'achievement', 'efficacy', 'support', 'engagement'] as const;
export type ModelPart = (typeof MODEL_PARTS)[number];

/**
 * Parts a scale can have outside the model: `practice` holds what a people manager reports of their own
 * practice, asked of managers only, so it is scored and reported but never enters the model diagram or test.
 */
export const OUTSIDE_MODEL_PARTS = ['practice'] as const;
export const SCALE_PARTS = [...MODEL_PARTS, ...OUTSIDE_MODEL_PARTS] as const;
export type ScalePart = (typeof SCALE_PARTS)[number];
