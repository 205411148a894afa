/**
 * Clock times for a plan's days, whether each day fits the time available, and which flexible blocks to shorten
 * (and by how much, never below their minimum) to save a number of minutes: the planner uses it to fit a day, run
 * mode to catch up when a session runs late.
 */
import type { Catalogue, CatalogueBlock, PlanDay, PlanItem, SessionPlan } from './plan.ts';

export interface ScheduledItem {
  /** Position in the day's items. */
  index: number;
  item: PlanItem;
  /** The module's block; undefined for a break. */
  block: CatalogueBlock | undefined;
  /** Minutes after midnight. */
  start: number;
  end: number;
}

export interface DaySchedule {
  items: ScheduledItem[];
  start: number;
  end: number;
  totalMinutes: number;
  /** Minutes between the start and the time to end by; null when the day is open-ended. */
  availableMinutes: number | null;
  /** How far past the time to end by the day runs; 0 when it fits or is open-ended. */
  overBy: number;
}

export function scheduleDay(day: PlanDay, catalogue: Catalogue): DaySchedule {
  let at = day.start;
  const items = day.items.map((item, index) => {
    const block = item.kind === 'block' ? catalogue.get(item.module)?.blocks.find((candidate) => candidate.id === item.block) : undefined;
    const scheduled = { index, item, block, start: at, end: at + item.minutes };
    at = scheduled.end;
    return scheduled;
  });
  const totalMinutes = at - day.start;
  const availableMinutes = day.end === null ? null : day.end - day.start;
  return { items, start: day.start, end: at, totalMinutes, availableMinutes, overBy: availableMinutes === null ? 0 : Math.max(0, totalMinutes - availableMinutes) };
}

export function schedulePlan(plan: SessionPlan, catalogue: Catalogue): DaySchedule[] {
  return plan.days.map((day) => scheduleDay(day, catalogue));
}

/** One flexible item that may give minutes back. */
export interface Shortenable {
  /** The caller's reference to the item (an index in the day, say). */
  index: number;
  minutes: number;
  min: number;
  /** Lower goes first: the module's own order (absorbOverrunsIn), then the rest. */
  priority: number;
}

export interface CutProposal {
  cuts: { index: number; from: number; to: number }[];
  /** Minutes the cuts save. */
  saved: number;
  /** Minutes still missing when every flexible item is at its minimum; 0 when the cuts cover it all. */
  short: number;
}

/** Shortens items in priority order, each as far as needed and no further than its minimum, to save `minutes`. */
export function proposeCuts(items: readonly Shortenable[], minutes: number): CutProposal {
  let needed = Math.max(0, Math.ceil(minutes));
  const cuts: CutProposal['cuts'] = [];
  for (const item of [...items].sort((a, b) => a.priority - b.priority || a.index - b.index)) {
    if (needed === 0) break;
    const give = Math.min(needed, item.minutes - item.min);
    if (give <= 0) continue;
    cuts.push({ index: item.index, from: item.minutes, to: item.minutes - give });
    needed -= give;
  }
  cuts.sort((a, b) => a.index - b.index);
  const saved = cuts.reduce((sum, cut) => sum + cut.from - cut.to, 0);
  return { cuts, saved, short: needed };
}

/**
 * The order to shorten a flexible item in: its module's absorbOverrunsIn position (`order`, −1 when not listed)
 * first, then the rest, latest first (the wrap-up of a long block is easiest to trim). Lower goes first.
 */
export function shortenPriority(order: number | null, index: number, itemCount: number): number {
  return order !== null && order >= 0 ? order : 1000 + (itemCount - index);
}

/**
 * A day's flexible blocks from `fromIndex` on, as Shortenable: each module's absorbOverrunsIn blocks first in its
 * order, then its other flexible blocks, latest first (the wrap-up of a long block is easiest to trim).
 */
export function shortenableItems(day: PlanDay, catalogue: Catalogue, fromIndex = 0): Shortenable[] {
  return day.items.flatMap((item, index) => {
    if (index < fromIndex || item.kind !== 'block') return [];
    const module = catalogue.get(item.module);
    const block = module?.blocks.find((candidate) => candidate.id === item.block);
    if (!module || !block?.range || item.minutes <= block.range.min) return [];
    const order = module.absorbOverrunsIn.indexOf(block.id);
    return [{ index, minutes: item.minutes, min: block.range.min, priority: shortenPriority(order, index, day.items.length) }];
  });
}

/** The day with the proposal's minutes applied. */
export function applyCuts(day: PlanDay, proposal: CutProposal): PlanDay {
  const to = new Map(proposal.cuts.map((cut) => [cut.index, cut.to]));
  return { ...day, items: day.items.map((item, index) => (to.has(index) ? { ...item, minutes: to.get(index)! } : item)) };
}
