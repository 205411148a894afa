import { getCollection, type CollectionEntry } from 'astro:content';
import type { Locale } from '../lib/i18n/locales.ts';

export type ExerciseEntry = CollectionEntry<'exercises'> & { slug: string };

/** Exercises written in one locale ("ja/will-can-must" -> slug "will-can-must"), by title. */
export async function exercisesOf(locale: Locale): Promise<ExerciseEntry[]> {
  return (await getCollection('exercises'))
    .filter((entry) => entry.id.startsWith(`${locale}/`))
    .map((entry) => Object.assign(entry, { slug: entry.id.slice(locale.length + 1) }))
    .sort((a, b) => a.data.title.localeCompare(b.data.title, locale));
}
