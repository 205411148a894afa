/** Two tabs editing one exercise: fields merged one by one, and only fields changed on both sides asked about. */
import { describe, expect, it } from 'vitest';
import { mergeAnswers, sameValue } from '../../src/lib/workbook/merge.ts';

describe('merging two tabs of one exercise', () => {
  const base = { will: 'A', can: 'B', events: [{ year: 2019, what: '異動' }] };

  it('takes a field changed in the other tab only, and keeps a field changed here only', () => {
    expect(mergeAnswers(base, { ...base, will: 'mine' }, { ...base, can: 'theirs' })).toEqual({ merged: { will: 'mine', can: 'theirs', events: base.events }, conflicts: [] });
  });

  it('takes fields that exist on one side only, and a field the other tab cleared', () => {
    expect(mergeAnswers({}, { will: 'mine' }, { can: 'theirs' })).toEqual({ merged: { will: 'mine', can: 'theirs' }, conflicts: [] });
    expect(mergeAnswers(base, base, { ...base, events: [] }).merged.events).toEqual([]);
  });

  it('asks only about fields changed on both sides, and not when both made the same change', () => {
    const mine = { ...base, will: 'mine', events: [{ year: 2019, what: '異動' }, { year: 2021, what: '昇格' }] };
    const theirs = { ...base, will: 'theirs', events: [{ year: 2019, what: '異動' }, { what: '昇格', year: 2021 }] };
    expect(mergeAnswers(base, mine, theirs)).toEqual({ merged: mine, conflicts: ['will'] });
  });

  it('compares answers by value, whatever the key order', () => {
    expect(sameValue({ a: [1, { b: null }] }, { a: [1, { b: null }] })).toBe(true);
    expect(sameValue({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(true);
    expect(sameValue([1], { 0: 1 })).toBe(false);
    expect(sameValue({ a: undefined }, { b: undefined })).toBe(false);
  });
});
