/**
 * What run mode sends the projector window (src/lib/session/audience.ts) and a plan day as run items
 * (run-items.ts): the message has no place for facilitator text, the countdown reads the same however late the
 * message arrives, and the items carry each block's range and shortening order.
 */
import { describe, expect, it } from 'vitest';
import { audienceMessage, audienceRemaining, formatCountdown, readAudienceMessage } from '../../src/lib/session/audience.ts';
import { planId, runItems } from '../../src/lib/session/run-items.ts';
import { advance, initialRun, pause, start } from '../../src/lib/session/run-state.ts';
import type { Catalogue } from '../../src/lib/session/plan.ts';

const catalogue: Catalogue = new Map([
  ['m', { id: 'm', title: 'Module', absorbOverrunsIn: ['b'], blocks: [{ id: 'a', title: 'A', minutes: 10, kind: 'talk' }, { id: 'b', title: 'B', minutes: 20, range: { min: 15, max: 25 }, kind: 'pairs' }] }],
]);
const day = { date: null, start: 540, end: null, items: [{ kind: 'block' as const, module: 'm', block: 'a', minutes: 10 }, { kind: 'break' as const, minutes: 5 }, { kind: 'block' as const, module: 'm', block: 'b', minutes: 18 }, { kind: 'block' as const, module: 'gone', block: 'x', minutes: 5 }] };
const items = runItems(day, catalogue, 'Break');
const t0 = Date.UTC(2026, 11, 1, 0, 0, 0);

describe('run items', () => {
  it('carry titles, minutes, ranges and the shortening order, and leave out blocks that no longer exist', () => {
    expect(items).toEqual([
      { key: 'm.a', module: 'm', block: 'a', title: 'A', plannedMinutes: 10, range: null, shortenOrder: null },
      { key: 'break', module: null, block: null, title: 'Break', plannedMinutes: 5, range: null, shortenOrder: null },
      { key: 'm.b', module: 'm', block: 'b', title: 'B', plannedMinutes: 18, range: { min: 15, max: 25 }, shortenOrder: 0 },
    ]);
  });

  it('are named by plan and day', () => {
    expect(planId('#v=1&day=x', 0)).toBe(planId('v=1&day=x', 0));
    expect(planId('v=1&day=x', 0)).not.toBe(planId('v=1&day=x', 1));
  });
});

describe('the message to the projector window', () => {
  it('names the screen, the timer and the page to open, and nothing else', () => {
    const state = start(initialRun('p', items, 540, null), t0);
    const message = audienceMessage('p', state, items, t0 + 60_000, { url: 'https://kit.example/en/exercises/x/', kind: 'exercise' });
    expect(Object.keys(message).sort()).toEqual(['join', 'planId', 'screen', 'sentAt', 'timer', 'v']);
    expect(message).toEqual({ v: 1, planId: 'p', screen: 'm.a', timer: { endsAt: t0 + 600_000, remainingMs: 540_000, durationMs: 600_000, level: 'normal' }, join: { url: 'https://kit.example/en/exercises/x/', kind: 'exercise' }, sentAt: t0 + 60_000 });
  });

  it('waits before the first block starts, shows a paused timer as it stands, and finishes', () => {
    expect(audienceMessage('p', initialRun('p', items, 540, null), items, t0, null).screen).toBe('waiting');
    const paused = pause(start(initialRun('p', items, 540, null), t0), t0 + 90_000);
    expect(audienceMessage('p', paused, items, t0 + 300_000, null).timer).toMatchObject({ endsAt: null, remainingMs: 510_000 });
    let state = start(initialRun('p', items, 540, null), t0);
    for (let i = 0; i < items.length; i++) state = advance(state, t0 + i);
    expect(audienceMessage('p', state, items, t0 + 10, null)).toMatchObject({ screen: 'finished', timer: null, join: null });
  });

  it('counts down from the end time, however late it is read', () => {
    const timer = { endsAt: t0 + 600_000, remainingMs: 540_000, durationMs: 600_000, level: 'normal' as const };
    expect(audienceRemaining(timer, t0 + 300_000)).toBe(300_000);
    expect(audienceRemaining({ ...timer, endsAt: null }, t0 + 300_000)).toBe(540_000);
  });

  it('writes the countdown in minutes and seconds, and below zero with a minus sign', () => {
    expect([formatCountdown(600_000), formatCountdown(59_001), formatCountdown(0), formatCountdown(-1_000), formatCountdown(-90_500)]).toEqual(['10:00', '1:00', '0:00', '−0:01', '−1:30']);
  });

  it('reads only messages of its own kind', () => {
    expect(readAudienceMessage({ kind: 'hello' })).toBeNull();
    expect(readAudienceMessage(null)).toBeNull();
    expect(readAudienceMessage({ v: 1, planId: 'p', screen: 'm.a', sentAt: 1, timer: null, join: null })).not.toBeNull();
  });
});
