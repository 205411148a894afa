/**
 * Run mode's state for one day of a plan: which block is on, when it started, pauses and extensions, and a log
 * of what actually happened. Every figure is computed from timestamps (Date.now() values), never by counting
 * ticks, so the timer cannot drift however late the browser runs its timers (a background tab runs them once
 * a minute at best) and survives a reload: the state is plain JSON, saved after every action.
 */
import { proposeCuts, shortenPriority, type CutProposal, type Shortenable } from './schedule.ts';

export interface RunItem {
  /** "module.block", or "break" for a break. */
  key: string;
  module: string | null;
  block: string | null;
  title: string;
  /** The plan's minutes, before any change made while running. */
  plannedMinutes: number;
  /** Flexible range of a block; null for fixed blocks and breaks. */
  range: { min: number; max: number } | null;
  /** The module's order for shortening (absorbOverrunsIn), or null. */
  shortenOrder: number | null;
}

export interface LogEntry {
  index: number;
  startedAt: number;
  endedAt: number;
  pausedMs: number;
  extendedMs: number;
  outcome: 'done' | 'skipped';
}

export interface RunState {
  version: 1;
  /** Ties saved state to one plan and day. */
  planId: string;
  /** Minutes after midnight the day is planned to start. */
  dayStart: number;
  /** The time the day must end by (minutes after midnight), or null. */
  dayEnd: number | null;
  /** Each item's minutes now: the plan's, or shortened by an accepted proposal. */
  minutes: number[];
  /** The item on now; minutes.length once the day is over. */
  current: number;
  startedAt: number | null;
  pausedAt: number | null;
  pausedMs: number;
  extendedMs: number;
  log: LogEntry[];
}

const MINUTE = 60_000;

export function initialRun(planId: string, items: readonly RunItem[], dayStart: number, dayEnd: number | null): RunState {
  return { version: 1, planId, dayStart, dayEnd, minutes: items.map((item) => item.plannedMinutes), current: 0, startedAt: null, pausedAt: null, pausedMs: 0, extendedMs: 0, log: [] };
}

export const isFinished = (state: RunState) => state.current >= state.minutes.length;

/** Starts the current block's clock (the first press of Start, or after the day's last block was gone back from). */
export function start(state: RunState, now: number): RunState {
  if (state.startedAt !== null || isFinished(state)) return state;
  return { ...state, startedAt: now, pausedAt: null, pausedMs: 0 };
}

export function pause(state: RunState, now: number): RunState {
  if (state.startedAt === null || state.pausedAt !== null) return state;
  return { ...state, pausedAt: now };
}

export function resume(state: RunState, now: number): RunState {
  if (state.pausedAt === null) return state;
  return { ...state, pausedMs: state.pausedMs + (now - state.pausedAt), pausedAt: null };
}

export function extend(state: RunState, minutes = 1): RunState {
  if (isFinished(state)) return state;
  return { ...state, extendedMs: state.extendedMs + minutes * MINUTE };
}

/** Ends the current block (done, or skipped) and starts the next at once, keeping a running clock running. */
export function advance(state: RunState, now: number, outcome: LogEntry['outcome'] = 'done'): RunState {
  if (isFinished(state)) return state;
  const resumed = resume(state, now);
  const startedAt = resumed.startedAt ?? now;
  const entry: LogEntry = { index: state.current, startedAt, endedAt: now, pausedMs: resumed.pausedMs, extendedMs: state.extendedMs, outcome };
  const next = state.current + 1;
  const paused = state.pausedAt !== null;
  return {
    ...resumed,
    log: [...state.log, entry],
    current: next,
    startedAt: next < state.minutes.length ? now : null,
    pausedAt: paused && next < state.minutes.length ? now : null,
    pausedMs: 0,
    extendedMs: 0,
  };
}

/** Undoes the last advance: the previous block is on again, its clock as it was, the time since counted in it. */
export function back(state: RunState): RunState {
  const last = state.log.at(-1);
  if (!last) return state;
  return { ...state, log: state.log.slice(0, -1), current: last.index, startedAt: last.startedAt, pausedAt: null, pausedMs: last.pausedMs, extendedMs: last.extendedMs };
}

export type TimerLevel = 'normal' | 'low' | 'critical' | 'over';

export interface TimerReading {
  phase: 'ready' | 'running' | 'paused' | 'finished';
  elapsedMs: number;
  durationMs: number;
  /** Negative once the block runs over. */
  remainingMs: number;
  /** 'low' at 20% of the block left, 'critical' at 5%, 'over' past the end. */
  level: TimerLevel;
}

export function timerAt(state: RunState, now: number): TimerReading {
  if (isFinished(state)) return { phase: 'finished', elapsedMs: 0, durationMs: 0, remainingMs: 0, level: 'normal' };
  const durationMs = state.minutes[state.current]! * MINUTE + state.extendedMs;
  if (state.startedAt === null) return { phase: 'ready', elapsedMs: 0, durationMs, remainingMs: durationMs, level: 'normal' };
  const elapsedMs = (state.pausedAt ?? now) - state.startedAt - state.pausedMs;
  const remainingMs = durationMs - elapsedMs;
  return { phase: state.pausedAt === null ? 'running' : 'paused', elapsedMs, durationMs, remainingMs, level: levelOf(remainingMs, durationMs) };
}

/** The timer's colour: 'low' at 20% of the block left, 'critical' at 5%, 'over' past the end. */
export function levelOf(remainingMs: number, durationMs: number): TimerLevel {
  const share = remainingMs / durationMs;
  return remainingMs < 0 ? 'over' : share <= 0.05 ? 'critical' : share <= 0.2 ? 'low' : 'normal';
}

/** Minutes after local midnight, with the seconds as a fraction. */
export function clockMinutes(now: number): number {
  const date = new Date(now);
  return date.getHours() * 60 + date.getMinutes() + date.getSeconds() / 60 + date.getMilliseconds() / MINUTE;
}

export interface Pacing {
  /** When the day will end at this pace, in minutes after midnight. */
  projectedEnd: number;
  /** The time it should end: the time to end by if set, else the plan's end. */
  targetEnd: number;
  /** Positive: minutes late; negative: minutes ahead. */
  lateBy: number;
}

/** The day's pace: the current block's time left (none if it has run over) plus every block after it. */
export function pacingAt(state: RunState, items: readonly RunItem[], now: number): Pacing {
  const plannedEnd = state.dayStart + items.reduce((sum, item) => sum + item.plannedMinutes, 0);
  const targetEnd = state.dayEnd ?? plannedEnd;
  const sum = (from: number) => state.minutes.slice(from).reduce((total, minutes) => total + minutes, 0);
  let projectedEnd: number;
  if (isFinished(state)) projectedEnd = clockMinutes(now);
  // Not started yet: the rest of the day from now, or from its planned start if that is still to come.
  else if (state.startedAt === null) projectedEnd = Math.max(clockMinutes(now), plannedStartOf(state, items)) + sum(state.current);
  else projectedEnd = clockMinutes(now) + Math.max(0, timerAt(state, now).remainingMs) / MINUTE + sum(state.current + 1);
  return { projectedEnd, targetEnd, lateBy: projectedEnd - targetEnd };
}

/** When the current item was planned to start, in minutes after midnight. */
function plannedStartOf(state: RunState, items: readonly RunItem[]): number {
  return state.dayStart + items.slice(0, state.current).reduce((sum, item) => sum + item.plannedMinutes, 0);
}

/**
 * When the day runs at least a minute late: which flexible blocks after the current one to shorten, and by how
 * much, to end on time (within each block's range); null when on time.
 */
export function catchUpProposal(state: RunState, items: readonly RunItem[], now: number): CutProposal | null {
  const { lateBy } = pacingAt(state, items, now);
  if (lateBy < 1 || isFinished(state)) return null;
  const shortenable: Shortenable[] = items.flatMap((item, index) =>
    index > state.current && item.range && state.minutes[index]! > item.range.min ? [{ index, minutes: state.minutes[index]!, min: item.range.min, priority: shortenPriority(item.shortenOrder, index, items.length) }] : [],
  );
  const proposal = proposeCuts(shortenable, lateBy);
  return proposal.cuts.length > 0 || proposal.short > 0 ? proposal : null;
}

export function acceptProposal(state: RunState, proposal: CutProposal): RunState {
  const minutes = [...state.minutes];
  for (const cut of proposal.cuts) if (cut.index > state.current) minutes[cut.index] = cut.to;
  return { ...state, minutes };
}

/** Reads saved state back, or null when it is not a run state for this plan (an older format, another plan). */
export function readRunState(value: unknown, planId: string, itemCount: number): RunState | null {
  if (typeof value !== 'object' || value === null) return null;
  const state = value as RunState;
  if (state.version !== 1 || state.planId !== planId || !Array.isArray(state.minutes) || state.minutes.length !== itemCount) return null;
  if (!Number.isInteger(state.current) || state.current < 0 || state.current > itemCount || !Array.isArray(state.log)) return null;
  return state;
}
