import { describe, expect, it } from 'vitest';
import type { ExerciseField } from '../../src/schemas/exercise.ts';
import { KEY_PREFIX, WorkbookStore, type KeyValueStorage } from '../../src/lib/workbook/store.ts';
import { migrate, NewerVersionError } from '../../src/lib/workbook/migrations.ts';
import { checkAnswers, isBlank } from '../../src/lib/workbook/answers.ts';
import { MemoryStorage } from '../support/memory-storage.ts';


const fields: ExerciseField[] = [
  { id: 'will', type: 'textarea', label: 'Will', rows: 4 },
  { id: 'confidence', type: 'scale', label: 'Confidence', min: 1, max: 10, minLabel: 'low', maxLabel: 'high' },
  { id: 'events', type: 'entries', label: 'Events', itemLabel: 'event', fields: [{ id: 'year', type: 'year', label: 'Year' }, { id: 'what', type: 'text', label: 'What' }] },
];
const exercises = new Map([['will-can-must', fields], ['learning-journal', fields]]);
let clock = Date.parse('2026-11-23T10:00:00Z');
const tick = () => new Date((clock += 1000));

describe('workbook store', () => {
  it('saves and loads answers, counting revisions', () => {
    const store = new WorkbookStore(new MemoryStorage(), exercises, tick);
    const first = store.save('will-can-must', { will: '専門性を深めたい' }, 0);
    expect(first.status).toBe('saved');
    const second = store.save('will-can-must', { will: '専門性を深め、後輩に伝えたい' }, 1);
    expect(second).toMatchObject({ status: 'saved', record: { revision: 2 } });
    expect(store.load('will-can-must')?.answers).toEqual({ will: '専門性を深め、後輩に伝えたい' });
  });

  it('refuses a save from a tab that loaded before another tab saved, keeping the newer text', () => {
    const storage = new MemoryStorage();
    const tabA = new WorkbookStore(storage, exercises, tick);
    const tabB = new WorkbookStore(storage, exercises, tick);
    tabA.save('will-can-must', { will: 'v1' }, 0);
    tabB.save('will-can-must', { will: 'newer, from tab B' }, 1);
    const stale = tabA.save('will-can-must', { will: 'older edit from tab A' }, 1);
    expect(stale).toMatchObject({ status: 'conflict', stored: { answers: { will: 'newer, from tab B' }, revision: 2 } });
    expect(tabA.load('will-can-must')?.answers.will).toBe('newer, from tab B');
  });

  it('reports a full storage and keeps what was saved before', () => {
    const storage = new MemoryStorage(400);
    const store = new WorkbookStore(storage, exercises, tick);
    expect(store.save('will-can-must', { will: 'short' }, 0).status).toBe('saved');
    expect(store.save('will-can-must', { will: 'x'.repeat(1000) }, 1)).toEqual({ status: 'failed', reason: 'quota' });
    expect(store.load('will-can-must')?.answers.will).toBe('short');
  });

  it('reports storage that cannot be used at all', () => {
    const blocked: KeyValueStorage = {
      length: 0,
      key: () => null,
      getItem: () => null,
      setItem: () => {
        throw Object.assign(new Error('denied'), { name: 'SecurityError' });
      },
      removeItem: () => {},
    };
    const store = new WorkbookStore(blocked, exercises, tick);
    expect(store.probe()).toBe('unavailable');
    expect(store.save('will-can-must', { will: 'x' }, 0)).toEqual({ status: 'failed', reason: 'unavailable' });
  });

  it('moves an unreadable record aside instead of losing it', () => {
    const storage = new MemoryStorage();
    storage.setItem(`${KEY_PREFIX}will-can-must`, '{"version":1,"answers":{"will":'); // cut off mid-write
    const store = new WorkbookStore(storage, exercises, tick);
    expect(store.load('will-can-must')).toBeUndefined();
    const backup = [...storage.items].find(([key]) => key.startsWith('banso:unreadable:will-can-must:'));
    expect(backup?.[1]).toBe('{"version":1,"answers":{"will":');
  });

  it('keeps answers that no longer fit an edited exercise, instead of discarding them', () => {
    const storage = new MemoryStorage();
    storage.setItem(`${KEY_PREFIX}will-can-must`, JSON.stringify({ version: 1, exerciseId: 'will-can-must', answers: { removedField: 'still mine', will: 'x' }, updatedAt: '2026-11-01T00:00:00Z', revision: 3 }));
    const store = new WorkbookStore(storage, exercises, tick);
    expect(store.load('will-can-must')?.answers).toEqual({ removedField: 'still mine', will: 'x' });
  });

  it('leaves a record from a newer version of the kit untouched', () => {
    const storage = new MemoryStorage();
    const newer = JSON.stringify({ version: 3, exerciseId: 'will-can-must', answers: {}, updatedAt: '2027-01-01T00:00:00Z', revision: 1 });
    storage.setItem(`${KEY_PREFIX}will-can-must`, newer);
    const store = new WorkbookStore(storage, exercises, tick);
    expect(() => store.load('will-can-must')).toThrow(NewerVersionError);
    expect(storage.getItem(`${KEY_PREFIX}will-can-must`)).toBe(newer);
  });

  it('exports and re-imports the same workbook on a fresh browser', () => {
    const store = new WorkbookStore(new MemoryStorage(), exercises, tick);
    store.save('will-can-must', { will: '<script>alert(1)</script> は文字として残る', confidence: 7 }, 0);
    store.save('learning-journal', { events: [{ year: 2019, what: '異動' }] }, 0);
    const text = JSON.stringify(store.exportFile());
    const fresh = new WorkbookStore(new MemoryStorage(), exercises, tick);
    const check = fresh.checkImport(text);
    expect(check).toMatchObject({ ok: true, exerciseCount: 2 });
    if (!check.ok) return;
    expect(fresh.applyImport(check.file, 'replace')).toEqual({ status: 'imported', changed: 2 });
    expect(fresh.all().map((r) => [r.exerciseId, r.answers])).toEqual(store.all().map((r) => [r.exerciseId, r.answers]));
  });

  it('merges by keeping, for each exercise, the version changed last', () => {
    const device = new WorkbookStore(new MemoryStorage(), exercises, tick);
    device.save('will-can-must', { will: 'old on this device' }, 0);
    const other = new WorkbookStore(new MemoryStorage(), exercises, tick);
    other.save('will-can-must', { will: 'newer on the other device' }, 0);
    other.save('learning-journal', { will: 'only on the other device' }, 0);
    device.save('learning-journal', { will: 'newest here' }, 0);
    const check = device.checkImport(JSON.stringify(other.exportFile()));
    if (!check.ok) throw new Error(check.problems.join());
    expect(device.applyImport(check.file, 'merge')).toEqual({ status: 'imported', changed: 1 });
    expect(device.load('will-can-must')?.answers.will).toBe('newer on the other device');
    expect(device.load('learning-journal')?.answers.will).toBe('newest here');
  });

  it('restores everything when an import runs out of space halfway', () => {
    const storage = new MemoryStorage(700);
    const store = new WorkbookStore(storage, exercises, tick);
    store.save('will-can-must', { will: 'keep me' }, 0);
    const before = new Map(storage.items);
    const file = {
      format: 'banso-workbook' as const,
      version: 2 as const,
      exportedAt: '2026-11-23T00:00:00Z',
      exercises: {
        'learning-journal': { exerciseId: 'learning-journal', answers: { will: 'fits' }, updatedAt: '2026-11-24T00:00:00Z', revision: 1 },
        'will-can-must': { exerciseId: 'will-can-must', answers: { will: 'y'.repeat(600) }, updatedAt: '2026-11-24T00:00:00Z', revision: 1 },
      },
    };
    expect(store.applyImport(file, 'replace')).toEqual({ status: 'failed', reason: 'quota' });
    expect(storage.items).toEqual(before);
  });

  it('explains why a file cannot be imported, and imports nothing', () => {
    const store = new WorkbookStore(new MemoryStorage(), exercises, tick);
    const wrapped = (exercisesSection: unknown, version = 1) => JSON.stringify({ format: 'banso-workbook', version, exportedAt: '2026-11-23T00:00:00Z', exercises: exercisesSection });
    const problemsOf = (text: string) => {
      const check = store.checkImport(text);
      return check.ok ? [] : check.problems;
    };
    expect(problemsOf('%PDF-1.7')).toEqual(['the file is not a Bansō workbook (it is not JSON text)']);
    expect(problemsOf('{"name":"something else"}')).toEqual(['the file is not a Bansō workbook (it lacks "format": "banso-workbook")']);
    expect(problemsOf(wrapped({}, 4))).toEqual(['it was written by a newer version of Bansō (format version 4; this site reads up to 2)']);
    expect(problemsOf(wrapped({ 'secret-exercise': { answers: {}, updatedAt: '2026-01-01T00:00:00Z' } }))).toEqual(['"secret-exercise" is not an exercise on this site']);
    expect(problemsOf(wrapped({ 'will-can-must': { answers: { confidence: 11, will: 3 }, updatedAt: '2026-01-01T00:00:00Z' } }))).toEqual([
      'in "will-can-must": "Confidence" should be a whole number from 1 to 10',
      'in "will-can-must": "Will" should be text',
    ]);
    expect(problemsOf(wrapped({ 'will-can-must': { answers: { events: [{ year: 'last year' }] }, updatedAt: '2026-01-01T00:00:00Z' } }))).toEqual([
      'in "will-can-must": item 1 of "Events": "Year" should be a year from 1900 to 2200',
    ]);
    expect(store.all()).toEqual([]);
  });

  it('erases every answer from the browser', () => {
    const storage = new MemoryStorage();
    storage.setItem('unrelated', 'kept');
    const store = new WorkbookStore(storage, exercises, tick);
    store.save('will-can-must', { will: 'x' }, 0);
    store.eraseAll();
    expect([...storage.items.keys()]).toEqual(['unrelated']);
  });
});

describe('migrations', () => {
  it('applies each step in order up to the target version', () => {
    const steps = { 1: (d: Record<string, unknown>) => ({ ...d, renamed: d.old }), 2: (d: Record<string, unknown>) => ({ ...d, added: true }) };
    expect(migrate({ version: 1, old: 'x' }, steps, 3)).toEqual({ version: 3, old: 'x', renamed: 'x', added: true });
  });

  it('rejects a version it has no way to read', () => {
    expect(() => migrate({ version: 0 })).toThrow('no valid format version');
    expect(() => migrate({ version: 1 }, {}, 2)).toThrow('no migration from format version 1');
    expect(() => migrate({ version: 5 })).toThrow(NewerVersionError);
  });
});

describe('answer checks', () => {
  it('treats untouched answers as blank', () => {
    expect(isBlank({ will: '', confidence: null, events: [] })).toBe(true);
    expect(isBlank({ will: 'a' })).toBe(false);
  });

  it('rejects answers that are not a set of fields', () => {
    expect(checkAnswers(fields, [1, 2])).toEqual(['the answers should be a set of named fields']);
  });
});
