/** The interface text the survey island needs, resolved on the server in the page's language, placeholders kept. */
import type { Translate } from '../../lib/i18n/translations.ts';
import { SCALE_PARTS } from '../../lib/survey/model.ts';
import { WAVES } from '../../lib/survey/response-code.ts';

const KEYS = [
  'progress', 'step', 'back', 'next', 'submit', 'saved', 'storageFull', 'storageUnavailable', 'resumed', 'startOver', 'startOverConfirm',
  'problemHeading', 'problem.wave', 'problem.role', 'problem.cohort', 'problem.anonymousCode', 'problem.comment', 'problem.item', 'required', 'optional',
  'context.heading', 'context.lead', 'context.wave', 'context.role', 'context.stage', 'context.cohort', 'context.cohortHint', 'context.anonymous', 'context.anonymousHint',
  'context.session', 'context.sessionNoCohort', 'context.sessionInvalid',
  'items.heading', 'items.lead', 'evaluation.heading', 'evaluation.lead', 'evaluation.recommendLow', 'evaluation.recommendHigh', 'evaluation.commentCount',
  'report.heading', 'report.meta', 'report.disclaimer', 'report.modelHeading', 'report.modelLead', 'report.modelLabel', 'report.chartHeading', 'report.chartLabel',
  'report.scoresHeading', 'report.scale', 'report.score', 'report.meaning', 'report.previous', 'report.previousSeries', 'report.noScore', 'report.previousNote',
  'report.suggestionsHeading', 'report.suggestionsLead', 'report.print', 'report.again', 'report.forget', 'report.forgetConfirm', 'report.separator',
  'handover.heading', 'handover.lead', 'handover.codeHeading', 'handover.codeHint', 'handover.copy', 'handover.copied', 'handover.copyFailed',
  'handover.qrHeading', 'handover.qrHint', 'handover.qrLabel', 'handover.fileHeading', 'handover.fileHint', 'handover.download', 'handover.sealed', 'handover.plain',
  'handover.commentCut', 'handover.sealFailed',
  'sessionError.not-a-session-link', 'sessionError.damaged', 'sessionError.newer-format', 'sessionError.malformed', 'sessionError.other-instrument',
] as const;

export type SurveyStringKey = (typeof KEYS)[number];

export function surveyStrings(t: Translate) {
  return {
    text: Object.fromEntries(KEYS.map((key) => [key, t(`survey.${key}`)])) as Record<SurveyStringKey, string>,
    /** The session key's fingerprint beside a session's notice and its sealed hand-over ({{fingerprint}} kept). */
    fingerprint: t('sessions.participantFingerprint'),
    waves: Object.fromEntries(WAVES.map((wave) => [wave, t(`survey.wave.${wave}`)])) as Record<(typeof WAVES)[number], string>,
    parts: Object.fromEntries(SCALE_PARTS.map((part) => [part, t(`survey.part.${part}`)])) as Record<(typeof SCALE_PARTS)[number], string>,
  };
}

export type SurveyStrings = ReturnType<typeof surveyStrings>;
