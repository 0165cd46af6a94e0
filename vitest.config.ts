import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { cssString } from './scripts/css-string.ts';

export default defineConfig({
  plugins: [WxtVitest(), cssString()],
  test: {
    include: [
      'lib/**/*.test.ts',
      'bin/**/*.test.ts',
      'components/**/*.test.{ts,tsx}',
      'hooks/**/*.test.ts',
      'entrypoints/**/*.test.ts',
      'server/**/*.test.ts',
      'scripts/**/*.test.ts',
      'bench/**/*.test.ts',
    ],
    environment: 'node',
    // Migrates the PostgreSQL template database when one is configured (server/store/).
    globalSetup: ['server/store/test-global-setup.ts'],
    // English for the extension's code under test (tests/unit-setup.ts).
    setupFiles: ['tests/unit-setup.ts'],
    testTimeout: 20_000,
  },
});
