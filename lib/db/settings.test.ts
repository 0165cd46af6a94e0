import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WaymarkDatabase } from './database';
import { defaultSetting, getSetting, getSettings, setSetting } from './settings';
import { testDatabase } from './test-support';

let db: WaymarkDatabase;
beforeEach(() => {
  db = testDatabase();
});
afterEach(() => db.close());

describe('getSetting', () => {
  it('returns the default when nothing is stored', async () => {
    expect(await getSetting(db, 'tipsEnabled')).toBe(true);
  });

  it('returns the stored value when it was set', async () => {
    await setSetting(db, 'serverUrl', 'https://kb.example.com/');
    expect(await getSetting(db, 'serverUrl')).toBe('https://kb.example.com/');
  });

  it('returns the default when the stored value fails its schema', async () => {
    await db.settings.put({ key: 'tipsEnabled', value: 'yes please' });
    expect(await getSetting(db, 'tipsEnabled')).toBe(true);
  });
});

describe('setSetting', () => {
  it('rejects a value that fails its schema', async () => {
    await expect(setSetting(db, 'serverUrl', 'ftp://kb.example.com')).rejects.toThrow();
  });

  it('returns the default again when the setting is set to undefined', async () => {
    await setSetting(db, 'role', 'agent');
    await setSetting(db, 'role', undefined);
    expect(await getSetting(db, 'role')).toBe(defaultSetting('role'));
  });
});

describe('getSettings', () => {
  it('returns every setting, stored or default, ignoring unknown rows', async () => {
    await setSetting(db, 'tipsEnabled', false);
    await db.settings.put({ key: 'retired', value: 1 });
    expect(await getSettings(db)).toEqual({
      tipsEnabled: false,
      usageEventsEnabled: true,
      syncIntervalMinutes: 15,
      serverUrl: undefined,
      role: undefined,
      team: undefined,
      launcher: {},
      hiddenSites: [],
      contentDefaultLocale: 'en',
      whatsNewSeenAt: undefined,
      pendingContentRequests: [],
      announcementsDone: {},
      pendingAcknowledgements: [],
    });
  });
});
