/**
 * Build step: the organisation layer's UI strings, and what the build says about the layer, once per build
 * (src/lib/content/layers.ts has the rules). A wrong UI string in either layer stops the build naming its file;
 * a replacement whose kit original changed since it was copied is a warning that says what to do.
 */
import type { AstroIntegrationLogger } from 'astro';
import { AstroError } from 'astro/errors';
import type { Dictionary } from '../lib/i18n/translations.ts';
import { staleFileMessage, staleReplacements, staleStringMessage, staleStrings } from '../lib/content/layers.ts';
import { kitBlobs, layerFiles, layeredUiStrings, layerPaths, readRecord } from '../lib/content/organisation-layer.ts';

/** Every locale's UI strings with the organisation's replacements, after checking them; logs the layer's summary. */
export function prepareOrganisationLayer(locales: readonly string[], logger: AstroIntegrationLogger): Record<string, Dictionary> {
  const paths = layerPaths();
  const strings = locales.map((locale) => ({ locale, ...layeredUiStrings(locale, paths) }));
  const problems = strings.flatMap(({ layerName, problems }) => problems.map((problem) => (problem.startsWith(layerName) ? problem : `${layerName}: ${problem}`)));
  if (problems.length > 0) {
    throw new AstroError(`The organisation's UI strings have problems:\n- ${problems.join('\n- ')}`, `An organisation's i18n file holds only the kit's keys it changes, each keeping the kit text's {{placeholders}}; "npm run organisation -- copy i18n/ja.json#<key>" copies one to start from.`);
  }
  if (paths.hasLayer) {
    const files = layerFiles(paths);
    const record = readRecord(paths);
    const replacedStrings = strings.reduce((sum, { replaced }) => sum + replaced.length, 0);
    logger.info(
      `Organisation layer ${paths.layerName}/: replaces ${files.replaced.length} kit file(s)${files.replaced.length ? ` (${files.replaced.join(', ')})` : ''} and ${replacedStrings} UI string(s); adds ${files.added.length} file(s)${files.added.length ? ` (${files.added.join(', ')})` : ''}.`,
    );
    for (const stale of staleReplacements(files.replaced, kitBlobs(files.replaced, paths), record)) logger.warn(staleFileMessage(stale, paths.kitName, paths.layerName));
    for (const { locale, replaced, kit } of strings) for (const stale of staleStrings(locale, replaced, kit, record)) logger.warn(staleStringMessage(stale, paths.layerName));
  }
  return Object.fromEntries(strings.map(({ locale, merged }) => [locale, merged]));
}
