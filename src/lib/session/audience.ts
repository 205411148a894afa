/**
 * What run mode tells the projector ("audience") window, and nothing more: which screen to show, the timer, and
 * a link for participants to open. The audience page holds every block's participant screen already (they are
 * public); a message names one by key. By construction it carries no script, note or other facilitator text:
 * there is no field for any.
 *
 * Sent on a BroadcastChannel and also written to localStorage, whose `storage` event reaches other windows of the
 * same site where BroadcastChannel is missing, and whose last value lets a reloaded projector window catch up.
 */
import { isFinished, timerAt, type RunItem, type RunState, type TimerLevel } from './run-state.ts';

export const AUDIENCE_CHANNEL = 'banso-run-audience';
export const AUDIENCE_STORAGE_KEY = 'banso-run-audience';

export interface AudienceMessage {
  v: 1;
  planId: string;
  /** "module.block", "break", "finished", or "waiting" before the first block starts. */
  screen: string;
  timer: {
    /** When the block's time runs out (a Date.now() value) while the clock runs; null when paused or not started. */
    endsAt: number | null;
    /** Time left when paused or not started. */
    remainingMs: number;
    durationMs: number;
    level: TimerLevel;
  } | null;
  /** A page for participants to open on their phones during this block, as a full URL. */
  join: { url: string; kind: 'exercise' | 'survey' } | null;
  /** When the message was made (Date.now()). */
  sentAt: number;
}

export function audienceMessage(planId: string, state: RunState, items: readonly RunItem[], now: number, join: AudienceMessage['join']): AudienceMessage {
  if (isFinished(state)) return { v: 1, planId, screen: 'finished', timer: null, join: null, sentAt: now };
  const item = items[state.current]!;
  const reading = timerAt(state, now);
  return {
    v: 1,
    planId,
    screen: state.startedAt === null && state.current === 0 ? 'waiting' : item.key,
    timer: { endsAt: reading.phase === 'running' ? now + reading.remainingMs : null, remainingMs: reading.remainingMs, durationMs: reading.durationMs, level: reading.level },
    join,
    sentAt: now,
  };
}

/** The timer's time left at `now` as the audience window shows it. */
export function audienceRemaining(timer: NonNullable<AudienceMessage['timer']>, now: number): number {
  return timer.endsAt === null ? timer.remainingMs : timer.endsAt - now;
}

/** "12:05", or "−1:30" once over; whole seconds rounded up while time is left, so 0:00 means the end. */
export function formatCountdown(ms: number): string {
  const over = ms < 0;
  const seconds = over ? Math.floor(-ms / 1000) : Math.ceil(ms / 1000);
  const text = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  return over ? `−${text}` : text;
}

/** Reads a message from another window; null for anything that is not one. */
export function readAudienceMessage(value: unknown): AudienceMessage | null {
  if (typeof value !== 'object' || value === null) return null;
  const message = value as AudienceMessage;
  if (message.v !== 1 || typeof message.planId !== 'string' || typeof message.screen !== 'string' || typeof message.sentAt !== 'number') return null;
  return message;
}
