/**
 * A workbook file is checked field by field before it changes anything (issue 15): revisions, times, keys and
 * every answer's type and length; the check returns a refusal for any text, never throws; and an import never
 * sets a revision that would stop two tabs from noticing each other.
 */
import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import type { ExerciseField } from '../../src/schemas/exercise.ts';
import { KEY_PREFIX, WorkbookStore } from '../../src/lib/workbook/store.ts';
import { MemoryStorage } from '../support/memory-storage.ts';

const fields: ExerciseField[] = [
  { id: 'will', type: 'textarea', label: 'Will', rows: 4 },
  { id: 'when', type: 'date', label: 'When' },
  { id: 'kinds', type: 'multiselect', label: 'Kinds', options: [{ value: 'a', label: 'Alpha' }, { value: 'b', label: 'Beta' }] },
  {
    id: 'values',
    type: 'cards',
    label: 'Values',
    cards: ['c1', 'c2', 'c3', 'c4', 'c5'].map((id) => ({ id, label: id.toUpperCase() })),
    piles: [{ id: 'most', label: 'Most' }, { id: 'some', label: 'Some' }, { id: 'least', label: 'Least' }],
    rank: 2,
  },
];
const exercises = new Map([['will-can-must', fields], ['values', fields]]);
const NOW = Date.parse('2026-11-30T10:00:00Z');
const now = () => new Date(NOW);
const record = (extra: Record<string, unknown> = {}) => ({ exerciseId: 'will-can-must', answers: { will: 'x' }, updatedAt: '2026-11-29T09:00:00.000Z', revision: 1, ...extra });
const file = (exercise: unknown, extra: Record<string, unknown> = {}) => JSON.stringify({ format: 'banso-workbook', version: 2, exportedAt: '2026-11-29T09:00:00.000Z', exercises: { 'will-can-must': exercise }, ...extra });
const problemsOf = (text: string, store = new WorkbookStore(new MemoryStorage(), exercises, now)) => {
  const check = store.checkImport(text);
  return check.ok ? [] : check.problems;
};

describe('workbook import: every field is checked', () => {
  it('refuses a revision that is not a safe whole number, so conflict detection cannot be switched off', () => {
    expect(problemsOf(file(record({ revision: 2 ** 53 })))).toEqual(['in "will-can-must": "revision" should be a whole number from 0 to 9007199254740991']);
    expect(problemsOf(file(record({ revision: '1e308' })))).toHaveLength(1);
    expect(problemsOf(file(record({ revision: -1 })))).toHaveLength(1);
    expect(problemsOf(file(record({ revision: 1.5 })))).toHaveLength(1);
    expect(problemsOf(file(record({ revision: 9_007_199_254_740_991 })))).toEqual([]);
  });

  it('stores the local revision plus one after an import, so a tab that loaded before it sees a conflict', () => {
    const storage = new MemoryStorage();
    const tab = new WorkbookStore(storage, exercises, now);
    tab.save('will-can-must', { will: 'mine' }, 0);
    tab.save('will-can-must', { will: 'mine, again' }, 1); // this tab holds revision 2
    for (const mode of ['merge', 'replace'] as const) {
      const check = tab.checkImport(file(record({ revision: 9_007_199_254_740_991, updatedAt: '2026-11-30T10:30:00Z', answers: { will: `from the file (${mode})` } })));
      if (!check.ok) throw new Error(check.problems.join());
      const before = tab.load('will-can-must')!.revision;
      tab.applyImport(check.file, mode);
      expect(tab.load('will-can-must')).toMatchObject({ revision: before + 1, answers: { will: `from the file (${mode})` } });
    }
    // The tab still holds revision 2 and its next autosave must not overwrite what was imported.
    expect(tab.save('will-can-must', { will: 'stale edit' }, 2)).toMatchObject({ status: 'conflict' });
  });

  it('counts again from 0 when a stored revision can no longer grow, so two tabs still notice each other', () => {
    const storage = new MemoryStorage();
    storage.setItem(`${KEY_PREFIX}will-can-must`, JSON.stringify({ version: 2, exerciseId: 'will-can-must', answers: { will: 'x' }, updatedAt: '2026-11-29T09:00:00Z', revision: 1e308 }));
    const [tabA, tabB] = [new WorkbookStore(storage, exercises, now), new WorkbookStore(storage, exercises, now)];
    const base = tabA.load('will-can-must')!.revision;
    expect(tabA.save('will-can-must', { will: 'from tab A' }, base)).toMatchObject({ status: 'saved' });
    expect(tabB.save('will-can-must', { will: 'from tab B' }, base)).toMatchObject({ status: 'conflict' });
  });

  it('refuses times that are not real ISO dates from 2000 to a day from now', () => {
    for (const updatedAt of ['2026-02-30T10:00:00Z', '1970-01-01T00:00:00Z', '2027-01-01T00:00:00Z', 'Mon, 30 Nov 2026 10:00:00 GMT', '2026-11-29', 20_000]) {
      expect(problemsOf(file(record({ updatedAt }))), String(updatedAt)).toEqual([expect.stringContaining('the time of the last change')]);
    }
    expect(problemsOf(file(record(), { exportedAt: '+275760-09-13T00:00:00Z' }))).toEqual([expect.stringContaining('exportedAt')]);
    expect(problemsOf(file(record({ updatedAt: '2026-11-30T18:00:00+09:00' })))).toEqual([]);
  });

  it('refuses keys that are not part of the format, naming each', () => {
    expect(problemsOf(file(record(), { owner: 'someone' }))).toEqual(['"owner" is not part of a workbook file: export the file again from My workbook']);
    expect(problemsOf(file(record({ __proto__x: 1, notes: 'x' })))).toEqual([
      'in "will-can-must": "__proto__x" is not part of an exercise’s record',
      'in "will-can-must": "notes" is not part of an exercise’s record',
    ]);
    expect(problemsOf('{"format":"banso-workbook","version":2,"exercises":{},"__proto__":{"polluted":1}}')).toEqual([expect.stringContaining('"__proto__"')]);
    expect(problemsOf(file(record({ exerciseId: 'values' })))).toEqual(['in "will-can-must": "exerciseId" should be "will-can-must"']);
  });

  it('checks the type and length of every answer, naming the question as the person saw it', () => {
    const answers = (value: Record<string, unknown>) => problemsOf(file(record({ answers: value })));
    expect(answers({ when: '2026-13-45' })).toEqual(['in "will-can-must": "When" should be a date written YYYY-MM-DD']);
    expect(answers({ kinds: ['a', { toString: 1 }] })).toEqual(['in "will-can-must": "Kinds" should be a list of different choices from: Alpha, Beta']);
    expect(answers({ will: 'x'.repeat(20_001) })).toEqual(['in "will-can-must": "Will" is longer than 20000 characters']);
    expect(answers({ values: { piles: { c1: 'most' }, top: ['c1', 'c1'] } })).toHaveLength(1);
    expect(answers({ values: { piles: { c1: 'most' }, top: ['c1'], extra: [] } })).toHaveLength(1);
    expect(answers({ values: { piles: { c1: 'most' }, top: ['c1'] } })).toEqual([]);
  });
});

describe('workbook import: a typed refusal for any file', () => {
  it('refuses a pile value with its own toString without throwing', () => {
    const text = file(record({ answers: { values: { piles: { c1: { toString: 1 } }, top: [] } } }));
    expect(problemsOf(text)).toEqual(['in "will-can-must": "Values" should sort only this exercise’s cards into its piles and rank at most 2 of them']);
  });

  it('refuses piles nested 100,000 deep without throwing', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const text = file(record({ answers: { values: { piles: { c1: '@' }, top: [] } } })).replace('"@"', deep);
    expect(problemsOf(text)).toHaveLength(1);
  });

  it('turns an engine that runs out of stack while parsing into "nested too deeply"', () => {
    const parse = vi.spyOn(JSON, 'parse').mockImplementationOnce(() => {
      throw new RangeError('Maximum call stack size exceeded');
    });
    expect(problemsOf('[[[[]]]]')).toEqual(['the file is nested too deeply to be a Bansō workbook: it may be damaged']);
    parse.mockRestore();
  });

  it('returns a result and never throws for arbitrary JSON, wherever it sits in the file', () => {
    const store = new WorkbookStore(new MemoryStorage(), exercises, now);
    const awkward = fc.dictionary(fc.constantFrom('toString', 'valueOf', '__proto__', 'constructor', 'hasOwnProperty', 'piles', 'top', 'will', 'c1'), fc.jsonValue(), { maxKeys: 4 });
    const value = fc.oneof(fc.jsonValue(), awkward, fc.jsonValue({ depthSize: 'large', maxDepth: 30 }));
    const placed = fc.oneof(
      value.map((v) => JSON.stringify(v)),
      value.map((v) => JSON.stringify({ format: 'banso-workbook', version: 2, exercises: v })),
      value.map((v) => file(v)),
      value.map((v) => file(record({ answers: v }))),
      fc.tuple(fc.constantFrom('will', 'when', 'kinds', 'values'), value).map(([key, v]) => file(record({ answers: { [key]: v } }))),
      value.map((v) => file(record({ answers: { values: { piles: { c1: v }, top: [] } } }))),
      value.map((v) => file(record({ answers: { values: { piles: {}, top: v } } }))),
    );
    fc.assert(
      fc.property(placed, (text) => {
        const check = store.checkImport(text);
        expect(typeof check.ok).toBe('boolean');
        if (!check.ok) expect(check.problems.every((problem) => typeof problem === 'string' && problem.length > 0)).toBe(true);
      }),
      { numRuns: 600 },
    );
    expect(store.all()).toEqual([]);
    expect(KEY_PREFIX).toBe('banso:exercise:');
  });
});
