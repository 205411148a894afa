/**
 * The programme documents for the pages: loads the collection once, runs the checks across languages (failing
 * the build with their messages), and lists one language's documents in their declared order.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { AstroError } from 'astro/errors';
import { formatContentProblems } from '../lib/content/checks.ts';
import { checkProgrammeDocuments, checkProgrammeViews } from '../lib/content/programme-checks.ts';
import { sourceName } from '../lib/content/organisation-layer.ts';
import type { Locale } from '../lib/i18n/locales.ts';
import { enabledLocales } from './site.ts';
import { careerStages } from './stages.ts';

export type ProgrammeDocument = CollectionEntry<'programme'> & { slug: string };

let checked: Promise<CollectionEntry<'programme'>[]> | undefined;

async function checkedDocuments(): Promise<CollectionEntry<'programme'>[]> {
  const documents = await getCollection('programme');
  const problems = checkProgrammeDocuments({
    documents: documents.map((entry) => ({ entryId: entry.id, order: entry.data.order, readers: entry.data.readers })),
    locales: enabledLocales,
    sourceName,
  });
  if (problems.length > 0) {
    throw new AstroError(`Programme documents have ${problems.length} problem(s):\n\n${formatContentProblems(problems)}`, 'Fix the files named above; the documents page lists the front-matter fields.');
  }
  return documents;
}

/** One language's documents ("ja/consent-form" -> slug "consent-form"), by order and then slug. May be empty. */
export async function programmeDocumentsIn(locale: Locale): Promise<ProgrammeDocument[]> {
  const documents = await (checked ??= checkedDocuments());
  return documents
    .filter((entry) => entry.id.startsWith(`${locale}/`))
    .map((entry) => ({ ...entry, slug: entry.id.slice(locale.length + 1) }))
    .sort((a, b) => a.data.order - b.data.order || a.slug.localeCompare(b.slug));
}

let checkedViews: Promise<CollectionEntry<'programmeView'>[]> | undefined;

/** The programme view's content in one language (content/programme-view/<locale>/index.mdx), checked against the other languages. */
export async function programmeViewIn(locale: Locale): Promise<CollectionEntry<'programmeView'>> {
  const views = await (checkedViews ??= (async () => {
    const entries = await getCollection('programmeView');
    const problems = checkProgrammeViews({
      views: entries.map((entry) => ({ locale: entry.id, steps: entry.data.steps, invitedStages: entry.data.invitations.map((i) => i.stage) })),
      locales: enabledLocales,
      stageIds: (await careerStages()).map((stage) => stage.id),
      sourceName,
    });
    if (problems.length > 0) throw new AstroError(`The programme view has ${problems.length} problem(s):\n\n${formatContentProblems(problems)}`, 'Fix the files named above.');
    return entries;
  })());
  return views.find((entry) => entry.id === locale)!;
}
