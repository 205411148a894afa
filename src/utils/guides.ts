import type { CollectionEntry } from 'astro:content';
import type { Locale } from '../lib/i18n/locales.ts';

export type GuideEntry = CollectionEntry<'guides'> & { slug: string };

/** Guides of one locale ("ja/deployment" -> slug "deployment"), in their declared order. */
export function guidesOf(all: CollectionEntry<'guides'>[], locale: Locale): GuideEntry[] {
  return all
    .filter((entry) => entry.id.startsWith(`${locale}/`))
    .map((entry) => Object.assign(entry, { slug: entry.id.slice(locale.length + 1) }))
    .sort((a, b) => a.data.order - b.data.order || a.slug.localeCompare(b.slug));
}

export function guidesFor(all: CollectionEntry<'guides'>[], locale: Locale, audience: string): GuideEntry[] {
  return guidesOf(all, locale).filter((guide) => guide.data.audience.includes(audience as never));
}
