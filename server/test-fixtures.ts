import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '@/lib/content-model';
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

/** A store in a fresh temp folder, removed by `cleanup`. */
export function tempStore(): { store: Store; file: string; dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'waymark-server-'));
  const file = join(dir, 'waymark.db');
  const store = Store.open(file);
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
  return addUser(store.db, { email, role, team, rotate: false });
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
