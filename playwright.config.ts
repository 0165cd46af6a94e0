import { defineConfig } from '@playwright/test';

// Browser tests load the built extension into Debian's Chromium (project `chromium`,
// .output/chrome-mv3, `npm run test:e2e`) and Debian's Firefox ESR (project `firefox`,
// tests/e2e/firefox/, .output/firefox-mv3 through puppeteer-core over WebDriver BiDi,
// `npm run test:e2e:firefox`); each script builds first. One worker: each test owns a browser profile.
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
  // Patterns are matched against absolute paths: name the folder from tests/e2e down.
  projects: [
    { name: 'chromium', testIgnore: /tests[\\/]e2e[\\/]firefox[\\/]/ },
    // Every look into Firefox is a BiDi round trip: a little more time per poll on a loaded machine.
    { name: 'firefox', testDir: 'tests/e2e/firefox', expect: { timeout: 10_000 } },
  ],
});
