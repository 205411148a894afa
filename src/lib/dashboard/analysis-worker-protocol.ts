/**
 * The dashboard's analysis worker: every statistic the dashboard shows is computed off the page's main thread,
 * so a dataset of 20,000 responses never freezes the page (issue 12: no main-thread task over 50 ms). This file
 * is the messages between the page and src/islands/dashboard/analysis.worker.ts, and the handler as a plain
 * function, tested without a worker.
 *
 * The page sends no responses. It names the stored dataset and the revision it shows, and the worker reads the
 * responses from IndexedDB itself: a structured clone of 20,000 responses takes about 200 ms wherever it runs,
 * and here that is the worker's time, not the page's. The worker keeps the last dataset it read, so choosing
 * another wave or pair of waves costs one message each way.
 *
 *   page → worker  { kind: 'analyse', jobId, source, filter }          → { kind: 'analysis', jobId, analysis }
 *   page → worker  { kind: 'bootstrap', jobId, source, filter, … }     → progress …, then result (bootstrap-protocol.ts)
 *   page → worker  { kind: 'cancel', jobId }                            (a bootstrap)
 *   page → worker  { kind: 'demo', jobId, instrument, name }            → { kind: 'demo', jobId, dataset }
 *
 * The demo dataset is generated here too: its generator shares the random numbers of the bootstrap, so neither
 * the page nor its download carries them twice.
 *   worker → page  { kind: 'error', jobId, message } when a job cannot run
 */
import { analyseDataset, modelColumns, type AnalysisFilter, type AnalysisInstrument, type AnalysisPrivacy, type DatasetAnalysis } from './analysis.ts';
import { createBootstrapWorkerHandler, type BootstrapWorkerMessage, type PostBootstrapMessage } from './bootstrap-protocol.ts';
import type { Dataset, StoredResponse } from './dataset.ts';
import { demoDataset } from './demo.ts';

/** The dataset to analyse, as stored in this browser, with the survey and privacy rules to analyse it by. */
export interface AnalysisSource {
  datasetId: string;
  /** The revision the page shows; a newer stored one is analysed (and named in the answer) rather than none. */
  revision: number;
  instrument: AnalysisInstrument;
  privacy: AnalysisPrivacy;
}

export interface AnalyseRequest {
  kind: 'analyse';
  jobId: number;
  source: AnalysisSource;
  filter: AnalysisFilter;
}

export interface BootstrapRequest {
  kind: 'bootstrap';
  jobId: number;
  source: AnalysisSource;
  /** The view whose model is bootstrapped: the same rows as the model section shows. */
  filter: AnalysisFilter;
  resamples: number;
  seed: number;
}

export interface DemoRequest {
  kind: 'demo';
  jobId: number;
  instrument: Parameters<typeof demoDataset>[0];
  /** The dataset's name, in the page's language. */
  name: string;
}

export type AnalysisWorkerRequest = AnalyseRequest | BootstrapRequest | DemoRequest | { kind: 'cancel'; jobId: number };

export type AnalysisWorkerMessage =
  | { kind: 'analysis'; jobId: number; revision: number; analysis: DatasetAnalysis }
  | { kind: 'demo'; jobId: number; dataset: Dataset }
  | BootstrapWorkerMessage;

/** Reads one stored dataset's responses (DatasetStore.get in the worker; a map in tests). */
export type LoadResponses = (datasetId: string) => Promise<{ responses: StoredResponse[]; revision: number } | undefined>;

export type PostAnalysisMessage = (message: AnalysisWorkerMessage, transfer?: Transferable[]) => void;

/**
 * The worker's message handler. Analyses run one at a time in the order asked; the page ignores answers to
 * jobs it has since replaced, so a quick series of wave changes costs at most one analysis it does not show.
 */
export function createAnalysisWorkerHandler(post: PostAnalysisMessage, load: LoadResponses): (request: AnalysisWorkerRequest) => Promise<void> {
  /** The last dataset read, by the revision asked for; a promise, so requests that arrive while it loads share one read. */
  let cached: { datasetId: string; asked: number; read: ReturnType<LoadResponses> } | undefined;
  const bootstrap = createBootstrapWorkerHandler(post as PostBootstrapMessage);
  const fail = (jobId: number, message: string) => post({ kind: 'error', jobId, message });

  function responsesOf(source: AnalysisSource): ReturnType<LoadResponses> {
    if (cached?.datasetId !== source.datasetId || cached.asked < source.revision) {
      const read = load(source.datasetId);
      cached = { datasetId: source.datasetId, asked: source.revision, read };
      // A failed read is not kept: the next request reads again.
      const forget = () => {
        if (cached?.read === read) cached = undefined;
      };
      read.then((found) => found ?? forget(), forget);
    }
    return cached.read;
  }

  return async (request) => {
    const jobId = Number(request?.jobId ?? -1);
    if (request?.kind === 'cancel') return bootstrap(request);
    if (request?.kind !== 'analyse' && request?.kind !== 'bootstrap' && request?.kind !== 'demo') return fail(jobId, "a message of kind 'analyse', 'bootstrap', 'demo' or 'cancel'");
    try {
      if (request.kind === 'demo') return post({ kind: 'demo', jobId, dataset: demoDataset(request.instrument, request.name) });
      const data = await responsesOf(request.source);
      if (!data) return fail(jobId, `dataset ${request.source.datasetId} is not stored in this browser (it may have been deleted in another tab)`);
      const { instrument, privacy } = request.source;
      if (request.kind === 'analyse') {
        post({ kind: 'analysis', jobId, revision: data.revision, analysis: analyseDataset(data, instrument, privacy, request.filter) });
        return;
      }
      const columns = modelColumns(data, instrument, privacy, request.filter);
      if (!columns) return post({ kind: 'result', jobId, result: { ok: false, reason: 'too-few-cases', n: 0 } });
      return bootstrap({ kind: 'run', jobId, columns, resamples: request.resamples, seed: request.seed });
    } catch (error) {
      fail(jobId, error instanceof Error ? error.message : String(error));
    }
  };
}
