import type { AuditAction } from '@/lib/content-model/audit';
import type { AuditPage } from './types';

/** An audit_log row as both backends store it. */
export interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: AuditAction;
  item_id: string | null;
  version: number | null;
  comment: string | null;
}

/** The page of `rows` (one more than asked, to know whether another page follows). */
export function auditPage(rows: AuditRow[], limit: number): AuditPage {
  const page = rows.slice(0, limit);
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
    next: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
  };
}
