/**
 * Format version 2: the self-efficacy log's sources became a list. Records and files saved by version 1 must
 * still load and import, with every single choice carried over as a list of one.
 */
import { describe, expect, it } from 'vitest';
import type { ExerciseField } from '../../src/schemas/exercise.ts';
import { KEY_PREFIX, WorkbookStore } from '../../src/lib/workbook/store.ts';
import { migrate, sourcesAsList } from '../../src/lib/workbook/migrations.ts';
import { WORKBOOK_VERSION } from '../../src/lib/workbook/format.ts';
import { checkAnswers } from '../../src/lib/workbook/answers.ts';
import { MemoryStorage } from '../support/memory-storage.ts';


const sources = [
  { value: 'mastery', label: 'Mastery' },
  { value: 'vicarious', label: 'Vicarious' },
  { value: 'persuasion', label: 'Persuasion' },
  { value: 'state', label: 'State' },
];
/** The shape of the kit's self-efficacy log, as far as the migration is concerned. */
const logFields: ExerciseField[] = [
  {
    id: 'wins',
    type: 'entries',
    label: 'Wins',
    itemLabel: 'win',
    fields: [
      { id: 'win', type: 'textarea', label: 'What I managed', rows: 2 },
      { id: 'source', type: 'multiselect', label: 'Sources', options: sources },
    ],
  },
  { id: 'nextSource', type: 'select', label: 'Next', options: sources },
];
const otherFields: ExerciseField[] = [{ id: 'source', type: 'select', label: 'A select of another exercise', options: sources }];
const exercises = new Map([
  ['self-efficacy-log', logFields],
  ['will-can-must', otherFields],
]);

/** What version 1 of the kit wrote for a log with three wins: one choice, an unset choice, no choice at all. */
const v1Answers = {
  wins: [
    { win: 'Chaired the morning briefing', source: 'mastery' },
    { win: 'Handled a complaint', source: '' },
    { win: 'Learnt the new booking screen' },
  ],
  nextSource: 'state',
};
const v2Answers = {
  wins: [
    { win: 'Chaired the morning briefing', source: ['mastery'] },
    { win: 'Handled a complaint', source: [] },
    { win: 'Learnt the new booking screen' },
  ],
  nextSource: 'state',
};

describe('workbook format version 2', () => {
  it('is the version this kit writes', () => {
    expect(WORKBOOK_VERSION).toBe(2);
  });

  it('turns each single source of a version 1 record into a list, and leaves everything else alone', () => {
    const record = { version: 1, exerciseId: 'self-efficacy-log', answers: v1Answers, updatedAt: '2026-10-30T09:00:00Z', revision: 4 };
    expect(migrate(record)).toEqual({ ...record, version: 2, answers: v2Answers });
  });

  it('does not touch a field called source in another exercise', () => {
    const record = { version: 1, exerciseId: 'will-can-must', answers: { source: 'mastery' }, updatedAt: '2026-10-30T09:00:00Z', revision: 1 };
    expect(migrate(record)).toEqual({ ...record, version: 2 });
  });

  it('is safe on data that is already a list or has no wins', () => {
    expect(sourcesAsList({ exerciseId: 'self-efficacy-log', answers: v2Answers })).toEqual({ exerciseId: 'self-efficacy-log', answers: v2Answers });
    expect(sourcesAsList({ exerciseId: 'self-efficacy-log', answers: { nextSource: 'state' } })).toEqual({ exerciseId: 'self-efficacy-log', answers: { nextSource: 'state' } });
  });

  it('loads a record saved by version 1 from browser storage with its sources as lists', () => {
    const storage = new MemoryStorage();
    storage.setItem(`${KEY_PREFIX}self-efficacy-log`, JSON.stringify({ version: 1, exerciseId: 'self-efficacy-log', answers: v1Answers, updatedAt: '2026-10-30T09:00:00Z', revision: 4 }));
    const store = new WorkbookStore(storage, exercises);
    const record = store.load('self-efficacy-log');
    expect(record).toMatchObject({ version: 2, revision: 4, answers: v2Answers });
    expect(checkAnswers(logFields, record!.answers)).toEqual([]);
    // The next save writes the new version, continuing the revision count.
    expect(store.save('self-efficacy-log', record!.answers, 4)).toMatchObject({ status: 'saved', record: { version: 2, revision: 5 } });
  });

  it('imports a file exported by version 1, converting the log and keeping the other exercises', () => {
    const file = {
      format: 'banso-workbook',
      version: 1,
      exportedAt: '2026-10-31T00:00:00Z',
      exercises: {
        'self-efficacy-log': { exerciseId: 'self-efficacy-log', answers: v1Answers, updatedAt: '2026-10-30T09:00:00Z', revision: 4 },
        'will-can-must': { exerciseId: 'will-can-must', answers: { source: 'vicarious' }, updatedAt: '2026-10-30T09:00:00Z', revision: 2 },
      },
    };
    const store = new WorkbookStore(new MemoryStorage(), exercises);
    const check = store.checkImport(JSON.stringify(file));
    if (!check.ok) throw new Error(check.problems.join('; '));
    expect(check.file.version).toBe(2);
    expect(store.applyImport(check.file, 'replace')).toEqual({ status: 'imported', changed: 2 });
    expect(store.load('self-efficacy-log')?.answers).toEqual(v2Answers);
    expect(store.load('will-can-must')?.answers).toEqual({ source: 'vicarious' });
  });

  it('refuses a version 2 file whose sources are still a single choice, saying what it expected', () => {
    const file = {
      format: 'banso-workbook',
      version: 2,
      exportedAt: '2026-11-30T00:00:00Z',
      exercises: { 'self-efficacy-log': { exerciseId: 'self-efficacy-log', answers: { wins: [{ source: 'mastery' }] }, updatedAt: '2026-11-30T00:00:00Z', revision: 1 } },
    };
    const check = new WorkbookStore(new MemoryStorage(), exercises).checkImport(JSON.stringify(file));
    expect(check).toEqual({
      ok: false,
      problems: ['in "self-efficacy-log": item 1 of "Wins": "Sources" should be a list of different choices from: Mastery, Vicarious, Persuasion, State'],
    });
  });
});

describe('multiselect answers', () => {
  const field = logFields[0]!;
  const sub = field.type === 'entries' ? field.fields : [];
  it('accepts any subset of the options, including none', () => {
    expect(checkAnswers(sub, { source: [] })).toEqual([]);
    expect(checkAnswers(sub, { source: ['mastery', 'state'] })).toEqual([]);
  });
  it('names the unknown choice or the repeat', () => {
    expect(checkAnswers(sub, { source: ['mastery', 'luck'] })).toEqual(['"Sources" should be a list of different choices from: Mastery, Vicarious, Persuasion, State']);
    expect(checkAnswers(sub, { source: ['mastery', 'mastery'] })).toEqual(['"Sources" should be a list of different choices from: Mastery, Vicarious, Persuasion, State']);
  });
});
