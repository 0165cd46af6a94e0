import type { AuditAction, AuditEntry } from '@/lib/content-model/audit';
import { systemClock, type Clock } from './clock';
import type { Db } from './db';

export {
  auditActions,
  auditEntrySchema,
  type AuditAction,
  type AuditEntry,
} from '@/lib/content-model/audit';

export interface AuditFilter {
  item?: string | undefined;
  actor?: string | undefined;
  action?: AuditAction | undefined;
  /** ISO date-time: entries at or after it. */
  since?: string | undefined;
  /** Entries older than this id (the `next` of the previous page). */
  before?: number | undefined;
  limit: number;
}

interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: AuditAction;
  item_id: string | null;
  version: number | null;
  comment: string | null;
}

/**
 * The audit trail, append-only by construction: this API can add and read entries and nothing
 * else, and triggers in the schema refuse UPDATE and DELETE on the table for any other code.
 * Call `append` inside the transaction of the change it records, so neither exists without the other.
 */
export class AuditLog {
  constructor(
    private readonly db: Db,
    private readonly now: Clock = systemClock,
  ) {}

  append(entry: {
    actor: string;
    action: AuditAction;
    item?: string | undefined;
    version?: number | undefined;
    comment?: string | undefined;
  }): void {
    this.db
      .prepare(
        'INSERT INTO audit_log (at, actor, action, item_id, version, comment) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(
        this.now().toISOString(),
        entry.actor,
        entry.action,
        entry.item ?? null,
        entry.version ?? null,
        entry.comment ?? null,
      );
  }

  /** Newest first; `next` is the `before` of the following page, or null at the end. */
  query(filter: AuditFilter): { entries: AuditEntry[]; next: number | null } {
    const where: string[] = [];
    const params: Record<string, string | number> = { limit: filter.limit + 1 };
    const add = (sql: string, name: string, value: string | number | undefined): void => {
      if (value === undefined) return;
      where.push(sql);
      params[name] = value;
    };
    add('item_id = @item', 'item', filter.item);
    add('actor = @actor COLLATE NOCASE', 'actor', filter.actor);
    add('action = @action', 'action', filter.action);
    add('at >= @since', 'since', filter.since);
    add('id < @before', 'before', filter.before);
    const rows = this.db
      .prepare(
        `SELECT * FROM audit_log ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY id DESC LIMIT @limit`,
      )
      .all(params) as AuditRow[];
    const page = rows.slice(0, filter.limit);
    return {
      entries: page.map((r) => ({
        id: r.id,
        at: r.at,
        actor: r.actor,
        action: r.action,
        item: r.item_id,
        version: r.version,
        comment: r.comment,
      })),
      next: rows.length > filter.limit ? (page.at(-1)?.id ?? null) : null,
    };
  }

  /** Who last changed the item's content (create, edit, rollback): they may not approve it. */
  lastEditor(item: string): string | undefined {
    const row = this.db
      .prepare(
        `SELECT actor FROM audit_log WHERE item_id = ? AND action IN ('create', 'edit', 'rollback')
         ORDER BY id DESC LIMIT 1`,
      )
      .get(item) as { actor: string } | undefined;
    return row?.actor;
  }
}
