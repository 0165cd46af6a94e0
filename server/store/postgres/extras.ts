import type { Template } from '@/lib/content-model';
import { planTemplatePut, sortTemplates, TEMPLATES_SEEDED } from '../plans';
import { toAnchorReport, type AnchorReportRow } from '../rows';
import type { AnchorReport, AnchorReportInput, SeedContent, TemplatePutOutcome } from '../types';
import type { Query, Tx } from './connect';
import { upsertApp, upsertItem } from './items';
import { appendAudit } from './people';

/** pg_advisory_xact_lock key for seeding ("WMSEED"). */
const SEED_LOCK = 0x574d53454544n;

export async function listTemplates(sql: Query): Promise<Template[]> {
  const rows = await sql<{ body: string }[]>`SELECT body FROM templates`;
  return sortTemplates(rows.map((r) => JSON.parse(r.body) as Template));
}

export async function putTemplate(
  tx: Tx,
  template: Template,
  actor: string | undefined,
  at: Date,
): Promise<TemplatePutOutcome> {
  const [current] = await tx<{ body: string; version: number }[]>`
    SELECT body, version FROM templates WHERE id = ${template.id} FOR UPDATE`;
  const plan = planTemplatePut(current, template, actor);
  if (plan.outcome === 'unchanged') return plan.outcome;
  // Two admins creating one template at once: the second waits here and updates.
  await tx`INSERT INTO templates (id, body, version, updated_at, updated_by)
    VALUES (${template.id}, ${plan.body}, ${plan.version}, ${at.toISOString()}, ${actor ?? null})
    ON CONFLICT (id) DO UPDATE SET body = excluded.body, version = excluded.version,
      updated_at = excluded.updated_at, updated_by = excluded.updated_by`;
  if (plan.audit !== undefined) await appendAudit(tx, at, plan.audit);
  return plan.outcome;
}

export async function addAnchorReports(
  tx: Tx,
  reports: AnchorReportInput[],
  at: Date,
): Promise<number> {
  let accepted = 0;
  for (const r of reports) {
    const added = await tx`
      INSERT INTO anchor_reports (item_id, app, screen, count, last_at)
      SELECT ${r.id}, ${r.app}, ${r.screen}, ${r.count}, ${at.toISOString()}
      WHERE EXISTS (SELECT 1 FROM items WHERE id = ${r.id} AND NOT deleted)
      ON CONFLICT (item_id, app, screen) DO UPDATE
        SET count = anchor_reports.count + excluded.count, last_at = excluded.last_at`;
    accepted += added.count;
  }
  return accepted;
}

export async function anchorReports(sql: Query): Promise<AnchorReport[]> {
  const rows = await sql<
    AnchorReportRow[]
  >`SELECT r.item_id, r.app, r.screen, r.count, r.last_at, i.body FROM anchor_reports r
    JOIN items i ON i.id = r.item_id AND NOT i.deleted
    ORDER BY r.count DESC, r.item_id COLLATE "C"`;
  return rows.map(toAnchorReport);
}

export async function seedNeeds(sql: Query): Promise<{ items: boolean; templates: boolean }> {
  const [row] = await sql<{ content: boolean; templates: boolean; seeded: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM items) OR EXISTS (SELECT 1 FROM apps) AS content,
      EXISTS (SELECT 1 FROM templates) AS templates,
      EXISTS (SELECT 1 FROM meta WHERE key = ${TEMPLATES_SEEDED}) AS seeded`;
  return { items: !row?.content, templates: !row?.templates && !row?.seeded };
}

export async function seed(
  tx: Tx,
  content: SeedContent,
  what: { items: boolean; templates: boolean },
  at: Date,
): Promise<void> {
  // Instances starting together on an empty database: the first seeds, the others find it done.
  await tx`SELECT pg_advisory_xact_lock(${SEED_LOCK.toString()}::bigint)`;
  const needs = await seedNeeds(tx);
  if (what.items && needs.items) {
    for (const app of content.apps) await upsertApp(tx, app);
    for (const item of content.items) await upsertItem(tx, item, item.owner, at);
  }
  if (what.templates && needs.templates) {
    for (const template of content.templates) await putTemplate(tx, template, undefined, at);
    await tx`INSERT INTO meta (key, value) VALUES (${TEMPLATES_SEEDED}, ${at.toISOString()})
      ON CONFLICT (key) DO UPDATE SET value = excluded.value`;
  }
}
