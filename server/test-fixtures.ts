import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '@/lib/content-model';
import type { Clock } from './clock';
import { Store } from './store';
import { addUser } from './users';

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

/**
 * The fixed "now" of server tests: dates the server computes (verify-by, stamps) are stated
 * against it as literals, so no test depends on the day it runs.
 */
export const TEST_NOW = new Date('2026-06-15T09:30:00.000Z');
export const testClock: Clock = () => new Date(TEST_NOW);

/** A store in a fresh temp folder on the test clock (unless `now` is given), removed by `cleanup`. */
export function tempStore(now: Clock = testClock): {
  store: Store;
  file: string;
  dir: string;
  cleanup: () => void;
} {
  const dir = mkdtempSync(join(tmpdir(), 'waymark-server-'));
  const file = join(dir, 'waymark.db');
  const store = Store.open(file, { now });
  return {
    store,
    file,
    dir,
    cleanup: () => {
      if (store.db.open) store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function tokenFor(store: Store, email: string, role: Role, team?: string): string {
  return addUser(store.db, { email, role, team, rotate: false, now: store.now });
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
