/**
 * The parts of the engagement model (../shared/domain.md) a scale can belong to. Kept apart from the zod schema
 * so the survey island can use them without shipping the schema library to the browser.
 */
export const MODEL_PARTS = ['awareness', 'environment', 'achievement', 'efficacy', 'support', 'engagement'] as const;
export type ModelPart = (typeof MODEL_PARTS)[number];
