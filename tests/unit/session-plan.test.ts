/**
 * Session plans (src/lib/session/plan.ts) and their arithmetic (schedule.ts): links that round-trip, hand-edited
 * and outdated links read as far as they are valid, clock times across breaks and several days, days that do
 * not fit, and the shortening proposal.
 */
import { describe, expect, it } from 'vitest';
import { moduleFingerprint, planFromModule, readPlan, writePlan, type Catalogue, type CatalogueModule, type SessionPlan } from '../../src/lib/session/plan.ts';
import { applyCuts, proposeCuts, scheduleDay, schedulePlan, shortenableItems } from '../../src/lib/session/schedule.ts';

const workshop: CatalogueModule = {
  id: 'people-manager',
  title: 'Supporting careers',
  absorbOverrunsIn: ['dilemmas', 'model'],
  blocks: [
    { id: 'opening', title: 'Opening', minutes: 15, kind: 'plenary' },
    { id: 'model', title: 'The model', minutes: 30, range: { min: 20, max: 35 }, kind: 'talk' },
    { id: 'rehearsal', title: 'Rehearsal', minutes: 40, range: { min: 30, max: 45 }, kind: 'pairs' },
    { id: 'dilemmas', title: 'Dilemmas', minutes: 25, range: { min: 15, max: 30 }, kind: 'small-groups' },
    { id: 'closing', title: 'Closing', minutes: 20, kind: 'plenary' },
  ],
};
const other: CatalogueModule = { id: 'first-years', title: 'First years', absorbOverrunsIn: [], blocks: [{ id: 'timeline', title: 'Timeline', minutes: 30, range: { min: 25, max: 40 }, kind: 'individual' }] };
const catalogue: Catalogue = new Map([workshop, other].map((module) => [module.id, module]));

describe('a plan in a link', () => {
  it('round-trips: title, days with dates, start and end times, blocks of two modules, breaks', () => {
    const plan: SessionPlan = {
      title: 'Managers, December',
      days: [
        { date: '2026-12-01', start: 9 * 60, end: 12 * 60 + 30, items: [{ kind: 'block', module: 'people-manager', block: 'opening', minutes: 15 }, { kind: 'break', minutes: 10 }, { kind: 'block', module: 'people-manager', block: 'model', minutes: 25 }] },
        { date: null, start: 13 * 60, end: null, items: [{ kind: 'block', module: 'first-years', block: 'timeline', minutes: 40 }] },
      ],
    };
    const link = writePlan(plan, catalogue);
    expect(link).toContain('day=2026-12-01%4009%3A00-12%3A30%7Epeople-manager.opening.15%2Cbreak.10%2Cpeople-manager.model.25');
    expect(readPlan(`#${link}`, catalogue)).toEqual({ plan, problems: [] });
  });

  it('is null for a fragment that holds no plan', () => {
    expect(readPlan('', catalogue)).toBeNull();
    expect(readPlan('#top', catalogue)).toBeNull();
  });

  it('keeps what is valid in a hand-edited link and says what it dropped or changed', () => {
    const link = 'v=1&day=2026-12-01@09:00~people-manager.opening.20,people-manager.model.50,people-manager.gone.10,nowhere.x.5,break.999,garbage,people-manager.closing.20&day=2026-13-40@25:00~break.5';
    const read = readPlan(link, catalogue)!;
    expect(read.plan.days).toHaveLength(1);
    expect(read.plan.days[0]!.items).toEqual([
      { kind: 'block', module: 'people-manager', block: 'opening', minutes: 15 },
      { kind: 'block', module: 'people-manager', block: 'model', minutes: 30 },
      { kind: 'block', module: 'people-manager', block: 'closing', minutes: 20 },
    ]);
    expect(read.problems).toEqual([
      { kind: 'minutes-fixed', day: 1, module: 'people-manager', block: 'opening', minutes: 20, kept: 15 },
      { kind: 'minutes-out-of-range', day: 1, module: 'people-manager', block: 'model', minutes: 50, min: 20, max: 35, kept: 30 },
      { kind: 'unknown-block', day: 1, module: 'people-manager', block: 'gone' },
      { kind: 'unknown-module', day: 1, module: 'nowhere' },
      { kind: 'bad-break', day: 1, part: 'break.999' },
      { kind: 'unreadable', part: 'garbage' },
      { kind: 'bad-day', day: 2, part: '2026-13-40@25:00~break.5' },
    ]);
  });

  it('says when a module has changed since the link was made, and when the link is from a newer kit', () => {
    const link = writePlan(planFromModule(workshop), catalogue);
    expect(link).toContain(`fp=people-manager%3A${moduleFingerprint(workshop)}`);
    const changed: Catalogue = new Map([['people-manager', { ...workshop, blocks: workshop.blocks.map((b) => (b.id === 'closing' ? { ...b, minutes: 25 } : b)) }]]);
    expect(readPlan(link, changed)!.problems).toContainEqual({ kind: 'module-changed', module: 'people-manager' });
    expect(readPlan(link.replace('v=1', 'v=2'), catalogue)!.problems).toContainEqual({ kind: 'newer-version', version: '2' });
  });

  it('keeps at most five days', () => {
    const link = `v=1${'&day=@09:00~break.5'.repeat(7)}`;
    const read = readPlan(link, catalogue)!;
    expect(read.plan.days).toHaveLength(5);
    expect(read.problems).toEqual([{ kind: 'too-many-days', kept: 5 }]);
  });
});

describe('clock times', () => {
  it('runs the blocks and breaks of each day from its start, and says by how much a day does not fit', () => {
    const plan = planFromModule(workshop, { start: 9 * 60 + 30, end: 11 * 60 + 30 });
    plan.days[0]!.items.splice(2, 0, { kind: 'break', minutes: 10 });
    plan.days.push({ date: '2026-12-02', start: 13 * 60, end: 14 * 60, items: [{ kind: 'block', module: 'first-years', block: 'timeline', minutes: 30 }] });
    const [first, second] = schedulePlan(plan, catalogue);
    expect(first!.items.map((item) => [item.start, item.end])).toEqual([
      [570, 585],
      [585, 615],
      [615, 625],
      [625, 665],
      [665, 690],
      [690, 710],
    ]);
    expect(first).toMatchObject({ totalMinutes: 140, availableMinutes: 120, overBy: 20, end: 710 });
    expect(second).toMatchObject({ totalMinutes: 30, availableMinutes: 60, overBy: 0 });
    expect(scheduleDay({ date: null, start: 540, end: null, items: [] }, catalogue)).toMatchObject({ totalMinutes: 0, overBy: 0, availableMinutes: null });
  });
});

describe('shortening to fit', () => {
  it("shortens the module's own order first, each no further than its minimum", () => {
    const day = planFromModule(workshop).days[0]!;
    const proposal = proposeCuts(shortenableItems(day, catalogue), 15);
    // dilemmas (first in absorbOverrunsIn) gives 10 of its 25 → 15, then model gives the other 5.
    expect(proposal).toEqual({ cuts: [{ index: 1, from: 30, to: 25 }, { index: 3, from: 25, to: 15 }], saved: 15, short: 0 });
    expect(applyCuts(day, proposal).items.map((item) => item.minutes)).toEqual([15, 25, 40, 15, 20]);
  });

  it('then the other flexible blocks, latest first, and says what is still missing', () => {
    const day = planFromModule(workshop).days[0]!;
    const proposal = proposeCuts(shortenableItems(day, catalogue), 40);
    expect(proposal.cuts).toEqual([
      { index: 1, from: 30, to: 20 },
      { index: 2, from: 40, to: 30 },
      { index: 3, from: 25, to: 15 },
    ]);
    expect(proposal).toMatchObject({ saved: 30, short: 10 });
  });

  it('leaves blocks before a given point alone, and proposes nothing for nothing', () => {
    const day = planFromModule(workshop).days[0]!;
    expect(shortenableItems(day, catalogue, 3).map((item) => item.index)).toEqual([3]);
    expect(proposeCuts(shortenableItems(day, catalogue), 0)).toEqual({ cuts: [], saved: 0, short: 0 });
  });
});
