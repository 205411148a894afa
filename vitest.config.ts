import { defineConfig } from 'vitest/config';

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
        // A real Chromium against the built site served on 127.0.0.1.
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/support/build-sites.ts', 'tests/support/serve-sites.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          // Two cores: one browser at a time keeps timings stable.
          fileParallelism: false,
        },
      },
    ],
  },
});
