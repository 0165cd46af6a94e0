import type { Template } from '@/lib/content-model';
import { planTemplatePut, sortTemplates, TEMPLATES_SEEDED } from '../plans';
import { toAnchorReport, type AnchorReportRow } from '../rows';
import type { AnchorReport, AnchorReportInput, SeedContent, TemplatePutOutcome } from '../types';
import { readMeta, type Db } from './database';
import { upsertApp, upsertItem } from './items';
import { appendAudit } from './people';

export function listTemplates(db: Db): Template[] {
  const rows = db.prepare('SELECT body FROM templates').all() as { body: string }[];
  return sortTemplates(rows.map((r) => JSON.parse(r.body) as Template));
}

export function putTemplate(
  db: Db,
  template: Template,
  actor: string | undefined,
  at: Date,
): TemplatePutOutcome {
  const current = db
    .prepare('SELECT body, version FROM templates WHERE id = ?')
    .get(template.id) as { body: string; version: number } | undefined;
  const plan = planTemplatePut(current, template, actor);
  if (plan.outcome === 'unchanged') return plan.outcome;
  db.prepare(
    `INSERT INTO templates (id, body, version, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET body = excluded.body, version = excluded.version,
       updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  ).run(template.id, plan.body, plan.version, at.toISOString(), actor ?? null);
  if (plan.audit !== undefined) appendAudit(db, at, plan.audit);
  return plan.outcome;
}

export function addAnchorReports(db: Db, reports: AnchorReportInput[], at: Date): number {
  const known = db.prepare('SELECT 1 FROM items WHERE id = ? AND deleted = 0');
  const add = db.prepare(
    `INSERT INTO anchor_reports (item_id, app, screen, count, last_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (item_id, app, screen) DO UPDATE SET count = count + excluded.count,
       last_at = excluded.last_at`,
  );
  return db.transaction(
    () =>
      reports.filter((r) => {
        if (known.get(r.id) === undefined) return false;
        add.run(r.id, r.app, r.screen, r.count, at.toISOString());
        return true;
      }).length,
  )();
}

export function anchorReports(db: Db): AnchorReport[] {
  const rows = db
    .prepare(
      `SELECT r.item_id, r.app, r.screen, r.count, r.last_at, i.body FROM anchor_reports r
       JOIN items i ON i.id = r.item_id AND i.deleted = 0 ORDER BY r.count DESC, r.item_id`,
    )
    .all() as AnchorReportRow[];
  return rows.map(toAnchorReport);
}

export function seedNeeds(db: Db): { items: boolean; templates: boolean } {
  const counts = db
    .prepare(
      `SELECT (SELECT count(*) FROM items) + (SELECT count(*) FROM apps) AS content,
         (SELECT count(*) FROM templates) AS templates`,
    )
    .get() as { content: number; templates: number };
  return {
    items: counts.content === 0,
    templates: counts.templates === 0 && readMeta(db, TEMPLATES_SEEDED) === undefined,
  };
}

export function seed(
  db: Db,
  content: SeedContent,
  what: { items: boolean; templates: boolean },
  at: Date,
): void {
  // IMMEDIATE: a second process seeding the same file waits, then finds it done.
  db.transaction(() => {
    const needs = seedNeeds(db);
    if (what.items && needs.items) {
      for (const app of content.apps) upsertApp(db, app);
      for (const item of content.items) upsertItem(db, item, item.owner, at);
    }
    if (what.templates && needs.templates) {
      for (const template of content.templates) putTemplate(db, template, undefined, at);
      db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(
        TEMPLATES_SEEDED,
        at.toISOString(),
      );
    }
  }).immediate();
}
