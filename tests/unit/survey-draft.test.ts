/** The survey in progress: screens, what each is missing, restoring a stored draft safely, and the finished response. */
import { describe, expect, it } from 'vitest';
import { localiseInstrument, itemOrder } from '../../src/lib/survey/localise.ts';
import { draftToResponse, emptyDraft, normaliseCohort, restoreDraft, stepProblems, surveySteps } from '../../src/lib/survey/draft.ts';
import { parseResults, previousResult, withResult, MAX_STORED_RESULTS, type StoredResult } from '../../src/lib/survey/results.ts';
import { decodeResponse, encodeResponse } from '../../src/lib/survey/response-code.ts';
import { siteInstrument } from '../support/instrument.ts';

const instrument = localiseInstrument(siteInstrument, 'en');
const items = itemOrder(instrument);
const now = new Date('2026-11-23T10:00:00Z');

describe('survey steps', () => {
  it('asks about the person first, then the statements six at a time', () => {
    const steps = surveySteps(instrument, 'before', 'manager');
    expect(steps[0]).toEqual({ kind: 'context' });
    expect(steps.slice(1).map((s) => (s.kind === 'items' ? s.items.length : 0))).toEqual([6, 6, 6, 6, 6, 6, 6, 6, 4]);
    expect(steps.flatMap((s) => (s.kind === 'items' ? s.items : []))).toEqual(items);
  });

  it('shows the manager-only statements to people managers only', () => {
    const forMember = surveySteps(instrument, 'before', 'member').flatMap((s) => (s.kind === 'items' ? s.items : []));
    expect(forMember).toHaveLength(48);
    expect(forMember.some((id) => id.startsWith('mp'))).toBe(false);
    // Before the role is chosen, only what everyone answers.
    expect(surveySteps(instrument, 'before').flatMap((s) => (s.kind === 'items' ? s.items : []))).toEqual(forMember);
  });

  it('records manager-only items as unanswered for a member, even if answered under another role first', () => {
    const answers = Object.fromEntries(items.map((id) => [id, 4]));
    const draft = { ...emptyDraft(instrument, now), wave: 'before' as const, role: 'member', answers };
    const response = draftToResponse(draft, instrument, now);
    expect(response.answers.filter((a) => a === null)).toHaveLength(4);
    expect(response.answers.slice(-4)).toEqual([null, null, null, null]);
    expect(draftToResponse({ ...draft, role: 'manager' }, instrument, now).answers.every((a) => a === 4)).toBe(true);
  });

  it('adds the workshop evaluation only once a workshop has taken place', () => {
    expect(surveySteps(instrument, 'before').some((s) => s.kind === 'evaluation')).toBe(false);
    expect(surveySteps(instrument, 'after').at(-1)).toEqual({ kind: 'evaluation' });
    expect(surveySteps(instrument, 'follow-up').at(-1)).toEqual({ kind: 'evaluation' });
  });
});

describe('what a step is missing', () => {
  it('requires when and role, and checks the codes a person types', () => {
    const draft = emptyDraft(instrument, now);
    expect(stepProblems(draft, { kind: 'context' })).toEqual([
      { field: 'wave', kind: 'missing' },
      { field: 'role', kind: 'missing' },
    ]);
    const filled = { ...draft, wave: 'before' as const, role: 'member', cohort: 'mgr 1', anonymousCode: 'my name!' };
    expect(stepProblems(filled, { kind: 'context' })).toEqual([
      { field: 'cohort', kind: 'format' },
      { field: 'anonymousCode', kind: 'format' },
    ]);
    expect(stepProblems({ ...filled, cohort: 'MGR-1', anonymousCode: '' }, { kind: 'context' })).toEqual([]);
  });

  it('names each unanswered statement on a screen, in order', () => {
    const draft = { ...emptyDraft(instrument, now), answers: { [items[1]!]: 3, [items[4]!]: 5 } };
    expect(stepProblems(draft, { kind: 'items', items: items.slice(0, 6), first: 0 }).map((p) => (p.field === 'item' ? p.itemId : ''))).toEqual([items[0], items[2], items[3], items[5]]);
  });

  it('writes cohort codes in capitals without spaces, whatever the keyboard gave', () => {
    expect(normaliseCohort(' ｍｇｒ-2026 11 ')).toBe('MGR-202611');
  });
});

describe('restoring a stored draft', () => {
  it('keeps every valid answer and drops what does not fit the instrument', () => {
    const stored = {
      ...emptyDraft(instrument, now),
      wave: 'after',
      role: 'manager',
      careerStage: 'astronaut',
      step: 3,
      answers: { [items[0]!]: 4, [items[1]!]: 9, unknownItem: 2, [items[2]!]: '5' },
      evaluation: { satisfaction: 5, applicability: 0, recommend: 11 },
    };
    const restored = restoreDraft(JSON.parse(JSON.stringify(stored)), instrument)!;
    expect(restored).toMatchObject({ wave: 'after', role: 'manager', careerStage: null, step: 3, answers: { [items[0]!]: 4 } });
    expect(restored.evaluation).toEqual({ satisfaction: 5, applicability: null, recommend: null });
  });

  it('does not resume a draft of another survey version or something that is not a draft', () => {
    expect(restoreDraft({ ...emptyDraft(instrument, now), instrumentVersion: instrument.version + 1 }, instrument)).toBeUndefined();
    expect(restoreDraft('{"format":"banso-survey-draft"}', instrument)).toBeUndefined();
    expect(restoreDraft(null, instrument)).toBeUndefined();
  });
});

describe('the finished response', () => {
  const complete = {
    ...emptyDraft(instrument, now),
    wave: 'after' as const,
    role: 'manager',
    careerStage: 'early-career',
    cohort: 'MGR-1',
    anonymousCode: 'sakura42',
    answers: Object.fromEntries(items.map((id, index) => [id, (index % 5) + 1])),
    evaluation: { satisfaction: 4, applicability: null, recommend: 8 },
    comment: '  Useful.  ',
  };

  it('carries answers in instrument order, choices as indices and a fresh random id', () => {
    const response = draftToResponse(complete, instrument, now);
    expect(response).toMatchObject({ instrumentVersion: instrument.version, wave: 'after', role: 1, stage: 1, day: '2026-11-23', cohort: 'MGR-1', anonymousCode: 'sakura42', comment: 'Useful.' });
    expect(response.answers).toEqual(items.map((_, index) => (index % 5) + 1));
    expect(response.responseId).toMatch(/^[0-9a-f]{12}$/);
    expect(draftToResponse(complete, instrument, now).responseId).not.toBe(response.responseId);
    expect(decodeResponse(encodeResponse(response))).toEqual({ ok: true, response });
  });

  it('leaves out the evaluation and comment before a workshop, even if some were typed earlier', () => {
    const response = draftToResponse({ ...complete, wave: 'before' }, instrument, now);
    expect(response.evaluation).toBeNull();
    expect(response.comment).toBeNull();
  });
});

describe('results kept on the device', () => {
  const result = (wave: 'before' | 'after', id: string): StoredResult => ({
    response: { ...draftToResponse({ ...emptyDraft(instrument, now), wave, role: 'member' }, instrument, now), responseId: id },
    submittedAt: now.toISOString(),
    session: null,
  });

  it('skips stored entries that are not valid responses instead of failing the whole list', () => {
    const good = result('before', 'aaaaaaaaaaaa');
    const raw = JSON.stringify([good, { response: { ...good.response, role: 9 }, submittedAt: 'x', session: null }, 'junk']);
    expect(parseResults(raw)).toEqual([good]);
    expect(parseResults('not json')).toEqual([]);
    expect(parseResults(null)).toEqual([]);
  });

  it('keeps the newest results within the limit', () => {
    let list: StoredResult[] = [];
    for (let n = 0; n < MAX_STORED_RESULTS + 3; n++) list = withResult(list, result('before', n.toString(16).padStart(12, '0')));
    expect(list).toHaveLength(MAX_STORED_RESULTS);
    expect(list.at(-1)!.response.responseId).toBe((MAX_STORED_RESULTS + 2).toString(16).padStart(12, '0'));
  });

  it('compares a result with the latest earlier one of another wave', () => {
    const before = result('before', '000000000001');
    const after1 = result('after', '000000000002');
    const after2 = result('after', '000000000003');
    const list = [before, after1, after2];
    expect(previousResult(list, after2)).toBe(before);
    expect(previousResult(list, before)).toBeUndefined();
  });
});
