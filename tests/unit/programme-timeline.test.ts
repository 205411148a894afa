import { describe, expect, it } from 'vitest';
import { labelledTick, narrowTimeline, WIDE, wideTimeline } from '../../src/lib/programme/timeline.ts';

const steps = [
  { id: 'plan', from: -3, to: -1 },
  { id: 'workshop', from: 0 },
  { id: 'interview', from: 1, to: 2 },
  { id: 'next', from: 12 },
];

describe('programme timeline geometry', () => {
  it('gives each month one slot from the earliest step to the latest, the workshop at month 0', () => {
    const wide = wideTimeline(steps);
    expect(wide.ticks.map((t) => t.month)).toEqual([-3, -2, -1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const slot = (WIDE.width - WIDE.labelWidth - WIDE.right) / 16;
    expect(wide.rows[0]).toMatchObject({ x: WIDE.labelWidth, barWidth: 3 * slot, point: false });
    expect(wide.rows[1]).toMatchObject({ x: WIDE.labelWidth + 3 * slot, point: true });
    expect(wide.workshopX).toBeCloseTo(WIDE.labelWidth + 3.5 * slot);
    // The last step ends at the right margin, inside the figure.
    expect(wide.rows[3]!.x + wide.rows[3]!.barWidth).toBeCloseTo(WIDE.width - WIDE.right);
  });

  it('puts one row a step, with the axis under the last', () => {
    const wide = wideTimeline(steps);
    expect(wide.rows.map((r) => r.y)).toEqual([12, 42, 72, 102]);
    expect(wide.axisY).toBeGreaterThan(102 + WIDE.rowHeight - 1);
    expect(wide.height).toBeGreaterThan(wide.axisY);
  });

  it('always shows the workshop month even when every step comes after it', () => {
    expect(wideTimeline([{ id: 'a', from: 2 }, { id: 'b', from: 4 }]).ticks[0]!.month).toBe(0);
  });

  it('stacks the steps down the narrow figure', () => {
    const narrow = narrowTimeline(steps);
    expect(narrow.rows.map((r) => r.y)).toEqual([14, 72, 130, 188]);
    expect(narrow.height).toBeGreaterThan(188);
  });

  it('labels the workshop month and every third month', () => {
    expect([-3, -2, -1, 0, 1, 3, 6, 12].filter(labelledTick)).toEqual([-3, 0, 3, 6, 12]);
  });
});
