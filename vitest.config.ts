import { defineConfig } from 'vitest/config';

/** Browser tests whose figures depend on the machine being otherwise quiet: they run last, one file at a time. */
const needsQuietMachine = ['tests/e2e/lighthouse.test.ts'];

const browserProject = {
  globalSetup: ['tests/support/build-sites.ts', 'tests/support/serve-sites.ts'],
  testTimeout: 60_000,
  hookTimeout: 180_000,
};

export default defineConfig({
  test: {
    reporters: ['default', './tests/support/totals-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'src/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        // Builds of the real site, checked as files: links, origins, budgets, build errors.
        test: {
          name: 'build',
          include: ['tests/build/**/*.test.ts'],
          globalSetup: ['tests/support/build-sites.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        // A real Chromium against the built site served on 127.0.0.1. Two files at a time: most of a browser
        // test is waiting on the browser, so two share the machine's two cores with the build tests.
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          exclude: needsQuietMachine,
          ...browserProject,
          maxWorkers: 2,
        },
      },
      {
        // Lighthouse scores a page's speed, which load from other tests would lower: it runs after everything
        // else, alone.
        test: {
          name: 'e2e-quiet',
          include: needsQuietMachine,
          ...browserProject,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
