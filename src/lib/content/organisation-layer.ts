/**
 * The organisation layer on disk (src/lib/content/layers.ts has the rules): where the two layers are, the files
 * each has, the content loaders that read both, and the merged UI strings. Used by the content configuration, the
 * Astro configuration, the build integration and `npm run organisation` (the content loader is in layered-loader.ts).
 *
 * The kit's folder is `content/` (BANSO_CONTENT_DIR for a test or a benchmark); the organisation's is
 * `organisation/` (BANSO_ORGANISATION_DIR), and may not exist.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { dictionarySchema, type Dictionary } from '../i18n/translations.ts';
import { compareLayers, emptyRecord, gitBlobId, layerUiStrings, type LayerFiles, type ReplacementRecord, type UiStringsLayer } from './layers.ts';

export interface LayerPaths {
  /** Absolute folders. */
  kitDir: string;
  layerDir: string;
  /** As a person reads them in messages: relative to the project ("content", "organisation") when inside it. */
  kitName: string;
  layerName: string;
  /** Whether the organisation has a layer at all. */
  hasLayer: boolean;
}

const displayName = (dir: string) => {
  const inside = relative(process.cwd(), dir);
  return !inside || inside.startsWith('..') || isAbsolute(inside) ? dir : inside.split(sep).join('/');
};

export function layerPaths(): LayerPaths {
  const kitDir = resolve(process.env.BANSO_CONTENT_DIR || 'content');
  const layerDir = resolve(process.env.BANSO_ORGANISATION_DIR || 'organisation');
  return { kitDir, layerDir, kitName: displayName(kitDir), layerName: displayName(layerDir), hasLayer: existsSync(layerDir) };
}

/** Every file under a folder, as posix paths relative to it. */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

export function layerFiles(paths = layerPaths()): LayerFiles {
  return compareLayers(filesUnder(paths.kitDir), filesUnder(paths.layerDir));
}

export const recordFile = (paths = layerPaths()) => join(paths.layerDir, 'replaced.json');

export function readRecord(paths = layerPaths()): ReplacementRecord {
  const file = recordFile(paths);
  if (!existsSync(file)) return emptyRecord();
  try {
    const raw = JSON.parse(readFileSync(file, 'utf8')) as Partial<ReplacementRecord>;
    return { files: raw.files ?? {}, strings: raw.strings ?? {} };
  } catch (error) {
    throw new Error(`${paths.layerName}/replaced.json could not be read as JSON (${(error as Error).message}). It is written by "npm run organisation"; restore it from version control.`);
  }
}

/** Git blob ids of the kit files the layer replaces. */
export function kitBlobs(replaced: readonly string[], paths = layerPaths()): Map<string, string> {
  return new Map(replaced.map((path) => [path, gitBlobId(readFileSync(join(paths.kitDir, path)))]));
}

/** A single content file as the build reads it: the organisation's if it has one, else the kit's. */
export function layeredFile(path: string, paths = layerPaths()): string {
  const own = join(paths.layerDir, path);
  return existsSync(own) ? own : join(paths.kitDir, path);
}

/** Where a content file comes from, as a message names it ("organisation/modules/ja/x.mdx" or "content/…"). */
export function sourceName(path: string, paths = layerPaths()): string {
  return existsSync(join(paths.layerDir, path)) ? `${paths.layerName}/${path}` : `${paths.kitName}/${path}`;
}

/**
 * The site configuration file: BANSO_CONFIG when set (a test or a deployment), else the organisation's
 * `site.yaml`, else the kit's.
 */
export function siteConfigFile(paths = layerPaths()): { path: string; name: string } {
  if (process.env.BANSO_CONFIG) return { path: process.env.BANSO_CONFIG, name: process.env.BANSO_CONFIG };
  const own = join(paths.layerDir, 'site.yaml');
  if (existsSync(own)) return { path: own, name: `${paths.layerName}/site.yaml` };
  return { path: join(paths.kitDir, 'site.yaml'), name: `${paths.kitName}/site.yaml` };
}

/** A layer's UI strings file, validated, naming the file in every problem. Missing is empty for the organisation. */
export function readDictionary(file: string, name: string): { dictionary?: Dictionary; problem?: string } {
  if (!existsSync(file)) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return { problem: `${name} could not be read as JSON: ${(error as Error).message}. Fix the JSON syntax (a missing comma or quote is the usual cause).` };
  }
  const parsed = dictionarySchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    const problem = first.code === 'invalid_key' ? 'is not a valid key' : `has a wrong value: expected ${first.message}`;
    return { problem: `${name}: "${first.path.join('.')}" ${problem}. Every entry is "dotted.key": "text", with keys such as "search.open".` };
  }
  return { dictionary: parsed.data };
}

/** One locale's UI strings: the kit's, with the organisation's replacements on top. */
export function layeredUiStrings(locale: string, paths = layerPaths()): UiStringsLayer & { kit: Dictionary; kitName: string; layerName: string } {
  const kitName = `${paths.kitName}/i18n/${locale}.json`;
  const layerName = `${paths.layerName}/i18n/${locale}.json`;
  const kit = readDictionary(join(paths.kitDir, 'i18n', `${locale}.json`), kitName);
  if (kit.problem || !kit.dictionary) throw new Error(kit.problem ?? `${kitName} is missing: restore it from the kit's release.`);
  const own = readDictionary(join(paths.layerDir, 'i18n', `${locale}.json`), layerName);
  if (own.problem) return { merged: kit.dictionary, replaced: [], problems: [own.problem], kit: kit.dictionary, kitName, layerName };
  return { ...layerUiStrings(kit.dictionary, own.dictionary ?? {}), kit: kit.dictionary, kitName, layerName };
}
