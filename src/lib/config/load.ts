/**
 * Reads and validates `content/site.yaml`. Used by `astro.config.mjs` (base path, locales) and by
 * pages (organisation name, thresholds), so a wrong value stops the build before anything renders.
 */
import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument, isNode } from 'yaml';
import { siteConfigSchema, type SiteConfig } from './schema.ts';
import { formatConfigIssues } from './format-errors.ts';

/** A configuration problem, with a message written for the person who edits the file. */
export class SiteConfigError extends Error {
  override name = 'SiteConfigError';
}

/** Validate configuration text; `file` names it in messages. Throws SiteConfigError. */
export function parseSiteConfig(text: string, file: string): SiteConfig {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  if (document.errors.length > 0) {
    const first = document.errors[0]!;
    const { line, col } = lineCounter.linePos(first.pos[0]);
    throw new SiteConfigError(
      `The site configuration ${file} is not valid YAML (line ${line}, column ${col}): ${first.message.split('\n')[0]}\n` +
        `  Fix: check the indentation (spaces, not tabs) and that every "key: value" pair has a space after the colon. ` +
        `Text containing ":" or "#" must be put in quotes.`,
    );
  }
  const data: unknown = document.toJS() ?? {};
  const result = siteConfigSchema.safeParse(data);
  if (result.success) return result.data;

  const lineOf = (path: readonly PropertyKey[]) => {
    // Walk up to the nearest key that exists, so a missing key points at its parent section.
    for (let depth = path.length; depth >= 0; depth--) {
      const node = document.getIn(path.slice(0, depth) as (string | number)[], true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
  throw new SiteConfigError(formatConfigIssues(result.error.issues, { file, data, schema: siteConfigSchema, lineOf }));
}

/** Read the configuration file from disk. */
export function loadSiteConfig(path: string, displayName = path): SiteConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new SiteConfigError(
      `The site configuration ${displayName} could not be read.\n` +
        `  Fix: create it (the kit ships one at content/site.yaml; copy it back from the repository if it was deleted).`,
    );
  }
  return parseSiteConfig(text, displayName);
}
