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
  // No retries, in CI or here: a test that passes only on its second try is a bug (in the test or
  // the product) and must fail the run, not hide as "flaky". Browser tests wait for positive
  // signals with generous timeouts instead (docs/testing.md).
  retries: 0,
  // A stray `test.only` would silently skip the rest of the suite.
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  use: { trace: 'retain-on-failure' },
  // Patterns are matched against absolute paths: name the folder from tests/e2e down.
  projects: [
    { name: 'chromium', testIgnore: /tests[\\/]e2e[\\/]firefox[\\/]/ },
    // Every look into Firefox is a BiDi round trip: a little more time per poll on a loaded machine.
    { name: 'firefox', testDir: 'tests/e2e/firefox', expect: { timeout: 10_000 } },
  ],
});
