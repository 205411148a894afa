/**
 * Long imports on the page's main thread give the browser a turn every few milliseconds, so the page keeps
 * painting and answering clicks (a "Cancel" button among them). `scheduler.yield()` keeps the task's priority
 * where browsers have it (https://developer.mozilla.org/docs/Web/API/Scheduler/yield); elsewhere a zero timeout.
 */

/** Work this long at most between two turns: well under the 50 ms at which a task counts as long. */
const SLICE_MS = 12;

type YieldingScheduler = { yield?: () => Promise<void> };

/** Resolves on the event loop's next turn, so the work after it is a task of its own. */
export function nextTurn(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: YieldingScheduler }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Returns a function to call between units of work: it gives the event loop a turn when the current slice is
 * used up, and rejects with the signal's reason (an AbortError) once the caller has cancelled.
 */
export function timeSlicer(signal?: AbortSignal): () => Promise<void> {
  let sliceStart = performance.now();
  return async () => {
    signal?.throwIfAborted();
    if (performance.now() - sliceStart < SLICE_MS) return;
    await nextTurn();
    signal?.throwIfAborted();
    sliceStart = performance.now();
  };
}
