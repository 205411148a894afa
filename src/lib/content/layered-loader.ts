/**
 * Content collections read from both layers (src/lib/content/layers.ts): the kit's files the organisation does
 * not replace, then the organisation's.
 */
import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { glob } from 'astro/loaders';
import type { Loader, LoaderContext } from 'astro/loaders';
import { layerFiles, layerPaths } from './organisation-layer.ts';

/** Entries this layer's loader set, so it never deletes the other layer's entries as "no longer on disk". */
function scoped(context: LoaderContext, dir: string): LoaderContext {
  const prefix = `${relative(fileURLToPath(context.config.root), dir).split(sep).join('/')}/`;
  const store = context.store;
  const ownKeys = () => store.keys().filter((id) => store.get(id)?.filePath?.startsWith(prefix));
  return { ...context, store: { ...store, keys: ownKeys } };
}

/**
 * A content collection read from both layers: the kit's files the organisation does not replace, then the
 * organisation's. Each entry keeps its real file path, so Astro's own validation errors name the file in the layer
 * it came from.
 */
export function layeredGlob(folder: string, pattern: string, generateId?: (options: { entry: string }) => string): Loader {
  const paths = layerPaths();
  const replaced = layerFiles(paths).replaced.filter((file) => file.startsWith(`${folder}/`)).map((file) => file.slice(folder.length + 1));
  const kitDir = join(paths.kitDir, folder);
  const layerDir = join(paths.layerDir, folder);
  const kit = glob({ pattern: [pattern, ...replaced.map((file) => `!${file}`)], base: kitDir, generateId });
  const own = existsSync(layerDir) ? glob({ pattern, base: layerDir, generateId }) : undefined;
  return {
    name: 'banso-layered-glob',
    load: async (context) => {
      // The kit first: a replaced entry it still holds from an earlier build is removed before the organisation's arrives.
      await kit.load(scoped(context, kitDir));
      if (own) await own.load(scoped(context, layerDir));
    },
  };
}
