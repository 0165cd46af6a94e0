import { describe, expect, it } from 'vitest';
import { CHROME_EXTENSION_ID, CHROME_KEY, extensionIdOf } from './extension-key';

// The browser's own answer is checked in tests/e2e/smoke.spec.ts (the loaded build's id).
describe('the pinned Chromium extension id', () => {
  it('is the id derived from the key the build carries', () => {
    expect(extensionIdOf(CHROME_KEY)).toBe(CHROME_EXTENSION_ID);
  });
});
