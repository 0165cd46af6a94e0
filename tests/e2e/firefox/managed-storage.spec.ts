import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { AccountView } from '@/lib/messages';
import {
  callBackground,
  GECKO_ID,
  launchFirefox,
  openExtensionPage,
  until,
} from '../support/firefox';
import { byRole, readNode, textOfRole } from '../support/firefox-actions';
import { pageWithLauncher, panelFor } from '../support/firefox-session';
import { startSites, URLS } from '../support/sites';

/**
 * Organisations preset the content server by policy. Firefox reads an add-on's managed storage
 * from a managed-storage manifest named after its id (README: "Firefox"); here the per-user one,
 * under $HOME/.mozilla/managed-storage/.
 */
test('the content server, team and sync interval come from Firefox’s managed-storage manifest', async () => {
  const home = mkdtempSync(join(tmpdir(), 'waymark-firefox-policy-'));
  const sites = await startSites();
  mkdirSync(join(home, '.mozilla', 'managed-storage'), { recursive: true });
  writeFileSync(
    join(home, '.mozilla', 'managed-storage', `${GECKO_ID}.json`),
    JSON.stringify({
      name: GECKO_ID,
      description: 'Waymark settings from the organisation',
      type: 'storage',
      data: {
        serverUrl: 'https://waymark.acme.example',
        team: 'tier2',
        syncIntervalMinutes: 240,
      },
    }),
  );
  const firefox = await launchFirefox({ home });
  try {
    const ticket = await pageWithLauncher(firefox, sites.url(...URLS.zendesk));
    const { panel } = await panelFor(firefox, ticket);
    const account = await callBackground<AccountView>(panel, 'bg:account', {});
    expect(account.managed).toEqual({
      serverUrl: 'https://waymark.acme.example',
      team: 'tier2',
      syncIntervalMinutes: 240,
    });
    expect(account.sync).toMatchObject({ intervalMinutes: 240, intervalManaged: true });

    const options = await openExtensionPage(panel, '/options.html');
    // The server field shows the policy's URL and cannot be changed.
    const field = await until('the server field', async () =>
      (await byRole(firefox.bidi, options, 'textbox', 'Content server')).at(0),
    );
    await expect
      .poll(() =>
        readNode(firefox.bidi, options, field, (el) => ({
          value: (el as HTMLInputElement).value,
          readOnly: (el as HTMLInputElement).readOnly,
        })),
      )
      .toEqual({ value: 'https://waymark.acme.example', readOnly: true });
    expect(await textOfRole(firefox.bidi, options, 'region', 'Account')).toContain(
      'Team set by your organisation: tier2.',
    );
    await options.screenshot({ path: test.info().outputPath('firefox-options-managed.png') });
  } finally {
    await firefox.close();
    await sites.close();
    rmSync(home, { recursive: true, force: true });
  }
});
