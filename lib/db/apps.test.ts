import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { allApps, countApps, deleteApps, getApp, replaceApps, upsertApps } from './apps';
import type { WaymarkDatabase } from './database';
import { app, testDatabase } from './test-support';

let db: WaymarkDatabase;
beforeEach(() => {
  db = testDatabase();
});
afterEach(() => db.close());

describe('replaceApps', () => {
  it('returns only the new apps when the store held others', async () => {
    await replaceApps(db, [app('old')]);
    await replaceApps(db, [app('zendesk'), app('jira')]);
    expect((await allApps(db)).map((a) => a.id)).toEqual(['jira', 'zendesk']);
  });
});

describe('upsertApps and deleteApps', () => {
  it('returns the count after adding and deleting apps', async () => {
    await upsertApps(db, [app('a'), app('b'), app('c')]);
    await deleteApps(db, ['b']);
    expect(await countApps(db)).toBe(2);
  });
});

describe('getApp', () => {
  it('returns the stored app when it is valid', async () => {
    await upsertApps(db, [app('zendesk')]);
    expect(await getApp(db, 'zendesk')).toEqual(app('zendesk'));
  });

  it('returns undefined and reports when the stored app fails its schema', async () => {
    await db.apps.put({ ...app('bad'), hosts: [] });
    const report = vi.fn();
    expect(await getApp(db, 'bad', report)).toBeUndefined();
    expect(report).toHaveBeenCalledWith({
      table: 'apps',
      id: 'bad',
      reason: 'hosts: an app needs at least one host',
    });
  });
});
