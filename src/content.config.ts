/**
 * Content collections. Everything an organisation edits lives in `content/`; schemas live in
 * `src/schemas/` so each concern documents its own fields.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { guideSchema } from './schemas/guide.ts';

/** Ids keep their locale folder ("ja/deployment"), so a page finds its counterpart by swapping it. */
const localisedGlob = (folder: string) =>
  glob({ pattern: '{ja,en}/**/*.{md,mdx}', base: `./content/${folder}`, generateId: ({ entry }) => entry.replace(/\.mdx?$/, '') });

export const collections = {
  guides: defineCollection({ loader: localisedGlob('guides'), schema: guideSchema }),
};
