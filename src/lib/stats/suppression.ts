/**
 * Small-cell suppression for cohort breakdowns (by role, career stage, cohort …), so no one can be singled out.
 * The minimum comes from the site configuration, `privacy.minGroupSize` (5 by default).
 *
 * The rule, applied to one breakdown whose groups together make up the shown total:
 * 1. If the total itself is below the minimum, every group and the total are hidden ("total-below-minimum").
 * 2. A group with at least one but fewer than `minimum` responses is hidden ("below-minimum").
 * 3. Complementary suppression: while the hidden groups together hold fewer than `minimum` responses, also hide
 *    the smallest group still shown that has responses ("complementary"; ties go to the group listed first).
 *    Otherwise subtracting the shown groups from the total would give the hidden group's count, and with it its
 *    mean. In the common case of exactly one hidden group this hides the next-smallest; it goes on when the two
 *    together are still fewer than the minimum (2 + 1 hidden would still reveal three people's combined answers).
 * Groups with no responses are shown: a zero identifies no one, and hiding an empty group would protect nothing.
 *
 * Hide every statistic of a hidden group, not only its count. The rule protects one breakdown at a time; two
 * breakdowns of the same responses (role, and stage) can still be differenced against each other. The dashboard
 * therefore runs it first and then audits everything it publishes together (dashboard/analysis/privacy.ts, rule 5;
 * dashboard/analysis/disclosure-audit.ts); use the audit wherever more than one breakdown is shown.
 */

export type SuppressionReason = 'below-minimum' | 'complementary' | 'total-below-minimum';

export interface GroupCount {
  id: string;
  count: number;
}

export interface SuppressedGroup extends GroupCount {
  hidden: boolean;
  /** Why the group is hidden, for the dashboard to explain; null when shown. */
  reason: SuppressionReason | null;
}

export interface Suppression {
  minimum: number;
  total: number;
  /** True when the total is below the minimum, so the breakdown shows nothing at all. */
  totalHidden: boolean;
  /** In the order given. */
  groups: SuppressedGroup[];
}

export const DEFAULT_MINIMUM_GROUP_SIZE = 5;

export function suppressSmallGroups(groups: readonly GroupCount[], minimum = DEFAULT_MINIMUM_GROUP_SIZE): Suppression {
  if (!Number.isInteger(minimum) || minimum < 1) throw new RangeError(`a minimum group size must be a whole number of at least 1, not ${minimum}`);
  for (const group of groups) {
    if (!Number.isInteger(group.count) || group.count < 0) throw new RangeError(`group "${group.id}" needs a whole, non-negative count, not ${group.count}`);
  }
  const total = groups.reduce((sum, group) => sum + group.count, 0);
  if (total < minimum) {
    return { minimum, total, totalHidden: true, groups: groups.map((group) => ({ ...group, hidden: true, reason: 'total-below-minimum' })) };
  }
  const result: SuppressedGroup[] = groups.map((group) => {
    const small = group.count > 0 && group.count < minimum;
    return { ...group, hidden: small, reason: small ? 'below-minimum' : null };
  });
  const hiddenCount = () => result.reduce((sum, group) => sum + (group.hidden ? group.count : 0), 0);
  while (result.some((group) => group.hidden) && hiddenCount() < minimum) {
    let smallest: SuppressedGroup | undefined;
    for (const group of result) if (!group.hidden && group.count > 0 && (!smallest || group.count < smallest.count)) smallest = group;
    if (!smallest) break; // unreachable: the total is at least the minimum, so a shown group with responses remains
    smallest.hidden = true;
    smallest.reason = 'complementary';
  }
  return { minimum, total, totalHidden: false, groups: result };
}
