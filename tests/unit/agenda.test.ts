import { describe, expect, it } from 'vitest';
import { blockTimings, formatClock, formatOffset, parseClock, totalMinutes } from '../../src/lib/schedule/agenda.ts';

describe('agenda timing', () => {
  const blocks = [{ minutes: 10 }, { minutes: 15 }, { minutes: 20 }];

  it('gives each block its start and end offset', () => {
    expect(blockTimings(blocks)).toEqual([
      { startOffset: 0, endOffset: 10 },
      { startOffset: 10, endOffset: 25 },
      { startOffset: 25, endOffset: 45 },
    ]);
    expect(totalMinutes(blocks)).toBe(45);
  });

  it('reads and writes 24-hour clock times', () => {
    expect(parseClock('13:30')).toBe(810);
    expect(parseClock('9:05')).toBe(545);
    expect(parseClock('24:00')).toBeUndefined();
    expect(parseClock('1330')).toBeUndefined();
    expect(formatClock(810 + 45)).toBe('14:15');
    expect(formatClock(23 * 60 + 50 + 20)).toBe('0:10');
  });

  it('formats offsets as hours and minutes', () => {
    expect(formatOffset(0)).toBe('0:00');
    expect(formatOffset(125)).toBe('2:05');
  });
});
