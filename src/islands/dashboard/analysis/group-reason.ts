import { fill } from '../../../lib/i18n/fill.ts';
import type { GroupCell } from '../../../lib/dashboard/analysis.ts';
import type { DashboardText } from '../strings.ts';

/** Why a group's figures are hidden, in words. */
export function groupReason(group: GroupCell, minimum: number, text: DashboardText): string {
  return group.reason ? fill(text[`analysis.group.reason.${group.reason}`], { minimum }) : text['analysis.withheld'];
}
