/**
 * The dashboard's worker (src/lib/dashboard/analysis-worker-protocol.ts and its entry,
 * src/islands/dashboard/analysis.worker.ts): it reads the stored dataset itself, answers each view with exactly
 * what analyseDataset gives, reads again only for a newer revision, and runs and cancels the bootstrap on the
 * view's model columns.
 */
// IndexedDB in Node: fake-indexeddb, a complete in-memory implementation (its own structured clone included).
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { analyseDataset, modelColumns } from '../../src/lib/dashboard/analysis.ts';
import { createAnalysisWorkerHandler, type AnalysisSource, type AnalysisWorkerMessage, type AnalysisWorkerRequest } from '../../src/lib/dashboard/analysis-worker-protocol.ts';
import { runBootstrapJob, type BootstrapWorkerMessage } from '../../src/lib/dashboard/bootstrap-protocol.ts';
import { IDBFactory } from 'fake-indexeddb';
import { DatasetStore, readStoredResponses } from '../../src/lib/dashboard/dataset-store.ts';
import type { Dataset } from '../../src/lib/dashboard/dataset.ts';
import { demoDataset } from '../../src/lib/dashboard/demo.ts';
import { readInstrumentFile } from '../../src/lib/survey/instrument-file.ts';

const instrument = readInstrumentFile(new URL('../../content/survey/instrument.yaml', import.meta.url));
const privacy = { minGroupSize: 5, minCommentGroupSize: 10 };
const dataset: Dataset = demoDataset(instrument, 'Worker test', { people: 150, seed: 3 });
const source = (revision = 1, datasetId = dataset.id): AnalysisSource => ({ datasetId, revision, instrument, privacy });

/** A handler whose dataset reads are counted, answering from a map of stored datasets. */
function handlerWith(stored: Map<string, { responses: Dataset['responses']; revision: number }>) {
  const messages: AnalysisWorkerMessage[] = [];
  const load = vi.fn(async (id: string) => stored.get(id));
  const handle = createAnalysisWorkerHandler((message) => messages.push(message), load);
  return { messages, load, handle };
}

describe('the analysis in the worker', () => {
  it('answers each view with what analyseDataset gives, reading the dataset once', async () => {
    const { messages, load, handle } = handlerWith(new Map([[dataset.id, { responses: dataset.responses, revision: 1 }]]));
    await Promise.all([handle({ kind: 'analyse', jobId: 1, source: source(), filter: { wave: 'all' } }), handle({ kind: 'analyse', jobId: 2, source: source(), filter: { wave: 'after', pair: 'before-follow-up' } })]);
    await handle({ kind: 'analyse', jobId: 3, source: source(), filter: { wave: 'before' } });
    expect(load).toHaveBeenCalledTimes(1);
    expect(messages.map((m) => m.kind === 'analysis' && [m.jobId, m.revision])).toEqual([
      [1, 1],
      [2, 1],
      [3, 1],
    ]);
    const analyses = messages.map((m) => (m.kind === 'analysis' ? m.analysis : null));
    expect(analyses[0]).toEqual(analyseDataset(dataset, instrument, privacy, { wave: 'all' }));
    expect(analyses[1]).toEqual(analyseDataset(dataset, instrument, privacy, { wave: 'after', pair: 'before-follow-up' }));
    expect(analyses[2]!.view.wave).toBe('before');
  });

  it('reads again for a newer revision, and never analyses one dataset under another name', async () => {
    const stored = new Map([[dataset.id, { responses: dataset.responses.slice(0, 60), revision: 1 }]]);
    const { messages, load, handle } = handlerWith(stored);
    await handle({ kind: 'analyse', jobId: 1, source: source(1), filter: {} });
    stored.set(dataset.id, { responses: dataset.responses, revision: 2 });
    await handle({ kind: 'analyse', jobId: 2, source: source(2), filter: {} });
    await handle({ kind: 'analyse', jobId: 3, source: source(1, 'aaaaaaaaaaaa'), filter: {} });
    expect(load).toHaveBeenCalledTimes(3);
    const [first, second, third] = messages;
    expect(first?.kind === 'analysis' && first.analysis.view.responses).toBe(60);
    expect(second?.kind === 'analysis' && second.analysis.view.responses).toBe(dataset.responses.length);
    expect(third).toEqual({ kind: 'error', jobId: 3, message: 'dataset aaaaaaaaaaaa is not stored in this browser (it may have been deleted in another tab)' });
  });

  it('answers a message of another kind, or a broken filter, with an error', async () => {
    const { messages, handle } = handlerWith(new Map([[dataset.id, { responses: dataset.responses, revision: 1 }]]));
    await handle({ kind: 'start', jobId: 4 } as unknown as AnalysisWorkerRequest);
    await handle({ kind: 'analyse', jobId: 5, source: source(), filter: { pair: 'sideways' as never } });
    expect(messages[0]).toEqual({ kind: 'error', jobId: 4, message: "a message of kind 'analyse', 'bootstrap', 'demo' or 'cancel'" });
    expect(messages[1]).toMatchObject({ kind: 'error', jobId: 5, message: expect.stringContaining('the pair of waves must be one of') });
  });
});

describe('the demo dataset from the worker', () => {
  it('is the demo dataset, named in the page language, for the survey asked', async () => {
    const { messages, handle } = handlerWith(new Map());
    await handle({ kind: 'demo', jobId: 9, instrument, name: 'デモ' });
    const message = messages[0];
    if (message?.kind !== 'demo') throw new Error(`no demo: ${JSON.stringify(message)}`);
    const expected = demoDataset(instrument, 'デモ', { now: new Date(message.dataset.createdAt) });
    expect(message.dataset).toEqual({ ...expected, id: message.dataset.id });
    expect(message.dataset.responses).toHaveLength(expected.responses.length);
  });
});

describe('the bootstrap in the worker', () => {
  it("resamples the view's model columns, as runBootstrapJob does with them", async () => {
    const { messages, handle } = handlerWith(new Map([[dataset.id, { responses: dataset.responses, revision: 1 }]]));
    await handle({ kind: 'bootstrap', jobId: 6, source: source(), filter: { wave: 'before' }, resamples: 100, seed: 11 });
    const expected: BootstrapWorkerMessage[] = [];
    await runBootstrapJob({ kind: 'run', jobId: 6, columns: modelColumns(dataset, instrument, privacy, { wave: 'before' })!, resamples: 100, seed: 11 }, (message) => expected.push(message));
    expect(messages.map((m) => m.kind)).toEqual(['progress', 'progress', 'result']);
    expect(messages).toEqual(expected);
  });

  it('stops on cancel', async () => {
    const { messages, handle } = handlerWith(new Map([[dataset.id, { responses: dataset.responses, revision: 1 }]]));
    const running = handle({ kind: 'bootstrap', jobId: 7, source: source(), filter: {}, resamples: 5000, seed: 1 });
    await vi.waitFor(() => expect(messages.some((m) => m.kind === 'progress')).toBe(true));
    await handle({ kind: 'cancel', jobId: 7 });
    await running;
    expect(messages.at(-1)).toEqual({ kind: 'cancelled', jobId: 7 });
  });
});

describe('the worker entry', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('reads nothing, and creates no database, where the dashboard has stored nothing', async () => {
    vi.stubGlobal('indexedDB', new IDBFactory());
    expect(await readStoredResponses(dataset.id)).toBeUndefined();
    expect(await indexedDB.databases()).toEqual([]);
  });

  it('reads what DatasetStore stored, and undefined for a dataset it does not hold', async () => {
    vi.stubGlobal('indexedDB', new IDBFactory());
    const store = await DatasetStore.open();
    await store.save(dataset, 0);
    expect(await readStoredResponses(dataset.id)).toEqual({ responses: dataset.responses, revision: 1 });
    expect(await readStoredResponses('aaaaaaaaaaaa')).toBeUndefined();
    store.close();
  });

  it('analyses the dataset stored in IndexedDB and answers on its global scope', async () => {
    const store = await DatasetStore.open();
    const saved = await store.save(dataset, 0);
    if (saved.status !== 'saved') throw new Error('not saved');
    const posted: AnalysisWorkerMessage[] = [];
    const scope: { onmessage: ((event: { data: unknown }) => void) | null; postMessage: (message: AnalysisWorkerMessage) => void } = { onmessage: null, postMessage: (message) => posted.push(message) };
    vi.stubGlobal('self', scope);
    await import('../../src/islands/dashboard/analysis.worker.ts');
    scope.onmessage!({ data: { kind: 'analyse', jobId: 8, source: source(saved.summary.revision), filter: { wave: 'all' } } });
    await vi.waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toEqual({ kind: 'analysis', jobId: 8, revision: saved.summary.revision, analysis: analyseDataset(dataset, instrument, privacy, { wave: 'all' }) });
    store.close();
  });
});
