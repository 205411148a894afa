/**
 * One day of a plan as run mode's items: each block with its title and flexible range, each break as a break.
 * A plan item whose block no longer exists is left out (readPlan has already said so).
 */
import { shortHash, type Catalogue, type PlanDay } from './plan.ts';
import type { RunItem } from './run-state.ts';

export function runItems(day: PlanDay, catalogue: Catalogue, breakTitle: string): RunItem[] {
  return day.items.flatMap((item): RunItem[] => {
    if (item.kind === 'break') return [{ key: 'break', module: null, block: null, title: breakTitle, plannedMinutes: item.minutes, range: null, shortenOrder: null }];
    const module = catalogue.get(item.module);
    const block = module?.blocks.find((candidate) => candidate.id === item.block);
    if (!module || !block) return [];
    const order = module.absorbOverrunsIn.indexOf(block.id);
    return [{ key: `${module.id}.${block.id}`, module: module.id, block: block.id, title: block.title, plannedMinutes: item.minutes, range: block.range ?? null, shortenOrder: order >= 0 ? order : null }];
  });
}

/** Names a plan and day, for saved run state and the projector window: the same link and day give the same id. */
export function planId(fragment: string, day: number): string {
  return shortHash(`${fragment.replace(/^#/, '')}|${day}`);
}
