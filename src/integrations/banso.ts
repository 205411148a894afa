/**
 * The kit's Astro integration:
 * - exposes the validated site configuration to pages as `virtual:banso/config`;
 * - checks the UI translations (with the organisation layer's, src/integrations/organisation-layer.ts) and lists
 *   missing keys at build time, and exposes them to pages as `virtual:banso/ui-strings`;
 * - moves inline scripts, styles and style attributes out of the built pages, for the Content Security Policy,
 *   and writes the recommended security headers as a `_headers` file for static hosts that read one;
 * - indexes the built site with Pagefind, so `astro build` alone gives a searchable site;
 * - writes sitemap.xml (and, at the root of a host, robots.txt) when the configuration gives the site's public address;
 * - then writes the service worker that keeps the whole build, search index included, for offline use.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import type { SiteConfig } from '../lib/config/schema.ts';
import { checkTranslations } from '../lib/i18n/translations.ts';
import { DEFAULT_LOCALE, LOCALES } from '../lib/i18n/locales.ts';
import { prepareOrganisationLayer } from './organisation-layer.ts';
import { indexSite } from './pagefind.ts';
import { writeServiceWorker } from './service-worker.ts';
import { moveInlineContent } from './inline-content.ts';
import { sitemapLogLine, writeSitemap } from './sitemap.ts';
import { staticHostHeadersFile } from '../lib/security/recommended-headers.ts';

const VIRTUAL_CONFIG = 'virtual:banso/config';
/** The organisation's accent colour as a stylesheet, so no page needs a style attribute for it (the CSP forbids them). */
const VIRTUAL_THEME = 'virtual:banso/theme.css';
/** The UI strings of every locale, the organisation's replacements included. */
const VIRTUAL_UI_STRINGS = 'virtual:banso/ui-strings';

export function banso(config: SiteConfig): AstroIntegration {
  let site = { base: '/', assets: '_banso' };
  return {
    name: 'banso',
    hooks: {
      'astro:config:setup': ({ config: astroConfig, updateConfig, logger }) => {
        // Every locale of the kit, so a page's strings never depend on which languages this site publishes.
        const uiStrings = prepareOrganisationLayer(LOCALES, logger);
        const reference = uiStrings[DEFAULT_LOCALE]!;
        for (const locale of config.locales.filter((l) => l !== DEFAULT_LOCALE)) {
          const report = checkTranslations(reference, uiStrings[locale]!);
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
                resolveId: (id) => (id === VIRTUAL_CONFIG || id === VIRTUAL_THEME || id === VIRTUAL_UI_STRINGS ? `\0${id}` : undefined),
                load(id) {
                  if (id === `\0${VIRTUAL_CONFIG}`) return `export default ${JSON.stringify(config)};`;
                  if (id === `\0${VIRTUAL_UI_STRINGS}`) return `export default ${JSON.stringify(uiStrings)};`;
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
