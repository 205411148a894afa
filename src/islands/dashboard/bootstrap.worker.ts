/**
 * The mediation bootstrap's Web Worker: 2,000 resamples of 20,000 responses take a second or two, which would
 * freeze the dashboard on the main thread. All logic is in src/lib/dashboard/bootstrap-protocol.ts (tested there);
 * this file only wires it to the worker's messages. Started from an island with
 * `new Worker(new URL('./bootstrap.worker.ts', import.meta.url), { type: 'module' })`.
 */
import { createBootstrapWorkerHandler, type BootstrapWorkerMessage, type BootstrapWorkerRequest } from '../../lib/dashboard/bootstrap-protocol.ts';

/** The parts of DedicatedWorkerGlobalScope used here (the project's TypeScript library is the DOM's, not the worker's). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<BootstrapWorkerRequest>) => void) | null;
  postMessage(message: BootstrapWorkerMessage, options?: { transfer?: Transferable[] }): void;
}

const scope = self as unknown as WorkerScope;
const handle = createBootstrapWorkerHandler((message, transfer = []) => scope.postMessage(message, { transfer }));
scope.onmessage = (event) => void handle(event.data);
