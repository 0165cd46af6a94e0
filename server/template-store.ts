import { itemTypes, type Template } from '@/lib/content-model';
import { AuditLog } from './audit-log';
import { systemClock, type Clock } from './clock';
import type { Db } from './db';

const typeRank = new Map<string, number>(itemTypes.map((def, i) => [def.type, i]));

export type TemplatePutOutcome = 'created' | 'updated' | 'unchanged';

/** The organisation's templates: seeded from content/templates/, changed by admins. */
export class TemplateStore {
  private readonly audit: AuditLog;

  constructor(
    private readonly db: Db,
    private readonly now: Clock = systemClock,
  ) {
    this.audit = new AuditLog(db, now);
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM templates').get() as { n: number }).n;
  }

  /** Every template, by item type (in registry order, as the side panel lists types), then name. */
  list(): Template[] {
    const rows = this.db.prepare('SELECT body FROM templates').all() as { body: string }[];
    return rows
      .map((r) => JSON.parse(r.body) as Template)
      .sort(
        (a, b) =>
          (typeRank.get(a.item_type) ?? 0) - (typeRank.get(b.item_type) ?? 0) ||
          a.name.localeCompare(b.name) ||
          a.id.localeCompare(b.id),
      );
  }

  /**
   * Stores a validated template. A change by a person (`actor`) is audited in the same
   * transaction; seeding passes no actor, as it does for items. Re-sending the stored template
   * changes nothing and records nothing.
   */
  put(template: Template, actor: string | undefined): TemplatePutOutcome {
    const body = JSON.stringify(template);
    return this.db.transaction((): TemplatePutOutcome => {
      const current = this.db
        .prepare('SELECT body, version FROM templates WHERE id = ?')
        .get(template.id) as { body: string; version: number } | undefined;
      if (current?.body === body) return 'unchanged';
      const version = (current?.version ?? 0) + 1;
      this.db
        .prepare(
          `INSERT INTO templates (id, body, version, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET body = excluded.body, version = excluded.version,
             updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
        )
        .run(template.id, body, version, this.now().toISOString(), actor ?? null);
      const outcome = current === undefined ? 'created' : 'updated';
      if (actor !== undefined)
        this.audit.append({
          actor,
          action: 'template',
          version,
          comment: `template "${template.id}" ${outcome}`,
        });
      return outcome;
    })();
  }
}
