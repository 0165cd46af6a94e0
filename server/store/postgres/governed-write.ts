import type { ItemRow } from '../item-row';
import { headFromNext, type StoredItem } from './items';
import type { Query, Sql } from './connect';

/** Audit rows written in the same statement as the change they record. */
export interface AuditRowInput {
  actor: string;
  action: string;
  item_id: string;
  version: number;
  comment: string | null;
}

/** The head a step was decided on, and who last changed its content (one plain read). */
export async function readForStep(
  sql: Query,
  id: string,
): Promise<{ current: StoredItem | undefined; lastEditor: string | undefined }> {
  // No row, no editor: a step on an item that does not exist never asks who edited it.
  const [raw] = await sql<
    (StoredItem & {
      last_editor: string | null;
      live_body: string | null;
      live_teams: string | null;
    })[]
  >`
    SELECT i.*, (SELECT actor FROM audit_log WHERE item_id = ${id}
        AND action IN ('create', 'edit', 'rollback') ORDER BY id DESC LIMIT 1) AS last_editor
    FROM items i WHERE i.id = ${id}`;
  if (raw === undefined) return { current: undefined, lastEditor: undefined };
  const { last_editor: lastEditor, ...item } = raw;
  return {
    current: {
      ...item,
      live_body: item.live_body ?? undefined,
      live_teams: item.live_teams ?? undefined,
    },
    lastEditor: lastEditor ?? undefined,
  };
}

/**
 * Writes a governed change as ONE statement, committed on its own: the version row, the audit
 * rows and the head at the next feed number — if, and only if, the head is still the one the
 * decision was made on (`decidedOn`: its version and deleted flag, or no row at all). The
 * counter's row lock is then held only inside the database, from this statement to its own
 * commit, never across a round trip to a busy Node process; that is what keeps 50 authors
 * publishing at once from queueing behind one another. Returns the new sequence number, or
 * undefined when the head moved (the caller reads again and decides again).
 */
export async function writeGoverned(
  sql: Sql,
  decidedOn: Pick<StoredItem, 'version' | 'deleted'> | undefined,
  row: ItemRow,
  version: { author: string | undefined; at: Date },
  audit: AuditRowInput[],
): Promise<number | undefined> {
  const at = version.at.toISOString();
  const guard =
    decidedOn === undefined
      ? sql`SELECT ${row.id}::text AS id WHERE NOT EXISTS (SELECT 1 FROM items WHERE id = ${row.id})`
      : sql`SELECT id FROM items WHERE id = ${row.id} AND version = ${decidedOn.version}
          AND deleted = ${decidedOn.deleted} FOR UPDATE`;
  const auditRows = sql.json(audit.map((entry) => ({ at, ...entry })));
  const [written] = await sql<{ seq: number }[]>`
    WITH guard AS (${guard}),
    version AS (INSERT INTO item_versions (id, version, body, created_at, author)
      SELECT ${row.id}, ${row.version}, ${row.body}, ${at}, ${version.author ?? null} FROM guard),
    audit AS (INSERT INTO audit_log (at, actor, action, item_id, version, comment)
      SELECT a.at, a.actor, a.action, a.item_id, a.version, a.comment FROM guard,
        jsonb_to_recordset(${auditRows}::jsonb)
          AS a(at text, actor text, action text, item_id text, version integer, comment text)),
    next AS (UPDATE seq SET value = value + 1 WHERE id = 1 AND EXISTS (SELECT 1 FROM guard)
      RETURNING value)
    ${headFromNext(sql, row)}`;
  return written?.seq;
}
