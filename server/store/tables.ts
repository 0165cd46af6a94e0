import { insightColumns, insightOrder } from './insight-tables';
import type { DumpTable } from './types';

/**
 * The columns `waymark db copy` moves, per table, in the backend-neutral shape both backends dump
 * and load: booleans as booleans, JSON as text, times as ISO-8601 text. Surrogate keys that only
 * order rows (the users' id) are left out; the audit log keeps its ids (pages and `before`
 * cursors name them). `seq` is the feed counter: copying it keeps every client's cursor valid.
 */
export const copyColumns: Readonly<Record<DumpTable, readonly string[]>> = {
  meta: ['key', 'value'],
  seq: ['value'],
  users: [
    'email',
    'role',
    'team',
    'token_hash',
    'created_at',
    'revoked_at',
    'active',
    'scim_id',
    'user_name',
    'external_id',
    'display_name',
    'oidc_issuer',
    'oidc_subject',
    'updated_at',
  ],
  apps: ['id', 'body', 'seq', 'deleted'],
  items: [
    'id',
    'type',
    'status',
    'teams',
    'body',
    'version',
    'seq',
    'deleted',
    'live_body',
    'live_teams',
    'seen_public',
    'seen_teams',
  ],
  item_versions: ['id', 'version', 'body', 'created_at', 'author'],
  audit_log: ['id', 'at', 'actor', 'action', 'item_id', 'version', 'comment'],
  anchor_reports: ['item_id', 'app', 'screen', 'count', 'last_at'],
  templates: ['id', 'body', 'version', 'updated_at', 'updated_by'],
  scim_groups: ['id', 'display_name', 'external_id', 'created_at', 'updated_at'],
  scim_members: ['group_id', 'user_id'],
  acknowledgements: ['item_id', 'email', 'at'],

  ...insightColumns,
};

/**
 * The order each table is dumped in, the same on every backend (text compared byte-wise), so
 * two databases holding the same rows dump the same chunks: `text` columns are ids and names.
 */
export const copyOrder: Readonly<
  Record<DumpTable, readonly (readonly [string, 'text' | 'number'])[]>
> = {
  meta: [['key', 'text']],
  seq: [['value', 'number']],
  users: [['email', 'text']],
  apps: [['seq', 'number']],
  items: [['seq', 'number']],
  item_versions: [
    ['id', 'text'],
    ['version', 'number'],
  ],
  audit_log: [['id', 'number']],
  anchor_reports: [
    ['item_id', 'text'],
    ['app', 'text'],
    ['screen', 'text'],
  ],
  templates: [['id', 'text']],
  scim_groups: [['id', 'text']],
  scim_members: [
    ['group_id', 'text'],
    ['user_id', 'text'],
  ],
  acknowledgements: [
    ['item_id', 'text'],
    ['email', 'text'],
  ],

  ...insightOrder,
};

/** Columns stored as 0/1 by SQLite and as boolean by PostgreSQL. */
export const booleanColumns = new Set(['deleted', 'seen_public', 'active']);

/** Rows per batch when dumping. */
export const DUMP_BATCH = 500;
