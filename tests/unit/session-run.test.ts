/**
 * Run mode's state (src/lib/session/run-state.ts) and log (run-log.ts): the countdown from timestamps (no drift
 * with timers that fire late or rarely), pause, extend, advance, skip and back, the colour levels at 20% and 5%,
 * the day's pace, the catch-up proposal, and the log as CSV.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { acceptProposal, advance, back, catchUpProposal, extend, initialRun, pacingAt, pause, readRunState, resume, start, timerAt, type RunItem } from '../../src/lib/session/run-state.ts';
import { runLogCsv, runLogRows } from '../../src/lib/session/run-log.ts';

const MINUTE = 60_000;
const item = (key: string, minutes: number, range: RunItem['range'] = null, shortenOrder: number | null = null): RunItem => ({ key, module: 'm', block: key, title: key, plannedMinutes: minutes, range, shortenOrder });
const items = [item('opening', 10), item('model', 30, { min: 20, max: 35 }, 1), item('rehearsal', 40, { min: 30, max: 45 }), item('dilemmas', 20, { min: 10, max: 25 }, 0), item('closing', 20)];
/** 09:00 local time on a day, as a timestamp. */
const nine = new Date(2026, 11, 1, 9, 0, 0).getTime();
const fresh = () => initialRun('plan-1', items, 9 * 60, null);

afterEach(() => {
  vi.useRealTimers();
});

describe('the countdown', () => {
  it('counts down from timestamps, pauses, resumes and extends', () => {
    let state = start(fresh(), nine);
    expect(timerAt(state, nine + 4 * MINUTE)).toMatchObject({ phase: 'running', remainingMs: 6 * MINUTE, level: 'normal' });
    state = pause(state, nine + 4 * MINUTE);
    expect(timerAt(state, nine + 9 * MINUTE)).toMatchObject({ phase: 'paused', remainingMs: 6 * MINUTE });
    state = resume(state, nine + 9 * MINUTE);
    state = extend(state);
    expect(timerAt(state, nine + 10 * MINUTE)).toMatchObject({ phase: 'running', durationMs: 11 * MINUTE, remainingMs: 6 * MINUTE });
  });

  it('turns low at 20% left, critical at 5%, over past the end', () => {
    const state = start(fresh(), nine);
    expect(timerAt(state, nine + 7.9 * MINUTE).level).toBe('normal');
    expect(timerAt(state, nine + 8 * MINUTE).level).toBe('low');
    expect(timerAt(state, nine + 9.5 * MINUTE).level).toBe('critical');
    expect(timerAt(state, nine + 10 * MINUTE + 1).level).toBe('over');
  });

  it('does not drift over 60 minutes when the timer fires late and rarely, as in a background tab', () => {
    vi.useFakeTimers({ now: nine });
    let state = initialRun('plan-1', [item('long', 90)], 9 * 60, null);
    state = start(state, Date.now());
    const readings: number[] = [];
    // A background tab: the callback runs about once a minute, each time a little late.
    const timer = setInterval(() => readings.push(timerAt(state, Date.now()).remainingMs), 60_000 + 731);
    vi.advanceTimersByTime(60 * MINUTE);
    clearInterval(timer);
    const drift = Math.abs(timerAt(state, Date.now()).remainingMs - 30 * MINUTE);
    expect(drift).toBe(0);
    expect(readings.length).toBeGreaterThan(50);
    readings.forEach((remaining, index) => expect(remaining).toBe(90 * MINUTE - (index + 1) * (60_000 + 731)));
  });

  it('keeps to the real clock: after 1.5 s of real time, 1.5 s is gone, within 50 ms', async () => {
    const started = Date.now();
    const state = start(fresh(), started);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const gone = 10 * MINUTE - timerAt(state, Date.now()).remainingMs;
    expect(Math.abs(gone - (Date.now() - started))).toBeLessThan(50);
  });
});

describe('moving through the blocks', () => {
  it('logs each block, starts the next at once, skips, and goes back as if the press never happened', () => {
    let state = start(fresh(), nine);
    state = advance(state, nine + 12 * MINUTE);
    expect(state).toMatchObject({ current: 1, startedAt: nine + 12 * MINUTE });
    state = advance(state, nine + 13 * MINUTE, 'skipped');
    expect(state.log.map((entry) => [entry.index, entry.outcome])).toEqual([
      [0, 'done'],
      [1, 'skipped'],
    ]);
    state = back(state);
    expect(state).toMatchObject({ current: 1, startedAt: nine + 12 * MINUTE });
    expect(timerAt(state, nine + 14 * MINUTE).remainingMs).toBe(28 * MINUTE);
  });

  it('keeps a paused clock paused on the next block, and finishes after the last', () => {
    let state = pause(start(fresh(), nine), nine + MINUTE);
    state = advance(state, nine + 2 * MINUTE);
    expect(timerAt(state, nine + 5 * MINUTE)).toMatchObject({ phase: 'paused', remainingMs: 30 * MINUTE });
    for (let i = 0; i < 4; i++) state = advance(state, nine + (10 + i) * MINUTE);
    expect(timerAt(state, nine + 20 * MINUTE).phase).toBe('finished');
    expect(advance(state, nine + 21 * MINUTE)).toBe(state);
  });
});

describe('pace and catching up', () => {
  it('is on time at the start, late when a block runs over, and proposes cuts after the current block', () => {
    let state = start(fresh(), nine);
    expect(pacingAt(state, items, nine).lateBy).toBeCloseTo(0, 6);
    expect(catchUpProposal(state, items, nine)).toBeNull();
    // The opening runs 25 minutes instead of 10: 15 minutes late.
    state = advance(state, nine + 25 * MINUTE);
    expect(pacingAt(state, items, nine + 25 * MINUTE).lateBy).toBeCloseTo(15, 6);
    const proposal = catchUpProposal(state, items, nine + 25 * MINUTE)!;
    // dilemmas first (shortenOrder 0) gives 10, then model... but model is current: rehearsal gives the other 5.
    expect(proposal.cuts).toEqual([
      { index: 2, from: 40, to: 35 },
      { index: 3, from: 20, to: 10 },
    ]);
    state = acceptProposal(state, proposal);
    expect(state.minutes).toEqual([10, 30, 35, 10, 20]);
    expect(pacingAt(state, items, nine + 25 * MINUTE).lateBy).toBeCloseTo(0, 6);
  });

  it('measures against the time to end by when there is one, and a late start counts', () => {
    const state = initialRun('plan-1', items, 9 * 60, 11 * 60);
    // Not started at 09:10: the day (120 minutes) now ends at 11:10, ten minutes past 11:00.
    expect(pacingAt(state, items, nine + 10 * MINUTE).lateBy).toBeCloseTo(10, 6);
  });
});

describe('saved state and the log', () => {
  it('reads back only a state of this plan with the same blocks', () => {
    const state = start(fresh(), nine);
    const saved = JSON.parse(JSON.stringify(state));
    expect(readRunState(saved, 'plan-1', items.length)).toEqual(state);
    expect(readRunState(saved, 'plan-2', items.length)).toBeNull();
    expect(readRunState(saved, 'plan-1', 4)).toBeNull();
    expect(readRunState('nonsense', 'plan-1', 5)).toBeNull();
  });

  it('writes planned against actual, with skipped and unreached blocks, as CSV in the page language', () => {
    let state = start(fresh(), nine + 5 * MINUTE);
    state = pause(state, nine + 8 * MINUTE);
    state = resume(state, nine + 10 * MINUTE);
    state = advance(state, nine + 17 * MINUTE);
    state = advance(state, nine + 18 * MINUTE, 'skipped');
    const rows = runLogRows(state, items);
    expect(rows.slice(0, 3)).toEqual([
      { title: 'opening', plannedStart: '09:00', plannedMinutes: 10, actualStart: '09:05', actualMinutes: 10, difference: 0, outcome: 'done' },
      { title: 'model', plannedStart: '09:10', plannedMinutes: 30, actualStart: '09:17', actualMinutes: 1, difference: -29, outcome: 'skipped' },
      { title: 'rehearsal', plannedStart: '09:40', plannedMinutes: 40, actualStart: '', actualMinutes: null, difference: null, outcome: 'not-reached' },
    ]);
    const csv = runLogCsv(rows, ['ブロック', '予定の開始', '予定（分）', '実際の開始', '実際（分）', '差（分）', '結果'], { done: '実施', skipped: '省略', 'not-reached': '未実施' });
    expect(csv.split('\r\n').slice(0, 3)).toEqual(['\uFEFFブロック,予定の開始,予定（分）,実際の開始,実際（分）,差（分）,結果', 'opening,09:00,10,09:05,10,0,実施', 'model,09:10,30,09:17,1,-29,省略']);
  });
});
