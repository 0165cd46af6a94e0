import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WaymarkDatabase } from './database';
import {
  allItems,
  allPublishedItems,
  countItems,
  deleteItems,
  getItem,
  getItems,
  itemsForApp,
  itemsForScreen,
  itemsOfType,
  replaceItems,
  upsertItems,
  upsertNewerItems,
} from './items';
import { article, lesson, testDatabase, tip } from './test-support';

let db: WaymarkDatabase;
beforeEach(() => {
  db = testDatabase();
});
afterEach(() => db.close());

const ids = (items: { id: string }[]) => items.map((item) => item.id).sort();

describe('replaceItems', () => {
  it('returns only the new items when the store held others', async () => {
    await replaceItems(db, [article('old')]);
    await replaceItems(db, [article('a'), tip('t')]);
    expect(ids(await allItems(db))).toEqual(['a', 't']);
  });
});

describe('upsertItems', () => {
  it('returns the newer version when an item is upserted twice', async () => {
    await upsertItems(db, [article('a')]);
    await upsertItems(db, [{ ...article('a'), title: 'Renamed' }]);
    expect((await getItem(db, 'a'))?.title).toBe('Renamed');
  });
});

describe('upsertNewerItems', () => {
  it('returns only the ids written when the store holds some at the same or a newer version', async () => {
    await upsertItems(db, [{ ...article('a'), version: 3 }, article('b')]);
    const written = await upsertNewerItems(db, [
      { ...article('a'), version: 2, title: 'Older' },
      { ...article('b'), title: 'Same version' },
      { ...article('c'), version: 1 },
    ]);
    expect(written).toEqual(['c']);
    expect((await getItem(db, 'a'))?.version).toBe(3);
    expect((await getItem(db, 'b'))?.title).toBe('Article b');
  });

  it('returns the id once and keeps the newer copy when the list holds an id twice', async () => {
    const v2 = { ...article('a'), version: 2, title: 'Second' };
    expect(await upsertNewerItems(db, [v2, article('a')])).toEqual(['a']);
    expect((await getItem(db, 'a'))?.title).toBe('Second');
  });

  it('returns the id when the stored row is damaged and has no readable version', async () => {
    await db.items.put({ ...(await db.items.get('x')), id: 'x', item: {} } as never);
    expect(await upsertNewerItems(db, [article('x')])).toEqual(['x']);
  });
});

describe('deleteItems', () => {
  it('returns the remaining items when some are deleted', async () => {
    await replaceItems(db, [article('a'), article('b'), article('c')]);
    await deleteItems(db, ['a', 'c']);
    expect(ids(await allItems(db))).toEqual(['b']);
  });
});

describe('getItem', () => {
  it('returns undefined when the id is unknown', async () => {
    expect(await getItem(db, 'nope')).toBeUndefined();
  });

  it('returns the stored item unchanged when it is valid', async () => {
    const item = lesson('l');
    await upsertItems(db, [item]);
    expect(await getItem(db, 'l')).toEqual(item);
  });
});

describe('getItems', () => {
  it('returns the found items in order when some ids are unknown', async () => {
    await replaceItems(db, [article('a'), article('b')]);
    expect((await getItems(db, ['b', 'x', 'a'])).map((i) => i.id)).toEqual(['b', 'a']);
  });
});

describe('itemsOfType', () => {
  it('returns only items of that type', async () => {
    await replaceItems(db, [article('a'), tip('t'), lesson('l')]);
    expect(ids(await itemsOfType(db, 'lesson'))).toEqual(['l']);
  });
});

describe('itemsForApp', () => {
  it('returns items targeting the app and items targeting every app', async () => {
    await replaceItems(db, [
      tip('z', { apps: ['zendesk'] }),
      tip('h', { apps: ['hubspot'] }),
      article('everywhere'),
      article('by-screen', { screens: ['zendesk:ticket'] }),
    ]);
    expect(ids(await itemsForApp(db, 'zendesk'))).toEqual(['by-screen', 'everywhere', 'z']);
  });

  it('returns an item once when it targets the app twice', async () => {
    await replaceItems(db, [tip('z', { apps: ['zendesk'], screens: ['zendesk:ticket'] })]);
    expect(ids(await itemsForApp(db, 'zendesk'))).toEqual(['z']);
  });
});

describe('itemsForScreen', () => {
  it('returns items for the screen, for every screen of the app and for everywhere', async () => {
    await replaceItems(db, [
      tip('ticket', { apps: ['zendesk'], screens: ['zendesk:ticket'] }),
      tip('views', { apps: ['zendesk'], screens: ['zendesk:views'] }),
      tip('any-screen', { apps: ['zendesk'] }),
      tip('other-app', { apps: ['hubspot'] }),
      article('everywhere'),
    ]);
    expect(ids(await itemsForScreen(db, 'zendesk', 'ticket'))).toEqual([
      'any-screen',
      'everywhere',
      'ticket',
    ]);
  });
});

describe('allPublishedItems', () => {
  it('returns only published items when drafts are stored', async () => {
    await replaceItems(db, [article('pub'), { ...article('draft'), status: 'draft' }]);
    expect(ids(await allPublishedItems(db))).toEqual(['pub']);
  });
});

describe('countItems', () => {
  it('returns the number of stored items', async () => {
    await replaceItems(db, [article('a'), tip('t')]);
    expect(await countItems(db)).toBe(2);
  });
});

describe('reading invalid stored items', () => {
  it('returns the valid items and reports a schema-invalid one with id and reason', async () => {
    await replaceItems(db, [article('good'), article('bad')]);
    await db.items.update('bad', { 'item.title': 'x' });
    const report = vi.fn();
    expect(ids(await allItems(db, report))).toEqual(['good']);
    expect(report).toHaveBeenCalledWith({
      table: 'items',
      id: 'bad',
      reason: expect.stringMatching(/^title: /) as string,
    });
  });

  it('returns undefined and reports when the stored row is corrupt', async () => {
    await db.items.put({ id: 'junk' } as never);
    const report = vi.fn();
    expect(await getItem(db, 'junk', report)).toBeUndefined();
    expect(report).toHaveBeenCalledWith(expect.objectContaining({ table: 'items', id: 'junk' }));
  });

  it('returns the valid items when no reporter is passed and warns about the skipped one', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await db.items.put({ id: 'junk' } as never);
    await upsertItems(db, [article('good')]);
    expect(ids(await allItems(db))).toEqual(['good']);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('skipped items "junk"'));
    warn.mockRestore();
  });
});
