/**
 * The kit's Astro integration:
 * - exposes the validated site configuration to pages as `virtual:banso/config`;
 * - checks the UI translations and lists missing keys at build time;
 * - indexes the built site with Pagefind, so `astro build` alone gives a searchable site;
 * - then writes the service worker that keeps the whole build, search index included, for offline use.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import type { SiteConfig } from '../lib/config/schema.ts';
import { checkTranslations, dictionarySchema, type Dictionary } from '../lib/i18n/translations.ts';
import { DEFAULT_LOCALE } from '../lib/i18n/locales.ts';
import { indexSite } from './pagefind.ts';
import { writeServiceWorker } from './service-worker.ts';

const VIRTUAL_CONFIG = 'virtual:banso/config';

function readDictionary(root: URL, locale: string): Dictionary {
  const file = `content/i18n/${locale}.json`;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(new URL(file, root), 'utf8'));
  } catch (error) {
    throw new AstroError(`${file} could not be read as JSON: ${(error as Error).message}`, 'Fix the JSON syntax (a missing comma or quote is the usual cause).');
  }
  const parsed = dictionarySchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    const problem = first.code === 'invalid_key' ? 'is not a valid key' : `has a wrong value: expected ${first.message}`;
    throw new AstroError(`${file}: "${first.path.join('.')}" ${problem}.`, 'Every entry is "dotted.key": "text", with keys such as "search.open".');
  }
  return parsed.data;
}

export function banso(config: SiteConfig): AstroIntegration {
  return {
    name: 'banso',
    hooks: {
      'astro:config:setup': ({ config: astroConfig, updateConfig, logger }) => {
        const reference = readDictionary(astroConfig.root, DEFAULT_LOCALE);
        for (const locale of config.locales.filter((l) => l !== DEFAULT_LOCALE)) {
          const report = checkTranslations(reference, readDictionary(astroConfig.root, locale));
          const problems = [
            ...report.unknown.map((key) => `"${key}" is not a key of ${DEFAULT_LOCALE}.json (a typo?)`),
            ...report.placeholderMismatch.map((key) => `"${key}" uses different {{placeholders}} from ${DEFAULT_LOCALE}.json`),
          ];
          if (problems.length > 0) {
            throw new AstroError(`content/i18n/${locale}.json has problems:\n- ${problems.join('\n- ')}`, `Make content/i18n/${locale}.json use the keys and placeholders of ${DEFAULT_LOCALE}.json.`);
          }
          if (report.missing.length > 0) {
            logger.warn(`content/i18n/${locale}.json lacks ${report.missing.length} key(s); Japanese is shown instead:\n  ${report.missing.join('\n  ')}`);
          }
        }
        updateConfig({
          vite: {
            // Astro inlines a small script into every page; the service worker's registration must stay a file of
            // its own for the strict Content-Security-Policy of issue 16 (no inline scripts).
            build: { assetsInlineLimit: (file: string) => (file.includes('OfflineSupport') ? false : undefined) },
            plugins: [
              {
                name: 'banso-config',
                resolveId: (id) => (id === VIRTUAL_CONFIG ? `\0${VIRTUAL_CONFIG}` : undefined),
                load: (id) => (id === `\0${VIRTUAL_CONFIG}` ? `export default ${JSON.stringify(config)};` : undefined),
              },
            ],
          },
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        // With the time each step took: scripts/bench-build-scaling.ts reads them.
        let started = performance.now();
        const pages = await indexSite(fileURLToPath(dir));
        logger.info(`Pagefind indexed ${pages} pages in ${Math.round(performance.now() - started)} ms.`);
        started = performance.now();
        const precache = await writeServiceWorker(fileURLToPath(dir));
        logger.info(`Service worker ${precache.version} precaches ${precache.files} files (${(precache.bytes / 1024 / 1024).toFixed(1)} MB) in ${Math.round(performance.now() - started)} ms.`);
      },
    },
  };
}
