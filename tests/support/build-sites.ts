/**
 * Global setup: builds the site twice, at the root and under /kit/, once per test run.
 * Set BANSO_TEST_REUSE_BUILD=1 to reuse the builds of an earlier run while iterating on tests.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { kitSite, projectRoot, rootSite, testOutput } from './sites.ts';

export function buildSite(outDir: string, configFile: string, extraEnv: Record<string, string> = {}) {
  return execFileSync(process.execPath, [`${projectRoot}node_modules/astro/bin/astro.mjs`, 'build'], {
    cwd: projectRoot,
    // Vitest sets NODE_ENV=test, which would build Svelte's development code: test what is deployed.
    // The kit as released: an organisation layer in this checkout (organisation/) would change the content the
    // tests check, so it is left out unless a test passes its own (tests/build/organisation-layer.test.ts).
    env: { ...process.env, NODE_ENV: 'production', ASTRO_TELEMETRY_DISABLED: '1', BANSO_OUT_DIR: outDir, BANSO_CONFIG: configFile, BANSO_ORGANISATION_DIR: `${testOutput}no-organisation-layer`, ...extraEnv },
    encoding: 'utf8',
    stdio: 'pipe',
  });
}

export default function setup() {
  // Both the build and e2e projects list this setup; build once per run.
  if (process.env.BANSO_TEST_SITES_BUILT) return;
  process.env.BANSO_TEST_SITES_BUILT = '1';
  if (process.env.BANSO_TEST_REUSE_BUILD && existsSync(`${rootSite.dir}/index.html`) && existsSync(`${kitSite.dir}/index.html`)) return;

  mkdirSync(testOutput, { recursive: true });
  const siteYaml = readFileSync(`${projectRoot}content/site.yaml`, 'utf8');
  const kitConfig = `${testOutput}site-kit.yaml`;
  // The kit site also names its public address, so its pages carry absolute language links and it has a sitemap;
  // the root site has none, as on an intranet.
  writeFileSync(kitConfig, `${siteYaml.replace(/^basePath:.*$/m, `basePath: ${kitSite.base}`)}\npublicUrl: ${kitSite.publicUrl}\n`);
  buildSite(rootSite.dir, `${projectRoot}content/site.yaml`);
  buildSite(kitSite.dir, kitConfig);
}
