/**
 * What happened in a session, block by block: planned against actual start and minutes, for the facilitator's
 * own review and the programme's records, as rows and as CSV in the page's language.
 */
import { tableToCsv } from '../dashboard/csv-export.ts';
import { formatClock } from '../schedule/agenda.ts';
import type { RunItem, RunState } from './run-state.ts';

export interface RunLogRow {
  title: string;
  /** "09:30": when the plan put it. */
  plannedStart: string;
  plannedMinutes: number;
  /** When it actually started; empty for a block not reached. */
  actualStart: string;
  /** Minutes it actually took, pauses left out, to one decimal; null when not reached. */
  actualMinutes: number | null;
  /** actualMinutes − plannedMinutes, to one decimal; null when not reached. */
  difference: number | null;
  outcome: 'done' | 'skipped' | 'not-reached';
}

const two = (value: number) => String(value).padStart(2, '0');
const clockOfTime = (time: number) => {
  const date = new Date(time);
  return `${two(date.getHours())}:${two(date.getMinutes())}`;
};
const oneDecimal = (value: number) => Math.round(value * 10) / 10;

export function runLogRows(state: RunState, items: readonly RunItem[]): RunLogRow[] {
  let planned = state.dayStart;
  return items.map((item, index) => {
    const plannedStart = formatClock(planned).padStart(5, '0');
    planned += item.plannedMinutes;
    const entry = state.log.findLast((candidate) => candidate.index === index);
    if (!entry) return { title: item.title, plannedStart, plannedMinutes: item.plannedMinutes, actualStart: '', actualMinutes: null, difference: null, outcome: 'not-reached' };
    const actualMinutes = oneDecimal((entry.endedAt - entry.startedAt - entry.pausedMs) / 60_000);
    return { title: item.title, plannedStart, plannedMinutes: item.plannedMinutes, actualStart: clockOfTime(entry.startedAt), actualMinutes, difference: oneDecimal(actualMinutes - item.plannedMinutes), outcome: entry.outcome };
  });
}

/** The log as CSV; `columns` and `outcomes` in the page's language. */
export function runLogCsv(rows: readonly RunLogRow[], columns: readonly [string, string, string, string, string, string, string], outcomes: Record<RunLogRow['outcome'], string>): string {
  return tableToCsv(
    columns,
    rows.map((row) => [row.title, row.plannedStart, row.plannedMinutes, row.actualStart, row.actualMinutes, row.difference, outcomes[row.outcome]]),
  );
}
