/**
 * Survey responses for browser tests, as the survey page would make them for the site's instrument: a team
 * member's answers, varied by `seed` (so scores differ between people), with any field overridden. Ids are
 * `idBase + seed`, so each test file can keep its responses apart from another's in one dataset.
 */
import { itemOrder } from '../../src/lib/survey/localise.ts';
import { itemsForRole } from '../../src/lib/survey/roles.ts';
import type { SurveyResponse } from '../../src/lib/survey/response-code.ts';
import { siteInstrument as instrument } from './instrument.ts';

const items = itemOrder(instrument);
const memberItems = new Set(itemsForRole(instrument, 'member'));

export function surveyResponse(seed: number, overrides: Partial<SurveyResponse> = {}, idBase = 0xabc000): SurveyResponse {
  return {
    instrumentVersion: instrument.version,
    wave: 'before',
    role: 0,
    stage: 1,
    responseId: (idBase + seed).toString(16).padStart(12, '0'),
    day: '2026-11-20',
    cohort: 'MGR-1',
    anonymousCode: `p${seed}`,
    answers: items.map((id, index) => (memberItems.has(id) ? ((index + seed) % 5) + 1 : null)),
    evaluation: null,
    comment: null,
    ...overrides,
  };
}
