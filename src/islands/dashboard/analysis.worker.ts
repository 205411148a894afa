/**
 * The dashboard's Web Worker: the analysis and the mediation bootstrap, off the page's main thread. All logic is
 * in src/lib/dashboard/analysis-worker-protocol.ts (tested there); this file only wires it to the worker's
 * messages and to the datasets stored in this browser. Started by ./analysis/analysis-client.ts.
 */
import { createAnalysisWorkerHandler, type AnalysisWorkerMessage, type AnalysisWorkerRequest } from '../../lib/dashboard/analysis-worker-protocol.ts';
import { readStoredResponses } from '../../lib/dashboard/dataset-read.ts';

/** The parts of DedicatedWorkerGlobalScope used here (the project's TypeScript library is the DOM's, not the worker's). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<AnalysisWorkerRequest>) => void) | null;
  postMessage(message: AnalysisWorkerMessage, options?: { transfer?: Transferable[] }): void;
}

const scope = self as unknown as WorkerScope;
const handle = createAnalysisWorkerHandler((message, transfer = []) => scope.postMessage(message, { transfer }), readStoredResponses);
scope.onmessage = (event) => void handle(event.data);
