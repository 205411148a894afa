/**
 * A session plan: one or more days, each with a date, a start time, an optional time to finish by, and the blocks
 * and breaks in order, taken from the modules (one module or blocks of several) with the minutes the facilitator
 * chose. Pure data and arithmetic; the planner page and run mode build on it.
 *
 * The plan travels in a link's fragment (never sent to a server), in a form short enough to paste and plain
 * enough to read:
 *
 *   #v=1&t=Managers%20Dec&day=2026-12-01@09:00-13:30~people-manager.opening.15,break.10,people-manager.closing.20
 *     &fp=people-manager:3f9a1c
 *
 * A link edited by hand, or made for an older version of a module, is read as far as it is valid: readPlan keeps
 * what it can and lists what it dropped or changed, and why (PlanProblem), for the page to say in its language.
 */

/** What the plan needs of a module: its blocks' ids, titles, minutes and flexible ranges. */
export interface CatalogueBlock {
  id: string;
  title: string;
  minutes: number;
  range?: { min: number; max: number } | undefined;
  kind: string;
}

export interface CatalogueModule {
  id: string;
  title: string;
  blocks: readonly CatalogueBlock[];
  /** Flexible blocks in the order to shorten them when a session runs late. */
  absorbOverrunsIn: readonly string[];
}

export type Catalogue = ReadonlyMap<string, CatalogueModule>;

/** A module as the session tools get it in the browser: also the page participants open during each block. */
export interface SessionModule extends CatalogueModule {
  /** Per block id: the path of the page participants open during it (an exercise, or the survey with its wave). */
  joins: Record<string, { path: string; kind: 'exercise' | 'survey'; wave?: string }>;
}

export type PlanItem = { kind: 'block'; module: string; block: string; minutes: number } | { kind: 'break'; minutes: number };

export interface PlanDay {
  /** YYYY-MM-DD, or null when not set yet. */
  date: string | null;
  /** Minutes after midnight. */
  start: number;
  /** The time the day must end by, in minutes after midnight; null when open-ended. */
  end: number | null;
  items: PlanItem[];
}

export interface SessionPlan {
  title: string;
  days: PlanDay[];
}

export const PLAN_VERSION = 1;
export const MAX_DAYS = 5;
export const MAX_ITEMS_PER_DAY = 60;
export const MAX_BREAK_MINUTES = 120;
const MAX_TITLE = 80;

/** Something in a link that could not be used as it was. The page translates `kind`; `detail` is English for logs. */
export type PlanProblem =
  | { kind: 'newer-version'; version: string }
  | { kind: 'unreadable'; part: string }
  | { kind: 'too-many-days'; kept: number }
  | { kind: 'bad-day'; day: number; part: string }
  | { kind: 'unknown-module'; day: number; module: string }
  | { kind: 'unknown-block'; day: number; module: string; block: string }
  | { kind: 'minutes-out-of-range'; day: number; module: string; block: string; minutes: number; min: number; max: number; kept: number }
  | { kind: 'minutes-fixed'; day: number; module: string; block: string; minutes: number; kept: number }
  | { kind: 'bad-break'; day: number; part: string }
  | { kind: 'module-changed'; module: string };

/** A few characters that change when the text does (FNV-1a, 32 bits): a change detector, not a security measure. */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(36);
}

/** A module's blocks, minutes and ranges in a few characters: a link made before any of them changed says so. */
export function moduleFingerprint(module: CatalogueModule): string {
  return shortHash(module.blocks.map((b) => `${b.id}:${b.minutes}:${b.range ? `${b.range.min}-${b.range.max}` : ''}`).join('|')).slice(0, 6);
}

/** A problem's values for its sentence in the page's language: modules by title, everything as text. */
export function problemValues(problem: PlanProblem, catalogue: Catalogue): Record<string, string> {
  return Object.fromEntries(Object.entries(problem).map(([key, value]) => [key, key === 'module' ? (catalogue.get(String(value))?.title ?? String(value)) : String(value)]));
}

/** A one-day plan of a whole module as written: every block at its own minutes. */
export function planFromModule(module: CatalogueModule, options: { date?: string | null; start?: number; end?: number | null } = {}): SessionPlan {
  return {
    title: module.title,
    days: [{ date: options.date ?? null, start: options.start ?? 9 * 60, end: options.end ?? null, items: module.blocks.map((b) => ({ kind: 'block', module: module.id, block: b.id, minutes: b.minutes })) }],
  };
}

const clock = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const parseTime = (text: string) => {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
};
const isDate = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`));

/** The modules a plan uses, each once, in order of first use. */
export function modulesUsed(plan: SessionPlan): string[] {
  return [...new Set(plan.days.flatMap((day) => day.items.flatMap((item) => (item.kind === 'block' ? [item.module] : []))))];
}

/** The link fragment for a plan (without the leading #). */
export function writePlan(plan: SessionPlan, catalogue: Catalogue): string {
  const params = new URLSearchParams({ v: String(PLAN_VERSION) });
  if (plan.title) params.set('t', plan.title.slice(0, MAX_TITLE));
  for (const day of plan.days) {
    const items = day.items.map((item) => (item.kind === 'break' ? `break.${item.minutes}` : `${item.module}.${item.block}.${item.minutes}`)).join(',');
    params.append('day', `${day.date ?? ''}@${clock(day.start)}${day.end === null ? '' : `-${clock(day.end)}`}~${items}`);
  }
  const prints = modulesUsed(plan).flatMap((id) => {
    const module = catalogue.get(id);
    return module ? [`${id}:${moduleFingerprint(module)}`] : [];
  });
  if (prints.length > 0) params.set('fp', prints.join(','));
  return params.toString();
}

/** Reads one item of a day; undefined with a problem pushed when it cannot be used. */
function readItem(part: string, day: number, catalogue: Catalogue, problems: PlanProblem[]): PlanItem | undefined {
  const pieces = part.split('.');
  if (pieces[0] === 'break' && pieces.length === 2) {
    const minutes = Number(pieces[1]);
    if (Number.isInteger(minutes) && minutes >= 1 && minutes <= MAX_BREAK_MINUTES) return { kind: 'break', minutes };
    problems.push({ kind: 'bad-break', day, part });
    return undefined;
  }
  const [moduleId, blockId, minutesText] = pieces;
  if (pieces.length !== 3 || !moduleId || !blockId) {
    problems.push({ kind: 'unreadable', part });
    return undefined;
  }
  const module = catalogue.get(moduleId);
  if (!module) {
    problems.push({ kind: 'unknown-module', day, module: moduleId });
    return undefined;
  }
  const block = module.blocks.find((candidate) => candidate.id === blockId);
  if (!block) {
    problems.push({ kind: 'unknown-block', day, module: moduleId, block: blockId });
    return undefined;
  }
  const minutes = Number(minutesText);
  if (!block.range) {
    if (minutes !== block.minutes) problems.push({ kind: 'minutes-fixed', day, module: moduleId, block: blockId, minutes, kept: block.minutes });
    return { kind: 'block', module: moduleId, block: blockId, minutes: block.minutes };
  }
  if (!Number.isInteger(minutes) || minutes < block.range.min || minutes > block.range.max) {
    problems.push({ kind: 'minutes-out-of-range', day, module: moduleId, block: blockId, minutes, min: block.range.min, max: block.range.max, kept: block.minutes });
    return { kind: 'block', module: moduleId, block: blockId, minutes: block.minutes };
  }
  return { kind: 'block', module: moduleId, block: blockId, minutes };
}

/**
 * Reads a link fragment (with or without the #). Keeps every valid day and item, and says what it dropped or
 * changed; null when the fragment holds no plan at all.
 */
export function readPlan(fragment: string, catalogue: Catalogue): { plan: SessionPlan; problems: PlanProblem[] } | null {
  const params = new URLSearchParams(fragment.replace(/^#/, ''));
  const version = params.get('v');
  if (version === null && !params.has('day')) return null;
  const problems: PlanProblem[] = [];
  if (version !== String(PLAN_VERSION)) problems.push({ kind: 'newer-version', version: version ?? '' });
  const dayParts = params.getAll('day');
  if (dayParts.length > MAX_DAYS) problems.push({ kind: 'too-many-days', kept: MAX_DAYS });
  const days: PlanDay[] = [];
  dayParts.slice(0, MAX_DAYS).forEach((part, index) => {
    const dayNumber = index + 1;
    const match = /^(\d{4}-\d{2}-\d{2})?@(\d{2}:\d{2})(?:-(\d{2}:\d{2}))?~(.*)$/.exec(part);
    const start = match ? parseTime(match[2]!) : undefined;
    const end = match?.[3] ? parseTime(match[3]) : null;
    if (!match || start === undefined || end === undefined || (match[1] && !isDate(match[1])) || (end !== null && end <= start)) {
      problems.push({ kind: 'bad-day', day: dayNumber, part: part.slice(0, 40) });
      return;
    }
    const items = match[4]!
      .split(',')
      .filter(Boolean)
      .slice(0, MAX_ITEMS_PER_DAY)
      .flatMap((item) => readItem(item, dayNumber, catalogue, problems) ?? []);
    days.push({ date: match[1] ?? null, start, end, items });
  });
  for (const print of (params.get('fp') ?? '').split(',').filter(Boolean)) {
    const [id, value] = print.split(':');
    const module = id ? catalogue.get(id) : undefined;
    if (module && value !== moduleFingerprint(module)) problems.push({ kind: 'module-changed', module: id! });
  }
  return { plan: { title: (params.get('t') ?? '').slice(0, MAX_TITLE), days }, problems };
}
