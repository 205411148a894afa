/**
 * Published workshop modules for the pages: loads the collections once, runs the cross-entry checks
 * (failing the build with their messages), and resolves each module in each enabled language.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { AstroError } from 'astro/errors';
import { checkModules, formatContentProblems } from '../lib/content/checks.ts';
import { siteConfigFile, sourceName } from '../lib/content/organisation-layer.ts';
import type { Locale } from '../lib/i18n/locales.ts';
import { enabledLocales, siteConfig } from './site.ts';
import { careerStages } from './stages.ts';

export type ModuleEntry = CollectionEntry<'modules'>;

export interface LocalisedModule {
  entry: ModuleEntry;
  /** The language the module is written in; differs from the page's when it is single-language. */
  contentLocale: Locale;
  /** Languages with a page for this module. */
  locales: Locale[];
}

let checked: Promise<ModuleEntry[]> | undefined;

async function checkedModules(): Promise<ModuleEntry[]> {
  const modules = await getCollection('modules');
  const exercises = await getCollection('exercises');
  const problems = checkModules({
    modules: modules.map((entry) => ({
      entryId: entry.id,
      id: entry.data.id,
      audience: entry.data.audience,
      durationMinutes: entry.data.durationMinutes,
      blockIds: entry.data.blocks.map((block) => block.id),
      exercises: entry.data.exercises,
      singleLanguage: entry.data.singleLanguage,
    })),
    exerciseIds: exercises.map((entry) => entry.id),
    locales: enabledLocales,
    published: siteConfig.modules,
    hidden: siteConfig.hiddenModules,
    stageIds: (await careerStages()).map((stage) => stage.id),
    sourceName,
    configName: siteConfigFile().name,
  });
  if (problems.length > 0) {
    throw new AstroError(`Workshop content has ${problems.length} problem(s):\n\n${formatContentProblems(problems)}`, 'Fix the files named above; the authoring guide explains every field.');
  }
  const { modules: published, hiddenModules } = siteConfig;
  return modules.filter((entry) => (published === 'all' || published.includes(entry.data.id)) && !hiddenModules.includes(entry.data.id));
}

/** Every published module as shown in one language, in a stable order. */
export async function modulesIn(locale: Locale): Promise<LocalisedModule[]> {
  const modules = await (checked ??= checkedModules());
  const ids = [...new Set(modules.map((entry) => entry.data.id))].sort();
  return ids.map((id) => {
    const versions = modules.filter((entry) => entry.data.id === id);
    const entry = versions.find((v) => v.id.startsWith(`${locale}/`)) ?? versions[0]!;
    const contentLocale = entry.id.split('/')[0] as Locale;
    const locales = enabledLocales.filter((l) => versions.some((v) => v.id.startsWith(`${l}/`)) || versions.some((v) => v.data.singleLanguage));
    return { entry, contentLocale, locales };
  });
}

/** `getStaticPaths` for module routes: every published module in every enabled language. */
export async function moduleStaticPaths() {
  const perLocale = await Promise.all(enabledLocales.map(async (lang) => ({ lang, modules: await modulesIn(lang) })));
  return perLocale.flatMap(({ lang, modules }) => modules.map((module) => ({ params: { lang, id: module.entry.data.id }, props: { module } })));
}
