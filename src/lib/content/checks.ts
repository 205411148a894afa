/**
 * Checks that span content entries, which a per-file schema cannot see: a module's id matches its file,
 * each module exists in every published language (or says it is single-language), the exercises it uses
 * exist, both languages keep the same timings, and the configuration publishes only modules that exist.
 */

export interface ModuleFacts {
  /** Collection id: "<locale>/<file name>". */
  entryId: string;
  id: string;
  /** A stage id, or "people-managers". */
  audience: string;
  durationMinutes: number;
  blockIds: string[];
  exercises: string[];
  singleLanguage: boolean;
}

export interface ContentProblem {
  file: string;
  key: string;
  problem: string;
  fix: string;
}

export function checkModules(options: {
  modules: readonly ModuleFacts[];
  /** Exercise collection ids: "<locale>/<id>". */
  exerciseIds: readonly string[];
  locales: readonly string[];
  published: 'all' | readonly string[];
  /** site.yaml → hiddenModules. */
  hidden?: readonly string[];
  /** Ids of content/stages.yaml, in order. */
  stageIds: readonly string[];
  /** Where a content file comes from ("content/…" or "organisation/…"), for messages; the kit's folder by default. */
  sourceName?: (path: string) => string;
  /** The configuration file, as messages name it. */
  configName?: string;
}): ContentProblem[] {
  const { modules, exerciseIds, locales, published, stageIds, hidden = [], sourceName = (path) => `content/${path}`, configName = 'content/site.yaml' } = options;
  const problems: ContentProblem[] = [];
  const fileOf = (entryId: string) => sourceName(`modules/${entryId}.mdx`);
  const byId = new Map<string, ModuleFacts[]>();

  for (const module of modules) {
    const [locale, fileName] = module.entryId.split('/') as [string, string];
    if (fileName !== module.id) {
      problems.push({ file: fileOf(module.entryId), key: 'id', problem: `the id is "${module.id}" but the file is named "${fileName}.mdx"`, fix: `rename the file to ${module.id}.mdx, or set id: ${fileName}` });
    }
    byId.set(module.id, [...(byId.get(module.id) ?? []), module]);
    if (module.audience !== 'people-managers' && !stageIds.includes(module.audience)) {
      problems.push({ file: fileOf(module.entryId), key: 'audience', problem: `"${module.audience}" is not a career stage of content/stages.yaml`, fix: `use one of: ${[...stageIds, 'people-managers'].join(', ')}` });
    }
    module.exercises.forEach((exercise, index) => {
      if (!exerciseIds.includes(`${locale}/${exercise}`)) {
        const known = exerciseIds.filter((e) => e.startsWith(`${locale}/`)).map((e) => e.slice(locale.length + 1));
        problems.push({ file: fileOf(module.entryId), key: `exercises[${index}]`, problem: `no exercise "${exercise}" exists in content/exercises/${locale}/`, fix: `use one of: ${known.join(', ') || '(none yet)'}` });
      }
    });
  }

  for (const [id, versions] of byId) {
    const present = versions.map((v) => v.entryId.split('/')[0]!);
    for (const locale of locales.filter((l) => !present.includes(l))) {
      if (versions.some((v) => v.singleLanguage)) continue;
      problems.push({
        file: fileOf(versions[0]!.entryId),
        key: 'singleLanguage',
        problem: `module "${id}" has no ${locale} version (${fileOf(versions[0]!.entryId).replace(/\/[a-z]{2}\/[^/]+\.mdx$/, `/${locale}/${id}.mdx`)})`,
        fix: `write that file, or set singleLanguage: true to publish this version in ${locale} with a notice that it is not translated`,
      });
    }
    const [first, ...others] = versions;
    for (const other of others) {
      if (other.durationMinutes !== first!.durationMinutes || other.blockIds.join() !== first!.blockIds.join()) {
        problems.push({
          file: fileOf(other.entryId),
          key: 'blocks',
          problem: `the ${other.entryId.split('/')[0]} and ${first!.entryId.split('/')[0]} versions of "${id}" have different agendas (${other.blockIds.length} blocks, ${other.durationMinutes} min vs ${first!.blockIds.length} blocks, ${first!.durationMinutes} min)`,
          fix: 'give both languages the same block ids in the same order and the same total duration, so a bilingual team runs the same session',
        });
      }
    }
  }

  if (published !== 'all') {
    published.forEach((id, index) => {
      if (!byId.has(id)) {
        problems.push({ file: configName, key: `modules[${index}]`, problem: `no module has the id "${id}"`, fix: `use one of: ${[...byId.keys()].join(', ') || '(no modules yet)'}` });
      }
    });
  }
  hidden.forEach((id, index) => {
    if (!byId.has(id)) {
      problems.push({ file: configName, key: `hiddenModules[${index}]`, problem: `no module has the id "${id}"`, fix: `use one of: ${[...byId.keys()].join(', ') || '(no modules yet)'}` });
    }
  });
  return problems;
}

export function formatContentProblems(problems: readonly ContentProblem[]): string {
  return problems.map((p) => `✖ ${p.file} → ${p.key}: ${p.problem}.\n  Fix: ${p.fix}.`).join('\n\n');
}
