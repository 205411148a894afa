// IndexedDB in Node: fake-indexeddb, a complete in-memory implementation (its own structured clone included).
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readInstrumentFile } from '../../src/lib/survey/instrument-file.ts';
import { suggestMapping } from '../../src/lib/dashboard/csv-mapping.ts';
import { createDataset, type Dataset, type StoredResponse } from '../../src/lib/dashboard/dataset.ts';
import { DatasetStore } from '../../src/lib/dashboard/dataset-store.ts';

// Version 1 of the survey (archived): its datasets and exports must keep working now that the survey is at version 2.
const instrument = readInstrumentFile(new URL('../../content/survey/versions/1.yaml', import.meta.url));
let clock = Date.parse('2026-11-25T10:00:00.000Z');
const now = () => new Date((clock += 1000));

const stored = (index: number): StoredResponse => ({
  instrumentVersion: 1,
  wave: index % 2 ? 'after' : 'before',
  role: index % 2,
  stage: null,
  responseId: index.toString(16).padStart(12, '0'),
  day: '2026-11-23',
  cohort: 'MGR-2026-11',
  anonymousCode: null,
  answers: Array.from({ length: 36 }, (_, i) => ((index + i) % 5) + 1),
  evaluation: null,
  comment: null,
  source: 'code',
  importedAt: '2026-11-25T10:00:00.000Z',
  sessionId: null,
});
const withResponses = (dataset: Dataset, count: number): Dataset => ({ ...dataset, responses: Array.from({ length: count }, (_, i) => stored(i)) });

let store: DatasetStore;
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  store = await DatasetStore.open(now);
});
afterEach(() => store.close());

describe('dataset store', () => {
  it('saves a new dataset whole and reads it back, listing only its summary', async () => {
    const dataset = withResponses(createDataset('Managers 2026', instrument), 3);
    expect(await store.list()).toEqual([]);
    const saved = await store.save(dataset, 0);
    expect(saved).toMatchObject({ status: 'saved', summary: { id: dataset.id, name: 'Managers 2026', responseCount: 3, revision: 1, instrument: { id: 'banso-career-autonomy', version: 1 } } });
    expect(await store.get(dataset.id)).toEqual({ dataset, revision: 1 });
    expect(await store.list()).toEqual([saved.status === 'saved' && saved.summary]);
    expect(await store.get('000000000000')).toBeUndefined();
  });

  it('keeps several datasets, the most recently changed first', async () => {
    const first = createDataset('First', instrument);
    const second = createDataset('Second', instrument);
    await store.save(first, 0);
    await store.save(second, 0);
    await store.save(withResponses(first, 1), 1);
    expect((await store.list()).map((summary) => [summary.name, summary.revision, summary.responseCount])).toEqual([
      ['First', 2, 1],
      ['Second', 1, 0],
    ]);
  });

  it('refuses a save over a newer revision (another tab imported first), changing nothing', async () => {
    const dataset = createDataset('Pilot', instrument);
    await store.save(withResponses(dataset, 2), 0);
    await store.save(withResponses(dataset, 5), 1);
    const stale = await store.save(withResponses(dataset, 3), 1);
    expect(stale).toMatchObject({ status: 'conflict', stored: { revision: 2, responseCount: 5 } });
    expect((await store.get(dataset.id))!.dataset.responses).toHaveLength(5);
    expect(await store.save(createDataset('Pilot', instrument), 4)).toEqual({ status: 'conflict', stored: undefined });
  });

  it('deletes a dataset with all its responses', async () => {
    const keep = createDataset('Keep', instrument);
    const drop = withResponses(createDataset('Drop', instrument), 10);
    await store.save(keep, 0);
    await store.save(drop, 0);
    await store.delete(drop.id);
    expect(await store.get(drop.id)).toBeUndefined();
    expect((await store.list()).map((summary) => summary.name)).toEqual(['Keep']);
  });

  it('holds a dataset of 20,000 responses', async () => {
    const large = withResponses(createDataset('Company-wide', instrument), 20_000);
    expect(await store.save(large, 0)).toMatchObject({ status: 'saved', summary: { responseCount: 20_000 } });
    const read = await store.get(large.id);
    expect(read!.dataset.responses).toHaveLength(20_000);
    expect(read!.dataset.responses[19_999]).toEqual(large.responses[19_999]);
  });

  it('saves, lists and deletes CSV mappings by name', async () => {
    const mapping = suggestMapping(['ID', '名前', 'ca1'], instrument);
    await store.saveMapping('Microsoft Forms (HR)', mapping);
    await store.saveMapping('Google Forms', { ...mapping, dayOrder: 'dmy' });
    await store.saveMapping('Microsoft Forms (HR)', { ...mapping, columns: mapping.columns.slice(0, 2) });
    const saved = await store.listMappings();
    expect(saved.map((entry) => entry.name)).toEqual(['Microsoft Forms (HR)', 'Google Forms']);
    expect(saved[0]!.mapping.columns).toHaveLength(2);
    await store.deleteMapping('Google Forms');
    expect((await store.listMappings()).map((entry) => entry.name)).toEqual(['Microsoft Forms (HR)']);
  });
});
