/**
 * The mediation bootstrap's jobs: a run request with the model's columns, progress, cancel, and the result, as
 * plain functions so they are tested and benchmarked without a worker. The dashboard's worker
 * (analysis-worker-protocol.ts) reads the dataset, takes the model's columns for the view (`modelColumns` in
 * analysis.ts) and hands them to the handler here:
 *
 *   const handle = createBootstrapWorkerHandler(post);
 *   handle({ kind: 'run', jobId: 1, columns, resamples: 2000, seed: 20260101 });   // progress …, then result
 *   handle({ kind: 'cancel', jobId: 1 });                                             // the "Stop" button
 *
 * The same columns, resamples and seed give the same intervals in every browser (stats/random.ts). Interval
 * bounds are null rather than NaN, as in the analysis; the resampled distributions stay Float64Arrays (moved back
 * with the result, for a histogram) and hold NaN for a failed resample.
 */
import { bootstrapMediation, type MediationBootstrap, type PercentileInterval } from '../stats/mediation-bootstrap.ts';
import type { MediationInput } from '../stats/mediation.ts';
import { bootstrapEstimable } from './analysis/sample-minimums.ts';

/** The model's columns, complete cases only (`modelColumns` in analysis.ts), one entry per response. */
export interface BootstrapColumns {
  x: Float64Array;
  mediators: Float64Array[];
  y: Float64Array;
  names: { x: string; mediators: string[]; y: string };
}

export interface BootstrapRunRequest {
  kind: 'run';
  /** Chosen by the dashboard; every message about the job carries it. */
  jobId: number;
  columns: BootstrapColumns;
  /** 1 to MAX_RESAMPLES; 2,000 keeps to the budget (≤ 3 s at 20,000 responses). */
  resamples: number;
  seed: number;
  /** Interval coverage, 0.95 by default. */
  level?: number;
  /** Resamples between progress messages, 50 by default. */
  chunkSize?: number;
}

export interface BootstrapCancelRequest {
  kind: 'cancel';
  jobId: number;
}

export type BootstrapWorkerRequest = BootstrapRunRequest | BootstrapCancelRequest;

export interface NullableInterval {
  estimate: number | null;
  lower: number | null;
  upper: number | null;
}

export interface BootstrapIntervals {
  ok: true;
  n: number;
  names: { x: string; mediators: string[]; y: string };
  resamples: number;
  /** Resamples that could not be fitted, left out of the percentiles. */
  failed: number;
  seed: number;
  level: number;
  a: NullableInterval[];
  b: NullableInterval[];
  indirect: NullableInterval[];
  totalIndirect: NullableInterval;
  direct: NullableInterval;
  total: NullableInterval;
  /** indirect[i] − indirect[j] for i < j. */
  contrasts: NullableInterval[];
  distributions: { indirect: Float64Array[]; totalIndirect: Float64Array };
  reading: MediationReading;
}

/**
 * 'not-estimable': more resamples failed than MAX_FAILED_RESAMPLE_SHARE allows (analysis/sample-minimums.ts), so
 * no interval is given: the percentiles would rest on an unknown, non-random part of the resamples.
 */
export type BootstrapOutcome =
  | BootstrapIntervals
  | { ok: false; reason: 'too-few-cases' | 'collinear'; n: number }
  | { ok: false; reason: 'not-estimable'; n: number; resamples: number; failed: number };

export type BootstrapWorkerMessage =
  | { kind: 'progress'; jobId: number; done: number; total: number }
  | { kind: 'result'; jobId: number; result: BootstrapOutcome }
  | { kind: 'cancelled'; jobId: number }
  | { kind: 'error'; jobId: number; message: string };

/** Sends a message out of the worker, moving the listed buffers. */
export type PostBootstrapMessage = (message: BootstrapWorkerMessage, transfer?: Transferable[]) => void;

export const MAX_RESAMPLES = 100_000;

/**
 * For one plain-language sentence: an indirect effect is supported when its percentile interval excludes zero
 * (Preacher & Hayes 2008). 'supported': every path; 'partly-supported': some; 'not-supported': none. `mediation`
 * says whether awareness still has a direct effect beside the indirect ones ('partial') or not ('full').
 */
export interface MediationReading {
  kind: 'supported' | 'partly-supported' | 'not-supported';
  paths: { mediator: string; estimate: number | null; lower: number | null; upper: number | null; supported: boolean }[];
  totalIndirect: { estimate: number | null; lower: number | null; upper: number | null; supported: boolean };
  mediation: 'full' | 'partial' | 'none';
}

const nullable = (value: number) => (Number.isFinite(value) ? value : null);
const toInterval = (value: PercentileInterval): NullableInterval => ({ estimate: nullable(value.estimate), lower: nullable(value.lower), upper: nullable(value.upper) });
const excludesZero = (value: NullableInterval) => value.lower !== null && value.upper !== null && (value.lower > 0 || value.upper < 0);

export function readMediation(result: Pick<BootstrapIntervals, 'names' | 'indirect' | 'totalIndirect' | 'direct'>): MediationReading {
  const paths = result.indirect.map((path, i) => ({ mediator: result.names.mediators[i] ?? `m${i + 1}`, ...path, supported: excludesZero(path) }));
  const supported = paths.filter((path) => path.supported).length;
  const totalIndirect = { ...result.totalIndirect, supported: excludesZero(result.totalIndirect) };
  return {
    kind: supported === 0 ? 'not-supported' : supported === paths.length ? 'supported' : 'partly-supported',
    paths,
    totalIndirect,
    mediation: supported === 0 && !totalIndirect.supported ? 'none' : excludesZero(result.direct) ? 'partial' : 'full',
  };
}

function intervals(result: MediationBootstrap, level: number): BootstrapIntervals {
  const base = {
    n: result.n,
    names: result.names,
    indirect: result.indirect.map(toInterval),
    totalIndirect: toInterval(result.totalIndirect),
    direct: toInterval(result.direct),
  };
  return {
    ok: true,
    ...base,
    resamples: result.resamples,
    failed: result.failed,
    seed: result.seed,
    level,
    a: result.a.map(toInterval),
    b: result.b.map(toInterval),
    total: toInterval(result.total),
    contrasts: result.contrasts.map(toInterval),
    distributions: result.distributions,
    reading: readMediation(base),
  };
}

/** Why a request cannot run, or null. Messages come from another thread, so nothing about them is assumed. */
export function requestProblem(request: BootstrapRunRequest): string | null {
  const { columns, resamples, seed, level = 0.95, chunkSize = 50 } = request;
  if (!columns || !(columns.x instanceof Float64Array) || !(columns.y instanceof Float64Array) || !Array.isArray(columns.mediators)) return 'columns: x, mediators and y as Float64Arrays';
  if (columns.mediators.length < 1 || !columns.mediators.every((m) => m instanceof Float64Array)) return 'columns.mediators: at least one Float64Array';
  const n = columns.x.length;
  if (columns.y.length !== n || columns.mediators.some((m) => m.length !== n)) return 'columns: x, every mediator and y must have one value per response (the same length)';
  if (!Number.isInteger(resamples) || resamples < 1 || resamples > MAX_RESAMPLES) return `resamples: a whole number from 1 to ${MAX_RESAMPLES}`;
  if (!Number.isSafeInteger(seed)) return 'seed: a whole number';
  if (!(level > 0 && level < 1)) return 'level: between 0 and 1';
  if (!Number.isInteger(chunkSize) || chunkSize < 1) return 'chunkSize: a whole number of at least 1';
  return null;
}

function isAbort(error: unknown, signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true || (error instanceof Error && error.name === 'AbortError');
}

/**
 * Runs one bootstrap job, reporting through `post`: progress after every chunk, then exactly one of result,
 * cancelled (the signal was aborted) or error. Never throws. A chunk at a time with a turn of the event loop in
 * between, so the worker can take a cancel message while it runs.
 */
export async function runBootstrapJob(request: BootstrapRunRequest, post: PostBootstrapMessage, signal?: AbortSignal): Promise<void> {
  const { jobId } = request;
  const problem = requestProblem(request);
  if (problem) {
    post({ kind: 'error', jobId, message: problem });
    return;
  }
  const { columns, resamples, seed, level = 0.95, chunkSize = 50 } = request;
  const input: MediationInput = { x: columns.x, mediators: columns.mediators, y: columns.y, names: columns.names };
  try {
    const result = await bootstrapMediation(input, {
      resamples,
      seed,
      level,
      chunkSize,
      ...(signal ? { signal } : {}),
      onProgress: (done, total) => post({ kind: 'progress', jobId, done, total }),
    });
    if (!result.ok) {
      post({ kind: 'result', jobId, result });
      return;
    }
    if (!bootstrapEstimable(result.resamples, result.failed)) {
      post({ kind: 'result', jobId, result: { ok: false, reason: 'not-estimable', n: result.n, resamples: result.resamples, failed: result.failed } });
      return;
    }
    const outcome = intervals(result, level);
    const transfer = [...outcome.distributions.indirect, outcome.distributions.totalIndirect].map((array) => array.buffer as ArrayBuffer);
    post({ kind: 'result', jobId, result: outcome }, transfer);
  } catch (error) {
    if (isAbort(error, signal)) post({ kind: 'cancelled', jobId });
    else post({ kind: 'error', jobId, message: error instanceof Error ? error.message : String(error) });
  }
}

/**
 * The worker's message handler: starts a job on 'run' (each with its own AbortController) and aborts it on
 * 'cancel'. A cancel for a job that has finished, or never existed, does nothing.
 */
export function createBootstrapWorkerHandler(post: PostBootstrapMessage): (request: BootstrapWorkerRequest) => Promise<void> {
  const running = new Map<number, AbortController>();
  return async (request) => {
    if (request?.kind === 'cancel') {
      running.get(request.jobId)?.abort();
      return;
    }
    if (request?.kind !== 'run') {
      post({ kind: 'error', jobId: Number((request as { jobId?: unknown } | undefined)?.jobId ?? -1), message: "a message of kind 'run' or 'cancel'" });
      return;
    }
    const controller = new AbortController();
    running.set(request.jobId, controller);
    try {
      await runBootstrapJob(request, post, controller.signal);
    } finally {
      if (running.get(request.jobId) === controller) running.delete(request.jobId);
    }
  };
}
