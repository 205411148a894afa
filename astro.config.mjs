// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import svelte from '@astrojs/svelte';
import { loadSiteConfig, SiteConfigError } from './src/lib/config/load.ts';
import { siteConfigFile } from './src/lib/content/organisation-layer.ts';
import { banso } from './src/integrations/banso.ts';
import { metaPolicyDirectives } from './src/lib/security/recommended-headers.ts';

/** @typedef {Exclude<NonNullable<NonNullable<import('astro').AstroUserConfig['security']>['csp']>, boolean>['directives']} CspDirectives */

// The organisation's organisation/site.yaml, else the kit's content/site.yaml; BANSO_CONFIG lets a deployment (or a
// test) build from another configuration file.
const configFile = siteConfigFile();
let site;
try {
  site = loadSiteConfig(configFile.path, configFile.name);
} catch (error) {
  if (!(error instanceof SiteConfigError)) throw error;
  // A configuration mistake is the editor's to fix, not a crash: print the message alone, no stack trace.
  console.error(`\n${error.message}\n`);
  process.exit(1);
}

export default defineConfig({
  output: 'static',
  base: site.basePath,
  trailingSlash: 'always',
  outDir: process.env.BANSO_OUT_DIR ?? './dist',
  // A build from another content folder (BANSO_CONTENT_DIR) keeps its own content cache, so its entries never
  // leak into the next ordinary build.
  cacheDir: process.env.BANSO_CACHE_DIR ?? './node_modules/.astro',
  // Stylesheets stay files, never inline <style>: the Content Security Policy allows styles from the site only.
  build: { format: 'directory', assets: '_banso', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  // Every page carries the Content Security Policy the deployment guide recommends as a header, so the kit is
  // protected even where the web server sends none. Scripts and styles come only from the site itself.
  security: {
    csp: {
      directives: /** @type {CspDirectives} */ (metaPolicyDirectives().filter((directive) => !/^(script|style)-src /.test(directive))),
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
  // The default code theme's comment colours fail WCAG AA contrast; this one passes.
  markdown: { shikiConfig: { theme: 'github-light-high-contrast' } },
  integrations: [mdx(), svelte(), banso(site)],
  vite: {
    build: {
      sourcemap: !!process.env.BANSO_SOURCEMAP,
      rollupOptions: {
        // Chart.js declares some scales with static fields read from other objects (`static defaults =
        // TimeScale.defaults`); taken as possible side effects, they kept the time and logarithmic scales, which no
        // chart here uses, in every page that draws one (4 KB gzip). No code in the kit relies on a getter's effect.
        treeshake: { propertyReadSideEffects: false },
        // Astro's MDX pages carry a "use astro:head-inject" directive the bundler warns about on every
        // page; it is harmless, and hiding it keeps the build's real warnings (missing translations) visible.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
});
