import { test } from '@playwright/test';
import { launchWithExtension, type ExtensionBrowser } from './extension';
import type { FixtureServer } from './fixture-server';
import { startSites } from './sites';

/**
 * The fixture sites and one browser with the extension, shared by a spec file's tests: registers
 * the file's beforeAll/afterAll and hands back live references.
 */
export function sitesAndExtension(
  extensionDir?: string,
  before?: () => void,
): { server: FixtureServer; browser: ExtensionBrowser } {
  const session = {} as { server: FixtureServer; browser: ExtensionBrowser };
  test.beforeAll(async () => {
    before?.();
    session.server = await startSites();
    session.browser = await launchWithExtension(undefined, extensionDir);
  });
  test.afterAll(async () => {
    await session.browser?.close();
    await session.server?.close();
  });
  return session;
}
