/**
 * `npm run organisation -- <command>`: keeps the organisation layer's record of what it replaces
 * (organisation/replaced.json, src/lib/content/layers.ts), so a build after a kit release can say which
 * replacements to look at.
 *
 *   copy <path>              copy a kit file into the layer to edit it (modules/ja/mid-career.mdx), or one UI
 *                            string (i18n/ja.json#search.open), and record which version it came from
 *   reviewed <path>          after looking at a kit change, record the kit's current version as the one replaced
 *   status                   list every replacement and whether its kit original changed since
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { LOCALES } from '../src/lib/i18n/locales.ts';
import { gitBlobId, staleReplacements, staleStrings, type ReplacementRecord } from '../src/lib/content/layers.ts';
import { kitBlobs, layerFiles, layeredUiStrings, layerPaths, readDictionary, readRecord, recordFile } from '../src/lib/content/organisation-layer.ts';

const paths = layerPaths();

class UsageError extends Error {}

function writeRecord(record: ReplacementRecord) {
  const sorted = {
    files: Object.fromEntries(Object.entries(record.files).sort(([a], [b]) => a.localeCompare(b))),
    strings: Object.fromEntries(Object.entries(record.strings).sort(([a], [b]) => a.localeCompare(b)).map(([locale, keys]) => [locale, Object.fromEntries(Object.entries(keys).sort(([a], [b]) => a.localeCompare(b)))])),
  };
  mkdirSync(paths.layerDir, { recursive: true });
  writeFileSync(recordFile(paths), `${JSON.stringify(sorted, null, 2)}\n`);
}

/** "i18n/ja.json#search.open" → { locale: 'ja', key: 'search.open' }. */
function stringTarget(target: string): { locale: string; key: string } | undefined {
  const match = /^i18n\/([a-z]{2})\.json#(.+)$/.exec(target);
  return match ? { locale: match[1]!, key: match[2]! } : undefined;
}

function kitString(locale: string, key: string): string {
  const kit = readDictionary(join(paths.kitDir, 'i18n', `${locale}.json`), `${paths.kitName}/i18n/${locale}.json`).dictionary ?? {};
  if (!(key in kit)) throw new UsageError(`The kit has no UI string "${key}" in ${paths.kitName}/i18n/${locale}.json.`);
  return kit[key]!;
}

function kitFile(path: string): string {
  const file = join(paths.kitDir, path);
  if (!existsSync(file)) throw new UsageError(`The kit has no file ${paths.kitName}/${path}. Give a path inside ${paths.kitName}/, for example modules/ja/mid-career.mdx.`);
  return file;
}

function copy(target: string): string {
  const record = readRecord(paths);
  const string = stringTarget(target);
  if (string) {
    const text = kitString(string.locale, string.key);
    const file = join(paths.layerDir, 'i18n', `${string.locale}.json`);
    const own = readDictionary(file, `${paths.layerName}/i18n/${string.locale}.json`);
    if (own.problem) throw new UsageError(own.problem);
    if (own.dictionary && string.key in own.dictionary) throw new UsageError(`${paths.layerName}/i18n/${string.locale}.json already replaces "${string.key}".`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify({ ...own.dictionary, [string.key]: text }, null, 2)}\n`);
    (record.strings[string.locale] ??= {})[string.key] = text;
    writeRecord(record);
    return `Copied the UI string "${string.key}" into ${paths.layerName}/i18n/${string.locale}.json: edit its text there.`;
  }
  const source = kitFile(target);
  const destination = join(paths.layerDir, target);
  if (existsSync(destination)) throw new UsageError(`${paths.layerName}/${target} exists already; to record that you have looked at the kit's current version, run: npm run organisation -- reviewed ${target}`);
  mkdirSync(dirname(destination), { recursive: true });
  copyFileSync(source, destination);
  record.files[target] = gitBlobId(readFileSync(source));
  writeRecord(record);
  return `Copied ${paths.kitName}/${target} to ${paths.layerName}/${target}: edit it there; the kit's file stays as released.`;
}

function reviewed(target: string): string {
  const record = readRecord(paths);
  const string = stringTarget(target);
  if (string) {
    (record.strings[string.locale] ??= {})[string.key] = kitString(string.locale, string.key);
    writeRecord(record);
    return `Recorded the kit's current text of "${string.key}" (${string.locale}) as the one ${paths.layerName}/i18n/${string.locale}.json replaces.`;
  }
  const source = kitFile(target);
  if (!existsSync(join(paths.layerDir, target))) throw new UsageError(`${paths.layerName}/${target} does not exist: nothing replaces ${paths.kitName}/${target}.`);
  record.files[target] = gitBlobId(readFileSync(source));
  writeRecord(record);
  return `Recorded the kit's current ${paths.kitName}/${target} as the version ${paths.layerName}/${target} replaces.`;
}

function status(): string {
  if (!paths.hasLayer) return `There is no organisation layer (${paths.layerName}/): the site is the kit as released.`;
  const files = layerFiles(paths);
  const record = readRecord(paths);
  const staleFiles = new Set(staleReplacements(files.replaced, kitBlobs(files.replaced, paths), record).map((stale) => stale.path));
  const lines = [`${paths.layerName}/ replaces ${files.replaced.length} kit file(s) and adds ${files.added.length}.`];
  for (const path of files.replaced) lines.push(`  ${staleFiles.has(path) ? 'REVIEW ' : 'ok     '} ${path}`);
  for (const path of files.added) lines.push(`  added   ${path}`);
  for (const locale of LOCALES) {
    const strings = layeredUiStrings(locale, paths);
    const stale = new Set(staleStrings(locale, strings.replaced, strings.kit, record).map((s) => s.key));
    for (const key of strings.replaced) lines.push(`  ${stale.has(key) ? 'REVIEW ' : 'ok     '} i18n/${locale}.json#${key}`);
  }
  const toReview = lines.filter((line) => line.includes('REVIEW')).length;
  lines.push(toReview ? `${toReview} replacement(s) to review: the kit's original changed since it was copied. "npm run build" says what changed; after bringing in what you want, run: npm run organisation -- reviewed <path>` : 'Every replacement matches the kit version it was copied from.');
  return lines.join('\n');
}

const [command, target] = process.argv.slice(2);
try {
  if (command === 'status') console.log(status());
  else if ((command === 'copy' || command === 'reviewed') && target) console.log(command === 'copy' ? copy(target) : reviewed(target));
  else throw new UsageError('Usage: npm run organisation -- copy <path> | reviewed <path> | status\n  <path> is a kit path such as modules/ja/mid-career.mdx, or a UI string such as i18n/ja.json#search.open');
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
