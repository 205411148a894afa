/**
 * How long the survey takes, for the "about N minutes" a participant is told. Timed at the slow end of what
 * people take on a phone: about 10 seconds a statement, a minute for the questions about you and a minute and a
 * half for the workshop evaluation (rating questions and a short comment), rounded to the nearest 5 minutes,
 * since a precise figure would promise more than anyone can know.
 */
export const SECONDS_PER_STATEMENT = 10;
const CONTEXT_SECONDS = 60;
const EVALUATION_SECONDS = 90;

export function surveyMinutes(statements: number, withEvaluation = true): number {
  const seconds = CONTEXT_SECONDS + statements * SECONDS_PER_STATEMENT + (withEvaluation ? EVALUATION_SECONDS : 0);
  return Math.max(5, Math.round(seconds / 300) * 5);
}
