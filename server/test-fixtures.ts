import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '@/lib/content-model';
import { inject } from 'vitest';
import type { Clock } from './clock';
import { openStore, type Store } from './store';
import { createTestDatabase } from './store/test-postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The PostgreSQL server test databases are made on (store/test-global-setup.ts). */
    postgresUrl: string | undefined;
  }
}

/** Test-only builders: a minimal valid app and article, overridable field by field. */
export function appDef(id: string) {
  return {
    id,
    name: `App ${id}`,
    hosts: [`${id}.example.com`],
    screens: [{ id: 'home', name: 'Home', match: { path: '^/$' } }],
  };
}

export function article(
  id: string,
  fields: { status?: string; teams?: string[]; version?: number; body?: string } = {},
) {
  return {
    type: 'article',
    template: 'how-to',
    id,
    title: `Article ${id}`,
    body: fields.body ?? `How to ${id}.`,
    owner: 'ops@example.com',
    status: fields.status ?? 'published',
    verify_by: '2027-01-01',
    updated_at: '2026-11-01',
    version: fields.version ?? 1,
    targeting: { apps: [], screens: [], roles: [], teams: fields.teams ?? [] },
  };
}

/** A published announcement readers acknowledge, shown in June 2026 (around TEST_NOW). */
export function announcement(
  id: string,
  fields: { teams?: string[]; roles?: string[]; acknowledge?: boolean; status?: string } = {},
) {
  return {
    type: 'announcement',
    id,
    title: `Announcement ${id}`,
    body: 'Refunds above 200 EUR now need a second approver.',
    owner: 'ops@example.com',
    status: fields.status ?? 'published',
    verify_by: '2027-01-01',
    updated_at: '2026-06-01',
    version: 1,
    starts_at: '2026-06-01',
    ends_at: '2026-06-30',
    acknowledge: fields.acknowledge ?? true,
    targeting: { apps: [], screens: [], roles: fields.roles ?? [], teams: fields.teams ?? [] },
  };
}

/** A published tip on Zendesk's ticket screen (guidance health, broken-anchor reports). */
export function tip(id: string, fields: { owner?: string } = {}) {
  return {
    type: 'tip',
    id,
    title: `Tip ${id}`,
    body: 'Check the priority first.',
    owner: fields.owner ?? 'ops@example.com',
    status: 'published',
    verify_by: '2027-01-01',
    updated_at: '2026-11-01',
    version: 1,
    targeting: { apps: ['zendesk'], screens: [], roles: [], teams: [] },
  };
}

/**
 * The fixed "now" of server tests: dates the server computes (verify-by, stamps) are stated
 * against it as literals, so no test depends on the day it runs.
 */
export const TEST_NOW = new Date('2026-06-15T09:30:00.000Z');
export const testClock: Clock = () => new Date(TEST_NOW);

export interface TempStore {
  store: Store;
  /** What `openStore` (and the CLI's --db) takes to reach the same database. */
  location: string;
  cleanup: () => Promise<void>;
}

/** A backend the server suites run on: SQLite always, PostgreSQL when one is configured. */
export interface TestBackend {
  name: 'sqlite' | 'postgres';
  open: (now?: Clock, options?: { listen?: boolean }) => Promise<TempStore>;
}

export const sqliteBackend: TestBackend = {
  name: 'sqlite',
  open: async (now = testClock) => {
    const dir = mkdtempSync(join(tmpdir(), 'waymark-server-'));
    const location = join(dir, 'waymark.db');
    const store = await openStore(location, { now });
    return {
      store,
      location,
      cleanup: async () => {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

/** PostgreSQL on a fresh copy of the migrated template (server/store/test-postgres.ts). */
export function postgresBackend(serverUrl: string): TestBackend {
  return {
    name: 'postgres',
    open: async (now = testClock, options = {}) => {
      const database = await createTestDatabase(serverUrl);
      const store = await openStore(database.url, { now, listen: options.listen ?? false, max: 4 });
      return {
        store,
        location: database.url,
        cleanup: async () => {
          await store.close();
          await database.drop();
        },
      };
    },
  };
}

/**
 * The backends to run a server suite on (`describe.each(testBackends())`): PostgreSQL joins when
 * the global setup found one (server/store/test-global-setup.ts says why it may not).
 */
export function testBackends(): TestBackend[] {
  const url = inject('postgresUrl');
  return url === undefined ? [sqliteBackend] : [sqliteBackend, postgresBackend(url)];
}

/** The PostgreSQL backend, or undefined when none is configured (PostgreSQL-only suites). */
export function postgresTestBackend(): TestBackend | undefined {
  const url = inject('postgresUrl');
  return url === undefined ? undefined : postgresBackend(url);
}

/** A store on `backend` (SQLite by default) on the test clock, removed by `cleanup`. */
export function tempStore(backend: TestBackend = sqliteBackend, now: Clock = testClock) {
  return backend.open(now);
}

export function tokenFor(store: Store, email: string, role: Role, team?: string): Promise<string> {
  return store.addUser({ email, role, team, rotate: false });
}

/** A valid template (a screen tip unless `fields` say otherwise). */
export function template(id: string, fields: Record<string, unknown> = {}) {
  return {
    id,
    name: `Template ${id}`,
    description: '',
    item_type: 'tip',
    verify_days: 90,
    fields: {},
    body: 'Say the one thing that matters here.',
    ...fields,
  };
}
