import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readInstrumentFile } from '../../src/lib/survey/instrument-file.ts';
import { copyDataset, createDataset, datasetToJson, MAX_BACKUP_BYTES, parseDatasetBackup, type Dataset, type StoredResponse } from '../../src/lib/dashboard/dataset.ts';

// Version 1 of the survey (archived): its datasets and exports must keep working now that the survey is at version 2.
const instrument = readInstrumentFile(new URL('../../content/survey/versions/1.yaml', import.meta.url));
const NOW = new Date('2026-11-25T10:00:00.000Z');

const stored = (responseId: string, changes: Partial<StoredResponse> = {}): StoredResponse => ({
  instrumentVersion: 1,
  wave: 'before',
  role: 0,
  stage: null,
  responseId,
  day: '2026-11-23',
  cohort: 'MGR-2026-11',
  anonymousCode: null,
  answers: Array.from({ length: 36 }, (_, i) => (i % 5) + 1),
  evaluation: null,
  comment: null,
  source: 'code',
  importedAt: '2026-11-25T10:00:00.000Z',
  sessionId: null,
  ...changes,
});

const dataset = (): Dataset => ({
  ...createDataset('  Managers 2026  ', instrument, NOW),
  responses: [
    stored('000000000001'),
    stored('000000000002', { source: 'sealed-file', sessionId: 'abcdefabcdef', comment: '長い感想'.repeat(100), evaluation: { satisfaction: 5, applicability: null, recommend: 0 } }),
    stored('000000000003', { source: 'csv', wave: 'follow-up', stage: 3, anonymousCode: 'sakura42', answers: Array(36).fill(null) }),
  ],
});

describe('datasets', () => {
  it('starts empty, named and tied to the survey version', () => {
    const made = createDataset('  Managers 2026  ', instrument, NOW);
    expect(made).toEqual({ format: 'banso-dataset', version: 1, id: expect.stringMatching(/^[0-9a-f]{12}$/), name: 'Managers 2026', createdAt: NOW.toISOString(), instrument: { id: 'banso-career-autonomy', version: 1 }, responses: [] });
    expect(createDataset('x', instrument).id).not.toBe(made.id);
    expect(() => createDataset('   ', instrument)).toThrow(RangeError);
    expect(() => createDataset('x'.repeat(101), instrument)).toThrow(RangeError);
  });

  it('copies a dataset under a new id and name', () => {
    const original = dataset();
    const copy = copyDataset(original, 'Restored');
    expect(copy.id).not.toBe(original.id);
    expect(copy).toMatchObject({ name: 'Restored', responses: original.responses, instrument: original.instrument });
  });
});

describe('dataset backup', () => {
  it('round-trips through its JSON text, with or without a byte order mark', () => {
    const original = dataset();
    expect(parseDatasetBackup(datasetToJson(original), instrument)).toEqual({ ok: true, dataset: original });
    expect(parseDatasetBackup(`\uFEFF${datasetToJson(original)}`)).toEqual({ ok: true, dataset: original });
    expect(parseDatasetBackup(JSON.parse(datasetToJson(original)))).toEqual({ ok: true, dataset: original });
  });

  it('says what a wrong file is', () => {
    expect(parseDatasetBackup('not json')).toMatchObject({ ok: false, error: { kind: 'not-json' } });
    expect(parseDatasetBackup('{"format":"banso-survey-response","version":1}')).toMatchObject({ ok: false, error: { kind: 'not-a-dataset' } });
    expect(parseDatasetBackup('[]')).toMatchObject({ ok: false, error: { kind: 'not-a-dataset' } });
    expect(parseDatasetBackup({ ...dataset(), version: 2, responses: 'whatever' })).toEqual({
      ok: false,
      error: { kind: 'newer-version', detail: 'it was written by a newer version of Bansō (dataset version 2; this site reads up to 1)' },
    });
  });

  it('refuses a backup larger than the limit before parsing it', () => {
    const started = performance.now();
    expect(parseDatasetBackup(' '.repeat(MAX_BACKUP_BYTES + 1))).toMatchObject({ ok: false, error: { kind: 'too-large' } });
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('refuses the whole file for one bad response, listing every problem by key path', () => {
    const bad = JSON.parse(datasetToJson(dataset()));
    bad.responses[1].wave = 'during';
    bad.responses[2].answers[4] = 9;
    bad.responses[2].extra = true;
    const result = parseDatasetBackup(bad);
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid' } });
    if (!result.ok) {
      expect(result.error.problems).toEqual([
        'responses[1].wave should be one of before, after, follow-up',
        'responses[2].extra is not part of a stored response',
        'responses[2].answers should be a list of answers from 1 to 7 or null',
      ]);
      expect(result.error.detail).toContain('responses[1].wave');
    }
  });

  it('refuses repeated response ids and a broken header', () => {
    const twice = { ...dataset(), responses: [stored('000000000001'), stored('000000000001')] };
    expect(parseDatasetBackup(twice)).toMatchObject({ ok: false, error: { kind: 'invalid', problems: ['responses[1].responseId 000000000001 appears twice'] } });
    const header = { ...dataset(), id: 'X', name: '', createdAt: 'yesterday', instrument: { id: 'banso-career-autonomy' }, extra: 1 };
    const result = parseDatasetBackup(header);
    expect(result.ok ? [] : result.error.problems).toEqual([
      'extra is not part of a dataset',
      'id should be 12 lower-case hexadecimal digits',
      'name should be text of 1–100 characters',
      'createdAt should be a date and time such as 2026-11-23T09:30:00.000Z',
      'instrument should be { "id": text, "version": a whole number from 1 to 255 }',
    ]);
  });

  it('checks responses against the survey when the backup is of this survey', () => {
    const wrong = { ...dataset(), responses: [stored('000000000001', { role: 3 })] };
    expect(parseDatasetBackup(wrong, instrument)).toMatchObject({ ok: false, error: { problems: ["responses[0]: its role (3) is not one of the survey's 2 roles"] } });
    // Another survey version: read on its structure alone, for the page to say which version it holds.
    const older = { ...wrong, instrument: { id: 'banso-career-autonomy', version: 2 }, responses: [stored('000000000001', { role: 3, instrumentVersion: 2 })] };
    expect(parseDatasetBackup(older, instrument)).toMatchObject({ ok: true });
  });
});
