/** The module catalogue's filters: bands, matching and the URL query, checked on modules a reader can follow by hand. */
import { describe, expect, it } from 'vitest';
import { durationBand, everySelection, matchesSelection, moduleFacets, NO_FILTER, queryFromSelection, selectionFromQuery } from '../../src/lib/catalogue/filters.ts';

const firstYears = moduleFacets({ audience: 'first-years', durationMinutes: 180, formats: ['in-person', 'online'] });
const managers = moduleFacets({ audience: 'people-managers', durationMinutes: 250, formats: ['in-person'] });
const options = { stage: ['first-years', 'people-managers'], duration: ['up-to-3h', 'over-3h'], format: ['in-person', 'online'] };

describe('catalogue filters', () => {
  it('puts exactly three hours in the shorter band and anything longer in the other', () => {
    expect([60, 180, 181, 250].map(durationBand)).toEqual(['up-to-3h', 'up-to-3h', 'over-3h', 'over-3h']);
  });

  it('matches a module only when every chosen group has the chosen value', () => {
    expect(matchesSelection(firstYears, NO_FILTER)).toBe(true);
    expect(matchesSelection(firstYears, { ...NO_FILTER, format: 'online' })).toBe(true);
    expect(matchesSelection(managers, { ...NO_FILTER, format: 'online' })).toBe(false);
    expect(matchesSelection(firstYears, { stage: 'first-years', duration: 'over-3h', format: '' })).toBe(false);
    expect(matchesSelection(managers, { stage: 'people-managers', duration: 'over-3h', format: 'in-person' })).toBe(true);
  });

  it('reads a query, ignoring values the page does not offer, and writes it back without the groups left on all', () => {
    const selection = selectionFromQuery(new URLSearchParams('stage=first-years&duration=all-day&format=online&extra=1'), options);
    expect(selection).toEqual({ stage: 'first-years', duration: '', format: 'online' });
    expect(queryFromSelection(selection)).toBe('?stage=first-years&format=online');
    expect(queryFromSelection(NO_FILTER)).toBe('');
  });

  it('lists every combination of choices, "all" included', () => {
    const all = everySelection(options);
    expect(all).toHaveLength(3 * 3 * 3);
    expect(all[0]).toEqual(NO_FILTER);
    expect(new Set(all.map((s) => JSON.stringify(s))).size).toBe(27);
  });
});
