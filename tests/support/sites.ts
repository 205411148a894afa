/** Where the test builds of the site live. Shared by the global setups and the tests. */
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
/** BANSO_TEST_OUTPUT lets two test runs on one machine keep their builds apart. */
export const testOutput = process.env.BANSO_TEST_OUTPUT ? `${process.env.BANSO_TEST_OUTPUT.replace(/\/$/, '')}/` : `${projectRoot}test-results/`;

export interface TestSite {
  dir: string;
  base: string;
  /** The public address its configuration names, if any (publicUrl). */
  publicUrl?: string;
}

/** The site as configured in content/site.yaml, served at the root of a host. */
export const rootSite: TestSite = { dir: `${testOutput}site-root`, base: '/' };
/** The same site configured for a sub-folder, to prove every URL goes through the base path. */
export const kitSite: TestSite & { publicUrl: string } = { dir: `${testOutput}site-kit`, base: '/kit/', publicUrl: 'https://careers.example.co.jp/kit/' };

declare module 'vitest' {
  export interface ProvidedContext {
    rootSiteUrl: string;
    kitSiteUrl: string;
  }
}
