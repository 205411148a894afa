/** Timing arithmetic for agendas: when each block starts and ends, from a start time. */

export interface TimedBlock {
  minutes: number;
}

export interface BlockTiming {
  /** Minutes from the start of the session. */
  startOffset: number;
  endOffset: number;
}

export function blockTimings(blocks: readonly TimedBlock[]): BlockTiming[] {
  let offset = 0;
  return blocks.map((block) => {
    const timing = { startOffset: offset, endOffset: offset + block.minutes };
    offset = timing.endOffset;
    return timing;
  });
}

export function totalMinutes(blocks: readonly TimedBlock[]): number {
  return blocks.reduce((sum, block) => sum + block.minutes, 0);
}

/** "13:30" -> 810 minutes after midnight; undefined for anything that is not a 24-hour time. */
export function parseClock(value: string): number | undefined {
  const match = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(value.trim());
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

/** 810 -> "13:30". Wraps past midnight, for sessions that run late. */
export function formatClock(minutesAfterMidnight: number): string {
  const wrapped = ((minutesAfterMidnight % 1440) + 1440) % 1440;
  return `${Math.floor(wrapped / 60)}:${String(wrapped % 60).padStart(2, '0')}`;
}

/** An offset from the session start as "0:45" (hours:minutes), for agendas without a clock time. */
export function formatOffset(minutes: number): string {
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}
