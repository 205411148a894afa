/**
 * Content collections. Everything an organisation edits lives in `content/`; schemas live in
 * `src/schemas/` so each concern documents its own fields. Checks that span entries (a module in both
 * languages, exercises that exist) run in `src/lib/content/checks.ts` when pages are built.
 */
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { guideSchema } from './schemas/guide.ts';
import { moduleSchema } from './schemas/module.ts';
import { exerciseSchema } from './schemas/exercise.ts';
import { instrumentSchema } from './schemas/survey.ts';
import { stageSchema } from './schemas/stage.ts';
import { programmeDocumentSchema } from './schemas/programme.ts';
import { programmeViewSchema } from './schemas/programme-view.ts';

/** BANSO_CONTENT_DIR builds from another content folder (an organisation's own, or a test's). */
const contentDir = process.env.BANSO_CONTENT_DIR ?? './content';

/** Ids keep their locale folder ("ja/deployment"), so a page finds its counterpart by swapping it. */
const localisedGlob = (folder: string, extensions: string) =>
  glob({ pattern: `{ja,en}/**/*.${extensions}`, base: `${contentDir}/${folder}`, generateId: ({ entry }) => entry.replace(/\.[a-z]+$/, '') });

export const collections = {
  /** The career-stage model (content/stages.yaml), in file order: survey codes record a stage by its position. */
  stages: defineCollection({ loader: file(`${contentDir}/stages.yaml`), schema: stageSchema }),
  guides: defineCollection({ loader: localisedGlob('guides', '{md,mdx}'), schema: guideSchema }),
  modules: defineCollection({ loader: localisedGlob('modules', 'mdx'), schema: moduleSchema }),
  exercises: defineCollection({ loader: localisedGlob('exercises', 'yaml'), schema: exerciseSchema }),
  /** Programme documents HR adapts and prints (vision, rules, calendar, letters, consent form…); may be empty. */
  programme: defineCollection({ loader: localisedGlob('programme', 'mdx'), schema: programmeDocumentSchema }),
  /** The programme view's wording and its year: one file a language (content/programme-view/ja/index.mdx -> id "ja"). */
  programmeView: defineCollection({
    loader: glob({ pattern: '{ja,en}/index.mdx', base: `${contentDir}/programme-view`, generateId: ({ entry }) => entry.split('/')[0]! }),
    schema: programmeViewSchema,
  }),
  /** The survey instrument: one bilingual file, so item wording in both languages shares one id; earlier versions kept in versions/. */
  survey: defineCollection({ loader: glob({ pattern: '{instrument.yaml,versions/*.yaml}', base: `${contentDir}/survey` }), schema: instrumentSchema }),
};
