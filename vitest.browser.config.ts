import { defineConfig } from 'vitest/config';

// Browser journeys run on the embedded database only (the harness refuses a server URL), even when
// TEST_DATABASE_URL is set for the integration runs.
delete process.env.TEST_DATABASE_URL;

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    include: ['tests/browser/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup-browser.ts'],
    setupFiles: ['tests/support/setup-file.ts'],
    testTimeout: 120_000,
    hookTimeout: 90_000,
    pool: 'forks',
    // Two files at a time: a file spends much of its time waiting on the browser and the app, so
    // two workers on two cores run the suite about 1.4 times faster than one.
    maxWorkers: 2,
    // Files share their worker's module cache: the app's module graph is imported once per worker
    // instead of once per file (it was a third of the suite's time). Each file still builds its own
    // app and database; nothing in the app keeps state in modules between apps.
    isolate: false,
    fileParallelism: true,
  },
});
