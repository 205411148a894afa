/**
 * Collect mode: at the end of a session the facilitator's camera keeps scanning and each participant holds up
 * their QR code. The camera sees the same code in many frames, so a code is handled once: it is checked and
 * added on its own (all or nothing, with the import's usual checks), one code at a time in the order seen. A
 * code shown again later is reported quietly as already received; the tally counts each response once.
 *
 * Pure logic: the island supplies `accept` (check one code, add it to the dataset, save) and draws the tally.
 */
import type { RejectReason } from './import-batch.ts';

/** What accepting one code came to. */
export type AcceptOutcome =
  | { kind: 'added'; responseId: string }
  /** The response is already in the dataset (received earlier, or imported another way). */
  | { kind: 'already'; responseId: string }
  | { kind: 'rejected'; reason: RejectReason }
  /** Checking passed but saving did not (storage full, another tab changed the dataset); the code may be shown again. */
  | { kind: 'failed'; reason: string };

export type CollectEvent =
  | AcceptOutcome
  /** The same code came back after the camera had lost it for a while: the person is showing it again. */
  | { kind: 'repeat' };

export interface CollectTally {
  /** Responses added in this collect run. */
  received: number;
  /** Codes that were already there, or shown again. */
  repeats: number;
  /** Codes refused (another session, damaged, another survey). */
  rejected: number;
}

export interface CollectorOptions {
  accept: (code: string) => Promise<AcceptOutcome>;
  /** Called after each handled code or repeat, with the tally after it. */
  report: (event: CollectEvent, tally: CollectTally) => void;
  /** A code unseen for this long that comes back counts as shown again (milliseconds). */
  repeatAfterMs?: number;
  now?: () => number;
}

/** Spaces, hyphens and case do not change a code (its decoder ignores them): one code, one key. */
export function codeKey(text: string): string {
  return text.replace(/[\s-]/g, '').toUpperCase();
}

export class Collector {
  readonly tally: CollectTally = { received: 0, repeats: 0, rejected: 0 };
  /** When each code was last seen by the camera. */
  private readonly lastSeen = new Map<string, number>();
  private readonly responses = new Set<string>();
  /** Codes refused: shown again, they are not "already received" (the refusal stays on screen). */
  private readonly refused = new Set<string>();
  /** Codes still being checked. */
  private readonly pending = new Set<string>();
  private queue: Promise<void> = Promise.resolve();
  private readonly repeatAfter: number;
  private readonly now: () => number;

  constructor(private readonly options: CollectorOptions) {
    this.repeatAfter = options.repeatAfterMs ?? 3000;
    this.now = options.now ?? (() => Date.now());
  }

  /**
   * Codes the camera read in one frame. Returns how many were new; they are checked one after another and
   * reported through `report`. Wait for `settled()` to know they have all been handled.
   */
  offer(texts: readonly string[]): number {
    let fresh = 0;
    const now = this.now();
    for (const text of texts) {
      const key = codeKey(text);
      if (!key) continue;
      const last = this.lastSeen.get(key);
      this.lastSeen.set(key, now);
      if (last !== undefined) {
        if (now - last >= this.repeatAfter && !this.refused.has(key) && !this.pending.has(key)) {
          this.tally.repeats++;
          this.options.report({ kind: 'repeat' }, { ...this.tally });
        }
        continue;
      }
      fresh++;
      this.pending.add(key);
      this.queue = this.queue.then(() => this.handle(key, text.trim()));
    }
    return fresh;
  }

  /** Resolves once every code offered so far has been handled. */
  settled(): Promise<void> {
    return this.queue;
  }

  private async handle(key: string, code: string): Promise<void> {
    let outcome: AcceptOutcome;
    try {
      outcome = await this.options.accept(code);
    } catch (error) {
      outcome = { kind: 'failed', reason: error instanceof Error ? error.message : String(error) };
    }
    if (outcome.kind === 'added') {
      // One response counts once, even if it came as two different codes (a plain and a sealed one).
      if (this.responses.has(outcome.responseId)) outcome = { kind: 'already', responseId: outcome.responseId };
      else {
        this.responses.add(outcome.responseId);
        this.tally.received++;
      }
    }
    if (outcome.kind === 'already') this.tally.repeats++;
    if (outcome.kind === 'rejected') {
      this.tally.rejected++;
      this.refused.add(key);
    }
    this.pending.delete(key);
    // A failed save is forgotten, so the next frame that shows the code tries again.
    if (outcome.kind === 'failed') this.lastSeen.delete(key);
    this.options.report(outcome, { ...this.tally });
  }
}

export type CameraProblem = 'insecure' | 'unsupported' | 'no-camera' | 'denied' | 'busy' | 'other';

/**
 * Why the camera could not be used, from the error getUserMedia gave (or the page's situation): the page names
 * the cause and what to do about it. `secure` is window.isSecureContext.
 */
export function cameraProblem(error: unknown, secure: boolean): CameraProblem {
  if (!secure) return 'insecure';
  const name = (error as { name?: string } | null)?.name;
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return 'denied';
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return 'no-camera';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'busy';
    case 'TypeError':
      return 'unsupported';
    default:
      return 'other';
  }
}

/** The tally as shown large: "12 / 20" with an expected number, "12" without. */
export function tallyText(received: number, expected: number | null): string {
  return expected ? `${received} / ${expected}` : String(received);
}
