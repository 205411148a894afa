/**
 * Geometry of the programme timeline figure (src/components/figures/ProgrammeTimelineFigure.astro): a wide chart with
 * one row a step and months across, and a narrow one with the steps down a line for phones. Pure arithmetic.
 */

export interface TimelineStep {
  id: string;
  /** Months from the workshop. */
  from: number;
  to?: number;
}

export interface WideTimeline {
  width: number;
  height: number;
  /** Month ticks along the axis, from the first month shown to the last. */
  ticks: { month: number; x: number }[];
  /** Where the workshop month sits. */
  workshopX: number;
  rows: { id: string; y: number; x: number; barWidth: number; point: boolean }[];
  axisY: number;
}

export const WIDE = { width: 720, labelWidth: 220, rowHeight: 30, top: 12, axisHeight: 36, right: 16 } as const;

export function wideTimeline(steps: readonly TimelineStep[]): WideTimeline {
  const first = Math.floor(Math.min(0, ...steps.map((s) => s.from)));
  const last = Math.ceil(Math.max(0, ...steps.map((s) => s.to ?? s.from)));
  // One slot a month, the last month included, so a step in month 12 has room to show.
  const slot = (WIDE.width - WIDE.labelWidth - WIDE.right) / (last - first + 1);
  const xOf = (month: number) => WIDE.labelWidth + (month - first) * slot;
  const rows = steps.map((step, index) => {
    const point = step.to === undefined || step.to === step.from;
    return { id: step.id, y: WIDE.top + index * WIDE.rowHeight, x: xOf(step.from), barWidth: point ? slot : (step.to! - step.from + 1) * slot, point };
  });
  const axisY = WIDE.top + steps.length * WIDE.rowHeight + 4;
  const ticks = Array.from({ length: last - first + 1 }, (_, i) => ({ month: first + i, x: xOf(first + i) + slot / 2 }));
  return { width: WIDE.width, height: axisY + WIDE.axisHeight, ticks, workshopX: xOf(0) + slot / 2, rows, axisY };
}

export const NARROW = { width: 360, stepHeight: 58, top: 14, lineX: 18 } as const;

export function narrowTimeline(steps: readonly TimelineStep[]) {
  return {
    width: NARROW.width,
    height: NARROW.top * 2 + (steps.length - 1) * NARROW.stepHeight + 30,
    rows: steps.map((step, index) => ({ id: step.id, y: NARROW.top + index * NARROW.stepHeight })),
  };
}

/** Which ticks carry a label: the workshop month, and every third month from it, so labels never collide. */
export function labelledTick(month: number): boolean {
  return month % 3 === 0;
}
