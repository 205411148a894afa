/**
 * The mediation bootstrap's worker protocol (src/lib/dashboard/bootstrap-protocol.ts) and the worker entry
 * (the analysis worker's entry is tested in dashboard-analysis-worker.test.ts).
 * The intervals themselves are tested against statsmodels in stats-mediation.test.ts; here: messages, progress,
 * cancellation, determinism, nulls for NaN, and that the job gives what bootstrapMediationSync gives.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { modelColumns } from '../../src/lib/dashboard/analysis.ts';
import {
  createBootstrapWorkerHandler,
  readMediation,
  runBootstrapJob,
  type BootstrapColumns,
  type BootstrapRunRequest,
  type BootstrapWorkerMessage,
} from '../../src/lib/dashboard/bootstrap-protocol.ts';
import type { StoredResponse } from '../../src/lib/dashboard/dataset.ts';
import { bootstrapMediationSync } from '../../src/lib/stats/mediation-bootstrap.ts';
import { generateCohort } from '../../src/lib/stats/synthetic.ts';
import { readInstrumentFile } from '../../src/lib/survey/instrument-file.ts';

const instrument = readInstrumentFile(new URL('../../content/survey/instrument.yaml', import.meta.url));
const itemIds = instrument.scales.flatMap((scale) => scale.items.map((item) => item.id));
const responses: StoredResponse[] = generateCohort(instrument, { people: 400, seed: 9, afterShare: 0 }).responses.map((response, i) => ({
  instrumentVersion: 1,
  wave: response.wave,
  role: instrument.roles.findIndex((role) => role.id === response.role),
  stage: instrument.careerStages.findIndex((stage) => stage.id === response.stage),
  responseId: i.toString(16).padStart(12, '0'),
  day: '2026-11-23',
  cohort: response.cohort,
  anonymousCode: response.anonymousCode,
  answers: itemIds.map((id) => response.answers[id] ?? null),
  evaluation: null,
  comment: null,
  source: 'code',
  importedAt: '2026-11-25T10:00:00.000Z',
  sessionId: null,
}));
const PRIVACY = { minGroupSize: 5, minCommentGroupSize: 10 };

/** Fresh columns for every request (a transfer would detach them). */
const columns = (): BootstrapColumns => modelColumns({ responses }, instrument, PRIVACY)!;
const request = (changes: Partial<BootstrapRunRequest> = {}): BootstrapRunRequest => ({ kind: 'run', jobId: 7, columns: columns(), resamples: 200, seed: 42, ...changes });

async function run(job: BootstrapRunRequest, signal?: AbortSignal) {
  const messages: BootstrapWorkerMessage[] = [];
  const transfers: (Transferable[] | undefined)[] = [];
  await runBootstrapJob(job, (message, transfer) => {
    messages.push(message);
    transfers.push(transfer);
  }, signal);
  return { messages, transfers };
}

function resultOf(messages: BootstrapWorkerMessage[]) {
  const last = messages.at(-1)!;
  if (last.kind !== 'result' || !last.result.ok) throw new Error(`no result: ${JSON.stringify(last)}`);
  return last.result;
}

describe('runBootstrapJob', () => {
  it('reports progress after every chunk, then one result with the intervals of bootstrapMediationSync', async () => {
    const { messages, transfers } = await run(request({ chunkSize: 50 }));
    expect(messages.slice(0, -1)).toEqual([50, 100, 150, 200].map((done) => ({ kind: 'progress', jobId: 7, done, total: 200 })));
    const result = resultOf(messages);
    const c = columns();
    const reference = bootstrapMediationSync({ x: c.x, mediators: c.mediators, y: c.y, names: c.names }, { resamples: 200, seed: 42 });
    if (!reference.ok) throw new Error('reference');
    expect(result).toMatchObject({ ok: true, n: reference.n, resamples: 200, failed: 0, seed: 42, level: 0.95, names: { x: 'awareness', mediators: ['environment', 'achievement'], y: 'engagement' } });
    expect(result.indirect).toEqual(reference.indirect.map(({ estimate, lower, upper }) => ({ estimate, lower, upper })));
    expect(result.totalIndirect).toEqual({ estimate: reference.totalIndirect.estimate, lower: reference.totalIndirect.lower, upper: reference.totalIndirect.upper });
    expect(result.distributions.totalIndirect).toEqual(reference.distributions.totalIndirect);
    // The distributions go back without a copy.
    expect(transfers.at(-1)).toEqual([...result.distributions.indirect, result.distributions.totalIndirect].map((array) => array.buffer));
  });

  it('gives the same intervals for the same seed, and others for another seed', async () => {
    const first = resultOf((await run(request())).messages);
    const again = resultOf((await run(request())).messages);
    const other = resultOf((await run(request({ seed: 43 }))).messages);
    expect(again.indirect).toEqual(first.indirect);
    expect(again.contrasts).toEqual(first.contrasts);
    expect(other.indirect[0]!.lower).not.toBe(first.indirect[0]!.lower);
    expect(other.indirect[0]!.estimate).toBe(first.indirect[0]!.estimate);
  });

  it('reads the synthetic model’s indirect effects as supported', async () => {
    const result = resultOf((await run(request())).messages);
    expect(result.reading.kind).toBe('supported');
    expect(result.reading.paths.map((path) => path.mediator)).toEqual(['environment', 'achievement']);
    expect(result.reading.totalIndirect.supported).toBe(true);
  });

  it('stops between chunks when the signal is aborted, and says so', async () => {
    const controller = new AbortController();
    const messages: BootstrapWorkerMessage[] = [];
    await runBootstrapJob(request({ resamples: 1000, chunkSize: 50 }), (message) => {
      messages.push(message);
      if (message.kind === 'progress' && message.done === 100) controller.abort();
    }, controller.signal);
    expect(messages.map((message) => message.kind)).toEqual(['progress', 'progress', 'cancelled']);
  });

  it('answers a bad request with an error message, never a throw', async () => {
    const c = columns();
    const { messages } = await run(request({ columns: { ...c, y: c.y.subarray(1) } }));
    expect(messages).toEqual([{ kind: 'error', jobId: 7, message: expect.stringContaining('same length') }]);
    expect((await run(request({ resamples: 0 }))).messages[0]).toMatchObject({ kind: 'error', message: expect.stringContaining('resamples') });
    expect((await run(request({ seed: 0.5 }))).messages[0]).toMatchObject({ kind: 'error', message: expect.stringContaining('seed') });
  });

  it('passes on a model that cannot be fitted as a result, not an error', async () => {
    const flat = new Float64Array(10).fill(3);
    const { messages } = await run(request({ columns: { x: flat, mediators: [flat.slice(), flat.slice()], y: flat.slice(), names: { x: 'x', mediators: ['m1', 'm2'], y: 'y' } } }));
    expect(messages).toEqual([{ kind: 'result', jobId: 7, result: { ok: false, reason: 'collinear', n: 10 } }]);
  });
});

describe('the worker message handler', () => {
  it('cancels a running job on a cancel message and leaves other jobs alone', async () => {
    const messages: BootstrapWorkerMessage[] = [];
    let handle!: ReturnType<typeof createBootstrapWorkerHandler>;
    handle = createBootstrapWorkerHandler((message) => {
      messages.push(message);
      if (message.kind === 'progress' && message.jobId === 1 && message.done === 50) void handle({ kind: 'cancel', jobId: 1 });
    });
    await Promise.all([handle(request({ jobId: 1, resamples: 500 })), handle(request({ jobId: 2, resamples: 100 }))]);
    const ofJob = (jobId: number) => messages.filter((message) => message.jobId === jobId).map((message) => message.kind);
    expect(ofJob(1)).toEqual(['progress', 'cancelled']);
    expect(ofJob(2)).toEqual(['progress', 'progress', 'result']);
    // A cancel after the end, or for no job, does nothing.
    await handle({ kind: 'cancel', jobId: 2 });
    await handle({ kind: 'cancel', jobId: 99 });
    expect(messages).toHaveLength(5);
  });

  it('answers a message of another kind with an error', async () => {
    const messages: BootstrapWorkerMessage[] = [];
    await createBootstrapWorkerHandler((message) => messages.push(message))({ kind: 'start', jobId: 3 } as never);
    expect(messages).toEqual([{ kind: 'error', jobId: 3, message: "a message of kind 'run' or 'cancel'" }]);
  });
});

describe('helpers', () => {
  it('reads mediation from the intervals: supported, partly, not; full or partial', () => {
    const interval = (lower: number, upper: number) => ({ estimate: (lower + upper) / 2, lower, upper });
    const names = { x: 'awareness', mediators: ['environment', 'achievement'], y: 'engagement' };
    expect(readMediation({ names, indirect: [interval(0.1, 0.2), interval(0.05, 0.3)], totalIndirect: interval(0.2, 0.4), direct: interval(-0.05, 0.1) })).toMatchObject({ kind: 'supported', mediation: 'full' });
    expect(readMediation({ names, indirect: [interval(0.1, 0.2), interval(-0.05, 0.3)], totalIndirect: interval(0.1, 0.4), direct: interval(0.05, 0.1) })).toMatchObject({ kind: 'partly-supported', mediation: 'partial' });
    expect(readMediation({ names, indirect: [interval(-0.1, 0.2)], totalIndirect: interval(-0.1, 0.2), direct: interval(0.1, 0.3) })).toMatchObject({ kind: 'not-supported', mediation: 'none' });
    expect(readMediation({ names, indirect: [{ estimate: null, lower: null, upper: null }], totalIndirect: { estimate: null, lower: null, upper: null }, direct: interval(0, 1) }).kind).toBe('not-supported');
  });
});
