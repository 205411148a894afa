/**
 * The organisation layer (issue 17), as pure logic: which kit files an organisation's folder replaces or adds, how
 * its UI strings combine with the kit's key by key, and which replacements to review after a kit release.
 *
 * The organisation owns one folder (`organisation/`) shaped like the kit's `content/`. A file at the same path as a
 * kit file replaces it; a new path adds to the kit. Its `i18n/<locale>.json` holds only the strings it changes.
 * `organisation/replaced.json` records which version of each kit original a replacement was copied from, so the
 * build can say which replacements to look at when a release changes their originals.
 */
import { createHash } from 'node:crypto';
import type { Dictionary } from '../i18n/translations.ts';
import { checkTranslations } from '../i18n/translations.ts';

/** What `organisation/replaced.json` holds; written by `npm run organisation`, never by hand. */
export interface ReplacementRecord {
  /** Kit-relative path ("modules/ja/mid-career.mdx") → git blob id of the kit file it was copied from. */
  files: Record<string, string>;
  /** Locale → key → the kit's text when the organisation replaced it. */
  strings: Record<string, Record<string, string>>;
}

export const emptyRecord = (): ReplacementRecord => ({ files: {}, strings: {} });

/** Git's id for a file's content (`git hash-object`), so `git diff <old> <new>` can show what changed upstream. */
export function gitBlobId(content: Uint8Array): string {
  return createHash('sha1').update(`blob ${content.byteLength}\0`).update(content).digest('hex');
}

export interface LayerFiles {
  /** Kit-relative paths the organisation's folder has and the kit has too. */
  replaced: string[];
  /** Kit-relative paths only the organisation's folder has. */
  added: string[];
}

/**
 * Files of the two layers, compared by path. The organisation's `i18n/` (merged key by key) and its record are not
 * replacements. Its `site.yaml` is: it replaces the kit's as a whole, so a release that adds settings is a change to review.
 */
export function compareLayers(kitFiles: readonly string[], organisationFiles: readonly string[]): LayerFiles {
  const kit = new Set(kitFiles);
  const content = organisationFiles.filter((file) => !NOT_CONTENT.test(file)).sort();
  return { replaced: content.filter((file) => kit.has(file)), added: content.filter((file) => !kit.has(file)) };
}
/** Layer files that replace no kit file as a whole (UI strings, merged key by key; the record itself). */
const NOT_CONTENT = /^(i18n\/|replaced\.json$)/;

export interface UiStringsLayer {
  merged: Dictionary;
  /** Keys whose text the organisation replaces. */
  replaced: string[];
  /** Problems that stop the build, each naming the key. */
  problems: string[];
}

/**
 * The kit's strings for one locale with the organisation's on top. A key the kit does not have is a typo (it would
 * never be shown), and a replacement must keep the kit string's {{placeholders}}, or a number or name goes missing.
 */
export function layerUiStrings(kit: Dictionary, organisation: Dictionary): UiStringsLayer {
  const report = checkTranslations(kit, organisation);
  const problems = [
    ...report.unknown.map((key) => `"${key}" is not a UI string of the kit (a typo?), so it would never be shown`),
    ...report.placeholderMismatch.map((key) => `"${key}" must keep the kit text's placeholders (${placeholderList(kit[key]!)}), or what they stand for goes missing`),
  ];
  const replaced = Object.keys(organisation).filter((key) => key in kit);
  return { merged: { ...kit, ...Object.fromEntries(replaced.map((key) => [key, organisation[key]!])) }, replaced, problems };
}
const placeholderList = (text: string) => [...new Set(text.match(/\{\{\s*\w+/g)?.map((token) => token.replace(/\{\{\s*/, '')) ?? [])].map((name) => `{{${name}}}`).join(', ') || 'none';

export interface StaleReplacement {
  path: string;
  /** The blob the replacement was copied from, if recorded. */
  copiedFrom?: string;
  now: string;
}

export interface StaleString {
  locale: string;
  key: string;
  was?: string;
  now: string;
}

/** Replacements whose kit original is not the version they were copied from (or was never recorded). */
export function staleReplacements(
  replaced: readonly string[],
  kitBlobs: ReadonlyMap<string, string>,
  record: ReplacementRecord,
): StaleReplacement[] {
  return replaced
    .filter((path) => record.files[path] !== kitBlobs.get(path))
    .map((path) => ({ path, copiedFrom: record.files[path], now: kitBlobs.get(path)! }));
}

export function staleStrings(locale: string, replaced: readonly string[], kit: Dictionary, record: ReplacementRecord): StaleString[] {
  return replaced.filter((key) => record.strings[locale]?.[key] !== kit[key]).map((key) => ({ locale, key, was: record.strings[locale]?.[key], now: kit[key]! }));
}

/** What the build says about one replacement to review: both files, how to see the change, and the command after. */
export function staleFileMessage({ path, copiedFrom, now }: StaleReplacement, kitDir: string, layerDir: string): string {
  const after = `then run: npm run organisation -- reviewed ${path}`;
  if (!copiedFrom) {
    return `${layerDir}/${path} replaces ${kitDir}/${path}, but ${layerDir}/replaced.json does not say which version of it was copied, so the build cannot tell you when a release changes it. Compare the two files, ${after}`;
  }
  return `${kitDir}/${path} has changed in the kit since ${layerDir}/${path} was copied from it. See what changed: git diff ${copiedFrom} ${now} (or the release's CHANGELOG.md). Bring into ${layerDir}/${path} what you want, ${after}`;
}

export function staleStringMessage({ locale, key, was, now }: StaleString, layerDir: string): string {
  const after = `then run: npm run organisation -- reviewed i18n/${locale}.json#${key}`;
  if (was === undefined) return `${layerDir}/i18n/${locale}.json replaces the UI string "${key}", but ${layerDir}/replaced.json does not record the kit's text it replaced. The kit's text now: "${now}". Check yours still fits, ${after}`;
  return `The kit changed the UI string "${key}" (${locale}) that ${layerDir}/i18n/${locale}.json replaces: it was "${was}" and is now "${now}". Check yours still fits, ${after}`;
}
