/**
 * A survey in progress: what the participant has answered so far, saved in their browser after every change
 * so a closed tab or a flat battery loses nothing. Pure logic: the island keeps it in localStorage.
 */
import { ANONYMOUS_CODE_PATTERN, COHORT_PATTERN, WAVES, type SurveyResponse, type Wave } from './response-code.ts';
import { itemOrder } from './localise.ts';
import { itemsForRole } from './roles.ts';

export const DRAFT_KEY = 'banso:survey:draft';
export const DRAFT_FORMAT_VERSION = 1;
/** Statements shown together on one screen: short enough for a phone, few enough screens for ten minutes. */
export const ITEMS_PER_STEP = 6;
/** The longest free comment the survey accepts; a response code carries its beginning (commentBytesFor), a file all of it. */
export const MAX_COMMENT_CHARACTERS = 1000;
export { COHORT_PATTERN, ANONYMOUS_CODE_PATTERN };

interface DraftInstrument {
  id: string;
  version: number;
  response: { min: number; max: number };
  scales: readonly { id: string; roles?: readonly string[] | undefined; items: readonly { id: string }[] }[];
  roles: readonly { id: string }[];
  careerStages: readonly { id: string }[];
}

export interface SurveyDraft {
  format: 'banso-survey-draft';
  version: typeof DRAFT_FORMAT_VERSION;
  instrumentId: string;
  instrumentVersion: number;
  updatedAt: string;
  step: number;
  wave: Wave | null;
  cohort: string;
  role: string | null;
  careerStage: string | null;
  anonymousCode: string;
  /** Item id → answer. */
  answers: Record<string, number>;
  evaluation: { satisfaction: number | null; applicability: number | null; recommend: number | null };
  comment: string;
  /** The facilitator session link's fragment, when the survey was opened through one. */
  session: string | null;
}

export type SurveyStep = { kind: 'context' } | { kind: 'items'; items: string[]; first: number } | { kind: 'evaluation' };

export function emptyDraft(instrument: DraftInstrument, now: Date, preset: { wave?: Wave | null; cohort?: string; session?: string | null } = {}): SurveyDraft {
  return {
    format: 'banso-survey-draft',
    version: DRAFT_FORMAT_VERSION,
    instrumentId: instrument.id,
    instrumentVersion: instrument.version,
    updatedAt: now.toISOString(),
    step: 0,
    wave: preset.wave ?? null,
    cohort: preset.cohort ?? '',
    role: null,
    careerStage: null,
    anonymousCode: '',
    answers: {},
    evaluation: { satisfaction: null, applicability: null, recommend: null },
    comment: '',
    session: preset.session ?? null,
  };
}

/**
 * Context first (the role decides which statements follow), then the statements asked of that role in screens
 * of six, then the workshop evaluation once a workshop has happened.
 */
export function surveySteps(instrument: DraftInstrument, wave: Wave | null, role: string | null = null): SurveyStep[] {
  const items = itemsForRole(instrument, role);
  const steps: SurveyStep[] = [{ kind: 'context' }];
  for (let first = 0; first < items.length; first += ITEMS_PER_STEP) steps.push({ kind: 'items', items: items.slice(first, first + ITEMS_PER_STEP), first });
  if (wave !== null && wave !== 'before') steps.push({ kind: 'evaluation' });
  return steps;
}

export type DraftProblem = { field: 'wave' | 'role' | 'cohort' | 'anonymousCode' | 'comment'; kind: 'missing' | 'format' } | { field: 'item'; itemId: string; kind: 'missing' };

/** What keeps a step from being complete, in the order the questions appear. */
export function stepProblems(draft: SurveyDraft, step: SurveyStep): DraftProblem[] {
  if (step.kind === 'context') {
    const problems: DraftProblem[] = [];
    if (!draft.wave) problems.push({ field: 'wave', kind: 'missing' });
    if (!COHORT_PATTERN.test(draft.cohort)) problems.push({ field: 'cohort', kind: 'format' });
    if (!draft.role) problems.push({ field: 'role', kind: 'missing' });
    if (draft.anonymousCode !== '' && !ANONYMOUS_CODE_PATTERN.test(draft.anonymousCode)) problems.push({ field: 'anonymousCode', kind: 'format' });
    return problems;
  }
  if (step.kind === 'items') return step.items.filter((id) => draft.answers[id] === undefined).map((itemId) => ({ field: 'item', itemId, kind: 'missing' }));
  return [...draft.comment].length > MAX_COMMENT_CHARACTERS ? [{ field: 'comment', kind: 'format' }] : [];
}

/** Statements answered among those asked of the draft's role. */
export function answeredCount(draft: SurveyDraft, instrument: DraftInstrument): number {
  return itemsForRole(instrument, draft.role).filter((id) => draft.answers[id] !== undefined).length;
}

/** Cohort codes are written in capitals and without spaces, whatever the keyboard produced. */
export function normaliseCohort(text: string): string {
  return text.normalize('NFKC').toUpperCase().replace(/\s+/g, '');
}

/**
 * A stored draft, checked value by value: anything that does not fit this instrument is dropped rather than
 * trusted, and a draft for another instrument version is not resumed (its questions may differ).
 */
export function restoreDraft(stored: unknown, instrument: DraftInstrument): SurveyDraft | undefined {
  if (typeof stored !== 'object' || stored === null) return undefined;
  const d = stored as Record<string, unknown>;
  if (d.format !== 'banso-survey-draft' || d.version !== DRAFT_FORMAT_VERSION || d.instrumentId !== instrument.id || d.instrumentVersion !== instrument.version) return undefined;
  const base = emptyDraft(instrument, new Date(typeof d.updatedAt === 'string' ? d.updatedAt : 0));
  const { min, max } = instrument.response;
  const items = new Set(itemOrder(instrument));
  const answers: Record<string, number> = {};
  if (typeof d.answers === 'object' && d.answers !== null) {
    for (const [id, value] of Object.entries(d.answers)) {
      if (items.has(id) && Number.isInteger(value) && (value as number) >= min && (value as number) <= max) answers[id] = value as number;
    }
  }
  const rating = (value: unknown, low: number, high: number) => (Number.isInteger(value) && (value as number) >= low && (value as number) <= high ? (value as number) : null);
  const evaluation = (typeof d.evaluation === 'object' && d.evaluation !== null ? d.evaluation : {}) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const wave = WAVES.includes(d.wave as Wave) ? (d.wave as Wave) : null;
  return {
    ...base,
    updatedAt: typeof d.updatedAt === 'string' ? d.updatedAt : base.updatedAt,
    step: Number.isInteger(d.step) && (d.step as number) >= 0 ? (d.step as number) : 0,
    wave,
    cohort: COHORT_PATTERN.test(text(d.cohort)) ? text(d.cohort) : '',
    role: instrument.roles.some((r) => r.id === d.role) ? (d.role as string) : null,
    careerStage: instrument.careerStages.some((s) => s.id === d.careerStage) ? (d.careerStage as string) : null,
    anonymousCode: text(d.anonymousCode).slice(0, 12),
    answers,
    evaluation: {
      satisfaction: rating(evaluation.satisfaction, min, max),
      applicability: rating(evaluation.applicability, min, max),
      recommend: rating(evaluation.recommend, 0, 10),
    },
    comment: text(d.comment).slice(0, MAX_COMMENT_CHARACTERS),
    session: typeof d.session === 'string' ? d.session : null,
  };
}

function randomHex(bytes: number): string {
  return [...crypto.getRandomValues(new Uint8Array(bytes))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The finished response, in the shape the response code and file carry. Call only when every step is complete.
 * An item the role is not asked is null even if answered earlier under another role, so nobody hands over
 * answers to statements they were not meant to be shown.
 */
export function draftToResponse(draft: SurveyDraft, instrument: DraftInstrument, now: Date): SurveyResponse {
  const asked = new Set(itemsForRole(instrument, draft.role));
  const hasEvaluation = draft.wave !== 'before' && Object.values(draft.evaluation).some((value) => value !== null);
  const stage = instrument.careerStages.findIndex((s) => s.id === draft.careerStage);
  return {
    instrumentVersion: instrument.version,
    wave: draft.wave ?? 'before',
    role: Math.max(0, instrument.roles.findIndex((r) => r.id === draft.role)),
    stage: stage < 0 ? null : stage,
    responseId: randomHex(6),
    day: now.toISOString().slice(0, 10),
    cohort: draft.cohort,
    anonymousCode: draft.anonymousCode === '' ? null : draft.anonymousCode,
    answers: itemOrder(instrument).map((id) => (asked.has(id) ? (draft.answers[id] ?? null) : null)),
    evaluation: hasEvaluation ? { ...draft.evaluation } : null,
    comment: draft.wave !== 'before' && draft.comment.trim() !== '' ? draft.comment.trim() : null,
  };
}
