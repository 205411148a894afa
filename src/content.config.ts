/**
 * Content collections, read from two layers: the kit's `content/` and the organisation's own `organisation/`,
 * whose files replace the kit's at the same path and add new ones (src/lib/content/layers.ts). Schemas live in
 * `src/schemas/` so each concern documents its own fields. Checks that span entries (a module in both
 * languages, exercises that exist) run in `src/lib/content/checks.ts` when pages are built.
 */
import { defineCollection } from 'astro:content';
import { file } from 'astro/loaders';
import { layeredGlob } from './lib/content/layered-loader.ts';
import { layeredFile } from './lib/content/organisation-layer.ts';
import { guideSchema } from './schemas/guide.ts';
import { moduleSchema } from './schemas/module.ts';
import { exerciseSchema } from './schemas/exercise.ts';
import { instrumentSchema } from './schemas/survey.ts';
import { stageSchema } from './schemas/stage.ts';
import { programmeDocumentSchema } from './schemas/programme.ts';
import { programmeViewSchema } from './schemas/programme-view.ts';

/** Ids keep their locale folder ("ja/deployment"), so a page finds its counterpart by swapping it. */
const localisedGlob = (folder: string, extensions: string) => layeredGlob(folder, `{ja,en}/**/*.${extensions}`, ({ entry }) => entry.replace(/\.[a-z]+$/, ''));

export const collections = {
  /** The career-stage model (content/stages.yaml), in file order: survey codes record a stage by its position. */
  stages: defineCollection({ loader: file(layeredFile('stages.yaml')), schema: stageSchema }),
  guides: defineCollection({ loader: localisedGlob('guides', '{md,mdx}'), schema: guideSchema }),
  modules: defineCollection({ loader: localisedGlob('modules', 'mdx'), schema: moduleSchema }),
  exercises: defineCollection({ loader: localisedGlob('exercises', 'yaml'), schema: exerciseSchema }),
  /** Programme documents HR adapts and prints (vision, rules, calendar, letters, consent form…); may be empty. */
  programme: defineCollection({ loader: localisedGlob('programme', 'mdx'), schema: programmeDocumentSchema }),
  /** The programme view's wording and its year: one file a language (content/programme-view/ja/index.mdx -> id "ja"). */
  programmeView: defineCollection({
    loader: layeredGlob('programme-view', '{ja,en}/index.mdx', ({ entry }) => entry.split('/')[0]!),
    schema: programmeViewSchema,
  }),
  /** The survey instrument: one bilingual file, so item wording in both languages shares one id; earlier versions kept in versions/. */
  survey: defineCollection({ loader: layeredGlob('survey', '{instrument.yaml,versions/*.yaml}'), schema: instrumentSchema }),
};
