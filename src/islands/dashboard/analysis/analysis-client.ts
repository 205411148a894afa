/**
 * The page's side of the dashboard's worker (src/lib/dashboard/analysis-worker-protocol.ts): one worker per
 * dashboard, started on the first request, for the analysis and the bootstrap alike. An analysis that a newer
 * request has replaced is dropped when it arrives, so the page only ever shows the latest view's figures.
 */
import type { AnalysisFilter, DatasetAnalysis } from '../../../lib/dashboard/analysis.ts';
import type { AnalysisSource, AnalysisWorkerMessage, AnalysisWorkerRequest, DemoRequest } from '../../../lib/dashboard/analysis-worker-protocol.ts';
import type { Dataset } from '../../../lib/dashboard/dataset.ts';
import type { BootstrapWorkerMessage } from '../../../lib/dashboard/bootstrap-protocol.ts';

export type AnalysisOutcome = { ok: true; analysis: DatasetAnalysis } | { ok: false; message: string };

export class AnalysisClient {
  private worker: Worker | null = null;
  private nextJob = 0;
  private latestAnalysis = 0;
  private readonly analyses = new Map<number, (outcome: AnalysisOutcome) => void>();
  private readonly demos = new Map<number, { resolve: (dataset: Dataset) => void; reject: (error: Error) => void }>();
  private readonly bootstraps = new Map<number, (message: BootstrapWorkerMessage) => void>();

  private send(request: AnalysisWorkerRequest): void {
    if (!this.worker) {
      // Written literally inside `new Worker` so that the bundler builds the worker as a file of its own.
      this.worker = new Worker(new URL('../analysis.worker.ts', import.meta.url), { type: 'module' });
      this.worker.onmessage = (event: MessageEvent<AnalysisWorkerMessage>) => this.receive(event.data);
      this.worker.onerror = (event) => this.failAll(event.message || 'the analysis worker stopped');
    }
    this.worker.postMessage(request);
  }

  private receive(message: AnalysisWorkerMessage): void {
    const demo = this.demos.get(message.jobId);
    if (demo) {
      this.demos.delete(message.jobId);
      if (message.kind === 'demo') demo.resolve(message.dataset);
      else demo.reject(new Error(message.kind === 'error' ? message.message : `unexpected ${message.kind}`));
      return;
    }
    const answer = this.analyses.get(message.jobId);
    if (answer) {
      this.analyses.delete(message.jobId);
      answer(message.kind === 'analysis' ? { ok: true, analysis: message.analysis } : { ok: false, message: message.kind === 'error' ? message.message : `unexpected ${message.kind}` });
      return;
    }
    const listener = this.bootstraps.get(message.jobId);
    if (!listener || message.kind === 'analysis' || message.kind === 'demo') return;
    if (message.kind !== 'progress') this.bootstraps.delete(message.jobId);
    listener(message);
  }

  private failAll(message: string): void {
    for (const answer of this.analyses.values()) answer({ ok: false, message });
    for (const demo of this.demos.values()) demo.reject(new Error(message));
    this.demos.clear();
    for (const [jobId, listener] of this.bootstraps) listener({ kind: 'error', jobId, message });
    this.analyses.clear();
    this.bootstraps.clear();
    this.worker?.terminate();
    this.worker = null; // the next request starts a fresh one
  }

  /** The analysis of a stored dataset's view; resolves to null when a later call has replaced this one. */
  analyse(source: AnalysisSource, filter: AnalysisFilter): Promise<AnalysisOutcome | null> {
    const jobId = ++this.nextJob;
    this.latestAnalysis = jobId;
    return new Promise((resolve) => {
      this.analyses.set(jobId, (outcome) => resolve(jobId === this.latestAnalysis ? outcome : null));
      this.send({ kind: 'analyse', jobId, source, filter });
    });
  }

  /** A demo dataset of made-up responses (src/lib/dashboard/demo.ts), generated in the worker. */
  demo(instrument: DemoRequest['instrument'], name: string): Promise<Dataset> {
    const jobId = ++this.nextJob;
    return new Promise((resolve, reject) => {
      this.demos.set(jobId, { resolve, reject });
      this.send({ kind: 'demo', jobId, instrument, name });
    });
  }

  /** Starts the mediation bootstrap for a view; `listener` gets its progress, then one result, cancelled or error. */
  bootstrap(source: AnalysisSource, filter: AnalysisFilter, options: { resamples: number; seed: number }, listener: (message: BootstrapWorkerMessage) => void): number {
    const jobId = ++this.nextJob;
    this.bootstraps.set(jobId, listener);
    this.send({ kind: 'bootstrap', jobId, source, filter, ...options });
    return jobId;
  }

  cancel(jobId: number): void {
    this.bootstraps.delete(jobId);
    this.worker?.postMessage({ kind: 'cancel', jobId } satisfies AnalysisWorkerRequest);
  }

  close(): void {
    this.worker?.terminate();
    this.worker = null;
    this.analyses.clear();
    this.demos.clear();
    this.bootstraps.clear();
  }
}
