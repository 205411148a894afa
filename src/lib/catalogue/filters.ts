/**
 * The module catalogue's filters as plain data: which duration band a module falls in, whether a module
 * matches a choice of stage, duration and format, and the choice written to and read from a URL query.
 * The catalogue page uses it at build time (to write its CSS-only filtering rules) and in the browser
 * (the script that filters instantly and announces the count), so both agree by construction.
 */

/** The catalogue's filter groups, in the order the page shows them; also the URL query keys. */
export const FILTER_GROUPS = ['stage', 'duration', 'format'] as const;
export type FilterGroup = (typeof FILTER_GROUPS)[number];

/** A record with one entry per filter group, computed group by group. */
export function perGroup<T>(valueOf: (group: FilterGroup) => T): Record<FilterGroup, T> {
  return { stage: valueOf('stage'), duration: valueOf('duration'), format: valueOf('format') };
}

/** What a person chose in each group; '' means "all" (no filtering on that group). */
export type FilterSelection = Record<FilterGroup, string>;

export const NO_FILTER: FilterSelection = { stage: '', duration: '', format: '' };

/**
 * Duration bands. Three hours is where organisations usually draw the line between a session that fits
 * a morning or an afternoon and one that needs most of a working day (or two online sessions).
 */
export const DURATION_BANDS = [
  { id: 'up-to-3h', maxMinutes: 180 },
  { id: 'over-3h', maxMinutes: Number.POSITIVE_INFINITY },
] as const;
export type DurationBand = (typeof DURATION_BANDS)[number]['id'];

export function durationBand(minutes: number): DurationBand {
  return DURATION_BANDS.find((band) => minutes <= band.maxMinutes)!.id;
}

/** What the filters look at on one module: every group as the list of values the module has. */
export type CatalogueFacets = Record<FilterGroup, string[]>;

export function moduleFacets(module: { audience: string; durationMinutes: number; formats: readonly string[] }): CatalogueFacets {
  return { stage: [module.audience], duration: [durationBand(module.durationMinutes)], format: [...module.formats] };
}

/** A module matches when, in every group, nothing is chosen or the module has the chosen value. */
export function matchesSelection(facets: CatalogueFacets, selection: FilterSelection): boolean {
  return FILTER_GROUPS.every((group) => selection[group] === '' || facets[group].includes(selection[group]));
}

/** The options each group offers; a value outside them (an old or mistyped link) counts as "all". */
export type FilterOptions = Record<FilterGroup, readonly string[]>;

/** The choice a URL query asks for (`?stage=first-years&format=online`), keeping only values the page offers. */
export function selectionFromQuery(query: URLSearchParams, options: FilterOptions): FilterSelection {
  const selection = { ...NO_FILTER };
  for (const group of FILTER_GROUPS) {
    const value = query.get(group) ?? '';
    if (options[group].includes(value)) selection[group] = value;
  }
  return selection;
}

/** The query for a choice, without the groups left on "all": "" when nothing is chosen. */
export function queryFromSelection(selection: FilterSelection): string {
  const query = new URLSearchParams();
  for (const group of FILTER_GROUPS) if (selection[group]) query.set(group, selection[group]);
  const text = query.toString();
  return text ? `?${text}` : '';
}

/** Every combination of choices, "all" included: the page writes a no-match rule for each one that finds nothing. */
export function everySelection(options: FilterOptions): FilterSelection[] {
  return FILTER_GROUPS.reduce<FilterSelection[]>(
    (partial, group) => partial.flatMap((selection) => ['', ...options[group]].map((value) => ({ ...selection, [group]: value }))),
    [{ ...NO_FILTER }],
  );
}
