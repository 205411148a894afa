/**
 * The kit's Astro integration:
 * - exposes the validated site configuration to pages as `virtual:banso/config`;
 * - checks the UI translations and lists missing keys at build time;
 * - moves inline scripts, styles and style attributes out of the built pages, for the Content Security Policy,
 *   and writes the recommended security headers as a `_headers` file for static hosts that read one;
 * - indexes the built site with Pagefind, so `astro build` alone gives a searchable site;
 * - writes sitemap.xml (and, at the root of a host, robots.txt) when the configuration gives the site's public address;
 * - then writes the service worker that keeps the whole build, search index included, for offline use.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import type { SiteConfig } from '../lib/config/schema.ts';
import { checkTranslations, dictionarySchema, type Dictionary } from '../lib/i18n/translations.ts';
import { DEFAULT_LOCALE } from '../lib/i18n/locales.ts';
import { indexSite } from './pagefind.ts';
import { writeServiceWorker } from './service-worker.ts';
import { moveInlineContent } from './inline-content.ts';
import { sitemapLogLine, writeSitemap } from './sitemap.ts';
import { staticHostHeadersFile } from '../lib/security/recommended-headers.ts';

const VIRTUAL_CONFIG = 'virtual:banso/config';
/** The organisation's accent colour as a stylesheet, so no page needs a style attribute for it (the CSP forbids them). */
const VIRTUAL_THEME = 'virtual:banso/theme.css';

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
  let site = { base: '/', assets: '_banso' };
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
            // Scripts and assets stay files: the Content Security Policy allows scripts from the site itself and
            // no inline ones (src/lib/security/inline-content.ts moves what Astro still writes inline).
            build: { assetsInlineLimit: 0 },
            plugins: [
              {
                name: 'banso-config',
                resolveId: (id) => (id === VIRTUAL_CONFIG || id === VIRTUAL_THEME ? `\0${id}` : undefined),
                load(id) {
                  if (id === `\0${VIRTUAL_CONFIG}`) return `export default ${JSON.stringify(config)};`;
                  // The schema allows only #rrggbb colours, so the value is safe inside CSS.
                  if (id === `\0${VIRTUAL_THEME}`) return `:root { --bn-accent: ${config.accentColor}; }\n`;
                  return undefined;
                },
              },
            ],
          },
        });
      },
      'astro:config:done': ({ config: astroConfig }) => {
        site = { base: astroConfig.base.endsWith('/') ? astroConfig.base : `${astroConfig.base}/`, assets: astroConfig.build.assets };
      },
      'astro:build:done': async ({ dir, logger }) => {
        // With the time each step took: scripts/bench-build-scaling.ts reads them.
        let started = performance.now();
        const moved = moveInlineContent(fileURLToPath(dir), site.base, site.assets);
        writeFileSync(new URL('_headers', dir), staticHostHeadersFile());
        logger.info(`Moved inline content into files: ${moved.scripts} scripts, ${moved.stylesheets} stylesheets, ${moved.styleAttributes} distinct style attributes; removed ${moved.removedStylesheets} stylesheets now only inside joined ones, in ${Math.round(performance.now() - started)} ms.`);
        started = performance.now();
        const pages = await indexSite(fileURLToPath(dir));
        logger.info(`Pagefind indexed ${pages} pages in ${Math.round(performance.now() - started)} ms.`);
        if (config.publicUrl) {
          logger.info(sitemapLogLine(writeSitemap(fileURLToPath(dir), config.publicUrl)));
        }
        started = performance.now();
        const precache = await writeServiceWorker(fileURLToPath(dir));
        logger.info(`Service worker ${precache.version} precaches ${precache.files} files (${(precache.bytes / 1024 / 1024).toFixed(1)} MB) in ${Math.round(performance.now() - started)} ms.`);
      },
    },
  };
}
