/**
 * Checks across the programme documents (content/programme/{ja,en}/<slug>.mdx) that a per-file schema cannot
 * see: a document exists in every published language, and both languages list it in the same place for the same
 * readers, so a bilingual HR team prints the same set of papers in either language.
 */
import type { ContentProblem } from './checks.ts';

export interface ProgrammeDocumentFacts {
  /** Collection id: "<locale>/<slug>". */
  entryId: string;
  order: number;
  readers: readonly string[];
}

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Where a content file comes from ("content/…" or "organisation/…"), for messages; the kit's folder by default. */
type SourceName = (path: string) => string;
const kitSource: SourceName = (path) => `content/${path}`;

export function checkProgrammeDocuments(options: { documents: readonly ProgrammeDocumentFacts[]; locales: readonly string[]; sourceName?: SourceName }): ContentProblem[] {
  const { documents, locales, sourceName = kitSource } = options;
  const problems: ContentProblem[] = [];
  const fileOf = (entryId: string) => sourceName(`programme/${entryId}.mdx`);
  const bySlug = new Map<string, ProgrammeDocumentFacts[]>();

  for (const document of documents) {
    const [, ...rest] = document.entryId.split('/');
    const slug = rest.join('/');
    if (!SLUG.test(slug)) {
      problems.push({ file: fileOf(document.entryId), key: '(file name)', problem: `"${slug}" cannot be a page address`, fix: 'name the file in lower-case letters, digits and hyphens, directly in the language folder, such as consent-form.mdx' });
    }
    bySlug.set(slug, [...(bySlug.get(slug) ?? []), document]);
  }

  for (const [slug, versions] of bySlug) {
    const present = versions.map((v) => v.entryId.split('/')[0]!);
    for (const locale of locales.filter((l) => !present.includes(l))) {
      problems.push({
        file: fileOf(versions[0]!.entryId),
        key: '(translation)',
        problem: `the document "${slug}" has no ${locale} version (${fileOf(versions[0]!.entryId).replace(/\/[a-z]{2}\/[^/]+\.mdx$/, `/${locale}/${slug}.mdx`)})`,
        fix: `write that file, or remove ${locale} from locales in content/site.yaml`,
      });
    }
    const [first, ...others] = versions.filter((v) => locales.includes(v.entryId.split('/')[0]!));
    for (const other of others) {
      if (other.order !== first!.order) {
        problems.push({ file: fileOf(other.entryId), key: 'order', problem: `${other.order} here but ${first!.order} in ${fileOf(first!.entryId)}`, fix: 'give both languages the same order, so the documents are listed alike' });
      }
      if ([...other.readers].sort().join() !== [...first!.readers].sort().join()) {
        problems.push({ file: fileOf(other.entryId), key: 'readers', problem: `[${other.readers.join(', ')}] here but [${first!.readers.join(', ')}] in ${fileOf(first!.entryId)}`, fix: 'give both languages the same readers' });
      }
    }
  }
  return problems;
}

export interface ProgrammeViewFacts {
  locale: string;
  steps: readonly { id: string; from: number; to?: number }[];
  invitedStages: readonly string[];
}

/** The programme view in each published language, with the same steps at the same months and stages that exist. */
export function checkProgrammeViews(options: { views: readonly ProgrammeViewFacts[]; locales: readonly string[]; stageIds: readonly string[]; sourceName?: SourceName }): ContentProblem[] {
  const { views, locales, stageIds, sourceName = kitSource } = options;
  const problems: ContentProblem[] = [];
  const fileOf = (locale: string) => sourceName(`programme-view/${locale}/index.mdx`);
  for (const locale of locales.filter((l) => !views.some((view) => view.locale === l))) {
    problems.push({ file: fileOf(locale), key: '(file)', problem: 'the programme view has no text in this language', fix: `write ${fileOf(locale)} (copy the other language's file and translate it)` });
  }
  for (const view of views) {
    view.invitedStages.forEach((stage, index) => {
      if (!stageIds.includes(stage)) problems.push({ file: fileOf(view.locale), key: `invitations[${index}].stage`, problem: `"${stage}" is not a career stage of content/stages.yaml`, fix: `use one of: ${stageIds.join(', ')}` });
    });
  }
  const published = views.filter((view) => locales.includes(view.locale));
  const timing = (view: ProgrammeViewFacts) => view.steps.map((step) => `${step.id} ${step.from}…${step.to ?? step.from}`).join(', ');
  for (const other of published.slice(1)) {
    if (timing(other) !== timing(published[0]!)) {
      problems.push({
        file: fileOf(other.locale),
        key: 'steps',
        problem: `the steps differ from ${fileOf(published[0]!.locale)} (${timing(other)} against ${timing(published[0]!)})`,
        fix: 'give both languages the same step ids in the same order, with the same from and to months',
      });
    }
  }
  return problems;
}
