import { beforeEach, describe, expect, it } from 'vitest';
import { testDatabase } from '@/lib/db/test-support';
import { LauncherPrefsStore } from './launcher-prefs';

const NOW = Date.parse('2026-11-28T12:00:00Z');
let db: ReturnType<typeof testDatabase>;
let prefs: LauncherPrefsStore;
beforeEach(() => {
  db = testDatabase();
  prefs = new LauncherPrefsStore(db, () => NOW);
});

describe('LauncherPrefsStore', () => {
  it('starts undocked, shown and not minimised', async () => {
    expect(await prefs.get('zendesk', 'acme.zendesk.com')).toEqual({
      minimised: false,
      hiddenOnSite: false,
    });
  });

  it('remembers the dock and minimised state per app, not for other apps', async () => {
    await prefs.save('zendesk', 'acme.zendesk.com', {
      dock: { edge: 'left', y: 0.4 },
      minimised: true,
    });
    expect(await prefs.get('zendesk', 'other.zendesk.com')).toMatchObject({
      dock: { edge: 'left', y: 0.4 },
      minimised: true,
    });
    expect(await prefs.get('salesforce', 'acme.lightning.force.com')).toEqual({
      minimised: false,
      hiddenOnSite: false,
    });
  });

  it('hides on one site only, and shows again', async () => {
    await prefs.save('zendesk', 'ACME.zendesk.com', { hideOnSite: true });
    expect((await prefs.get('zendesk', 'acme.zendesk.com')).hiddenOnSite).toBe(true);
    expect((await prefs.get('zendesk', 'beta.zendesk.com')).hiddenOnSite).toBe(false);
    await prefs.show('acme.zendesk.com');
    expect(await prefs.hiddenOn('acme.zendesk.com')).toBe(false);
  });

  it('snoozes for a while, then wakes on its own', async () => {
    await prefs.save('zendesk', 'acme.zendesk.com', { snoozeMinutes: 60 });
    expect((await prefs.get('zendesk', 'acme.zendesk.com')).snoozedUntil).toBe(NOW + 3_600_000);
    const later = new LauncherPrefsStore(db, () => NOW + 3_600_001);
    expect((await later.get('zendesk', 'acme.zendesk.com')).snoozedUntil).toBeUndefined();
  });
});
