/**
 * Small-cell suppression with complementary suppression. The rule is written out in src/lib/stats/suppression.ts;
 * these cases are checked by hand (no reference software implements this particular rule).
 */
import { describe, expect, it } from 'vitest';
import { suppressSmallGroups } from '../../src/lib/stats/suppression.ts';

const hidden = (groups: { id: string; count: number }[], minimum?: number) =>
  Object.fromEntries(suppressSmallGroups(groups, minimum).groups.map((group) => [group.id, group.reason]));

describe('small-cell suppression', () => {
  it('shows every group when all have at least the minimum', () => {
    const result = suppressSmallGroups([{ id: 'early', count: 12 }, { id: 'mid', count: 5 }, { id: 'senior', count: 9 }]);
    expect(result).toEqual({
      minimum: 5,
      total: 26,
      totalHidden: false,
      groups: [
        { id: 'early', count: 12, hidden: false, reason: null },
        { id: 'mid', count: 5, hidden: false, reason: null },
        { id: 'senior', count: 9, hidden: false, reason: null },
      ],
    });
  });

  it('hides a small group and the next-smallest, so the total minus the shown groups reveals nothing', () => {
    // Without the second hide: 30 − 12 − 9 − 6 = 3 would give the managers' count, and with means, their mean.
    expect(hidden([{ id: 'early', count: 12 }, { id: 'mid', count: 9 }, { id: 'senior', count: 6 }, { id: 'managers', count: 3 }])).toEqual({
      early: null,
      mid: null,
      senior: 'complementary',
      managers: 'below-minimum',
    });
  });

  it('keeps hiding until the hidden groups together reach the minimum', () => {
    // 2 hidden; the next-smallest, 1, is itself small; 2 + 1 = 3 < 5, so 6 goes too.
    expect(hidden([{ id: 'a', count: 2 }, { id: 'b', count: 1 }, { id: 'c', count: 6 }, { id: 'd', count: 20 }])).toEqual({
      a: 'below-minimum',
      b: 'below-minimum',
      c: 'complementary',
      d: null,
    });
    // Two small groups that together reach the minimum need no complement.
    expect(hidden([{ id: 'a', count: 3 }, { id: 'b', count: 4 }, { id: 'c', count: 20 }])).toEqual({ a: 'below-minimum', b: 'below-minimum', c: null });
  });

  it('breaks ties by the order given, and never uses an empty group as the complement', () => {
    expect(hidden([{ id: 'a', count: 2 }, { id: 'empty', count: 0 }, { id: 'b', count: 7 }, { id: 'c', count: 7 }])).toEqual({
      a: 'below-minimum',
      empty: null,
      b: 'complementary',
      c: null,
    });
  });

  it('hides everything when the whole breakdown is below the minimum', () => {
    const result = suppressSmallGroups([{ id: 'member', count: 3 }, { id: 'manager', count: 1 }]);
    expect(result.totalHidden).toBe(true);
    expect(result.groups.every((group) => group.hidden && group.reason === 'total-below-minimum')).toBe(true);
  });

  it('takes the minimum from the configuration (privacy.minGroupSize)', () => {
    expect(hidden([{ id: 'a', count: 8 }, { id: 'b', count: 12 }, { id: 'c', count: 30 }], 10)).toEqual({ a: 'below-minimum', b: 'complementary', c: null });
    expect(hidden([{ id: 'a', count: 2 }, { id: 'b', count: 3 }], 2)).toEqual({ a: null, b: null });
  });

  it('refuses counts and minimums that are not whole numbers', () => {
    expect(() => suppressSmallGroups([{ id: 'a', count: 2.5 }])).toThrow(/group "a"/);
    expect(() => suppressSmallGroups([{ id: 'a', count: -1 }])).toThrow(/non-negative/);
    expect(() => suppressSmallGroups([{ id: 'a', count: 5 }], 0)).toThrow(/minimum/);
  });
});
