import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { itemSchema, type AppDefinition, appSchema, type Item } from '@/lib/content-model';
import { openDatabase, type WaymarkDatabase } from './database';

/** Test-only: a fresh fake-indexeddb factory, so no test sees another's databases. */
export function fakeIndexedDb(): { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange } {
  return { indexedDB: new IDBFactory(), IDBKeyRange };
}

let counter = 0;

/** Test-only: a store on its own fake IndexedDB, under a unique name. */
export function testDatabase(): WaymarkDatabase {
  counter += 1;
  return openDatabase(`waymark-test-${counter}`, fakeIndexedDb());
}

const base = {
  owner: 'ops@example.com',
  status: 'published',
  verify_by: '2027-01-01',
  updated_at: '2026-11-01',
  version: 1,
};

/** Test-only: a valid article, tip or lesson, parsed so defaults are filled in. */
export function article(id: string, targeting: object = {}): Item {
  return itemSchema.parse({
    ...base,
    id,
    type: 'article',
    template: 'faq',
    title: `Article ${id}`,
    body: 'Answer.',
    targeting,
  });
}

export function tip(id: string, targeting: object = { apps: ['zendesk'] }): Item {
  return itemSchema.parse({
    ...base,
    id,
    type: 'tip',
    title: `Tip ${id}`,
    body: 'Hint.',
    targeting,
  });
}

/** Test-only: an announcement shown through June 2026; `fields` override any field. */
export function announcement(id: string, fields: Record<string, unknown> = {}): Item {
  return itemSchema.parse({
    ...base,
    id,
    type: 'announcement',
    title: `Announcement ${id}`,
    body: 'Refunds above 200 EUR need a second approver.',
    starts_at: '2026-06-01',
    ends_at: '2026-06-30',
    ...fields,
  });
}

export function lesson(id: string): Item {
  return itemSchema.parse({
    ...base,
    id,
    type: 'lesson',
    title: `Lesson ${id}`,
    objectives: ['Learn'],
    steps: [
      { title: 'One', body: 'Do one.' },
      { title: 'Two', body: 'Do two.' },
    ],
  });
}

export function app(id: string): AppDefinition {
  return appSchema.parse({
    id,
    name: `App ${id}`,
    hosts: [`${id}.example.com`],
    screens: [{ id: 'home', name: 'Home', match: { path: '^/$' } }],
  });
}
