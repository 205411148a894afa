import { describe, expect, it } from 'vitest';
import { cameraProblem, codeKey, Collector, tallyText, type AcceptOutcome, type CollectEvent } from '../../src/lib/dashboard/collect.ts';

/** A collector whose "dataset" is a set of response ids: a code is its response id, BAD is refused. */
function harness(options: { failFirst?: string } = {}) {
  const stored = new Set<string>();
  const events: CollectEvent[] = [];
  const accepted: string[] = [];
  let clock = 0;
  let failed = false;
  const collector = new Collector({
    now: () => clock,
    accept: async (code): Promise<AcceptOutcome> => {
      accepted.push(code);
      if (code === 'BAD') return { kind: 'rejected', reason: { kind: 'not-a-code', detail: 'not a code' } };
      if (code === options.failFirst && !failed) {
        failed = true;
        return { kind: 'failed', reason: 'quota' };
      }
      const id = code.replace(/^SEALED-/, '').toLowerCase();
      if (stored.has(id)) return { kind: 'already', responseId: id };
      stored.add(id);
      return { kind: 'added', responseId: id };
    },
    report: (event) => events.push(event),
  });
  return { collector, events, accepted, stored, tick: (ms: number) => (clock += ms) };
}

describe('collect mode', () => {
  it('checks each new code once, in order, however many frames show it', async () => {
    const { collector, events, accepted, tick } = harness();
    for (const frame of [['A1'], ['A1'], ['A1', 'B2'], ['B2'], ['C3']]) {
      collector.offer(frame);
      tick(250);
    }
    await collector.settled();
    expect(accepted).toEqual(['A1', 'B2', 'C3']);
    expect(events.map((event) => event.kind)).toEqual(['added', 'added', 'added']);
    expect(collector.tally).toEqual({ received: 3, repeats: 0, rejected: 0 });
  });

  it('notes a code shown again after a pause as a repeat, without counting it again', async () => {
    const { collector, events, tick } = harness();
    collector.offer(['A1']);
    tick(1000);
    collector.offer(['B2']);
    await collector.settled();
    tick(5000);
    collector.offer(['a1 ']); // the same code, read with other spacing and case
    await collector.settled();
    expect(events.map((event) => event.kind)).toEqual(['added', 'added', 'repeat']);
    expect(collector.tally).toEqual({ received: 2, repeats: 1, rejected: 0 });
  });

  it('counts one response once even when it arrives as two different codes', async () => {
    const { collector, events } = harness();
    collector.offer(['A1']);
    collector.offer(['SEALED-A1']);
    await collector.settled();
    expect(events.map((event) => event.kind)).toEqual(['added', 'already']);
    expect(collector.tally.received).toBe(1);
  });

  it('reports a refused code once, and tries a code again after a failed save', async () => {
    const { collector, events, accepted, tick } = harness({ failFirst: 'D4' });
    collector.offer(['BAD', 'D4']);
    await collector.settled();
    tick(250);
    collector.offer(['BAD', 'D4']);
    await collector.settled();
    expect(accepted).toEqual(['BAD', 'D4', 'D4']);
    expect(events.map((event) => event.kind)).toEqual(['rejected', 'failed', 'added']);
    expect(collector.tally).toEqual({ received: 1, repeats: 0, rejected: 1 });
  });

  it('does not call a refused code, shown again later, already received', async () => {
    const { collector, events, tick } = harness();
    collector.offer(['BAD']);
    await collector.settled();
    tick(10_000);
    collector.offer(['BAD']);
    await collector.settled();
    expect(events.map((event) => event.kind)).toEqual(['rejected']);
    expect(collector.tally).toEqual({ received: 0, repeats: 0, rejected: 1 });
  });

  it('treats an exception from accept as a failed save', async () => {
    const events: CollectEvent[] = [];
    const collector = new Collector({ accept: async () => Promise.reject(new Error('disk gone')), report: (event) => events.push(event) });
    collector.offer(['X']);
    await collector.settled();
    expect(events).toEqual([{ kind: 'failed', reason: 'disk gone' }]);
  });

  it('ignores blank reads and normalises codes', () => {
    expect(codeKey(' bn1-abc de\n')).toBe('BN1ABCDE');
    const { collector } = harness();
    expect(collector.offer(['', '  '])).toBe(0);
  });

  it('names the camera problem from the error', () => {
    const named = (name: string) => Object.assign(new Error('x'), { name });
    expect(cameraProblem(named('NotAllowedError'), true)).toBe('denied');
    expect(cameraProblem(named('NotFoundError'), true)).toBe('no-camera');
    expect(cameraProblem(named('OverconstrainedError'), true)).toBe('no-camera');
    expect(cameraProblem(named('NotReadableError'), true)).toBe('busy');
    expect(cameraProblem(new TypeError('no mediaDevices'), true)).toBe('unsupported');
    expect(cameraProblem(named('NotAllowedError'), false)).toBe('insecure');
    expect(cameraProblem(named('Weird'), true)).toBe('other');
  });

  it('shows the tally with and without an expected number', () => {
    expect(tallyText(12, 20)).toBe('12 / 20');
    expect(tallyText(3, null)).toBe('3');
  });
});
