import { defineConfig } from '@playwright/test';

// Browser tests load the built extension (.output/chrome-mv3) into Debian's Chromium; `npm run
// test:e2e` builds it first. One worker: each test owns a persistent browser profile.
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  workers: 1,
  timeout: 60_000,
  // One retry in CI: a lost animation frame on a loaded 2-core machine must not sink a submission;
  // the list reporter still marks such a test as flaky.
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: { trace: 'retain-on-failure' },
});
