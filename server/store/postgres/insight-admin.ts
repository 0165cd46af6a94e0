import { randomBytes } from 'node:crypto';
import type { HelpdeskImport, InsightSettings, SettingsChange } from '@/lib/insights/views';
import { gapAuditComment } from '../../insights/gap-state';
import { helpdeskTicketRow, importSummary, type GuidanceRow } from '../../insights/helpdesk-rows';
import { planSettingsChange, readSettings } from '../../insights/settings-plan';
import { emptyPruneCounts, pruneStatements } from '../insight-prune';
import type { GapState, HelpdeskTicketInput, LearningRecord, PruneCounts } from '../insight-types';
import type { Query, Sql, Tx } from './connect';
import { appendAudit } from './people';

/** The insights operations other than storing events, on PostgreSQL. */

/** A statement written with `?` placeholders (shared with SQLite) in PostgreSQL's `$n`. */
export function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

export async function weekSalts(
  sql: Sql,
  weeks: readonly string[],
  oldest: string,
): Promise<Map<string, string>> {
  const wanted = weeks.filter((week) => week >= oldest);
  if (wanted.length === 0) return new Map();
  const salts = wanted.map(() => randomBytes(32).toString('base64url'));
  // Two instances making the same week's salt: the first wins, both read it back.
  await sql`INSERT INTO ins_salts (week, salt)
    SELECT * FROM unnest(${wanted}::text[], ${salts}::text[]) ON CONFLICT DO NOTHING`;
  const rows = await sql<{ week: string; salt: string }[]>`
    SELECT week, salt FROM ins_salts WHERE week = ANY(${wanted}::text[])`;
  return new Map(rows.map((r) => [r.week, r.salt]));
}

export async function insightSettings(sql: Query): Promise<InsightSettings> {
  return readSettings(
    await sql<{ key: string; value: string }[]>`SELECT key, value FROM ins_settings`,
  );
}

export async function putInsightSettings(
  tx: Tx,
  change: SettingsChange,
  actor: string,
  at: Date,
): Promise<InsightSettings> {
  // Two admins at once: the second reads what the first wrote.
  await tx`LOCK TABLE ins_settings IN SHARE ROW EXCLUSIVE MODE`;
  const plan = planSettingsChange(await insightSettings(tx), change);
  for (const { key, value } of plan.writes)
    if (value === undefined) await tx`DELETE FROM ins_settings WHERE key = ${key}`;
    else
      await tx`INSERT INTO ins_settings (key, value) VALUES (${key}, ${value})
        ON CONFLICT (key) DO UPDATE SET value = excluded.value`;
  for (const comment of plan.audit)
    await appendAudit(tx, at, { actor, action: 'insights', comment });
  return plan.next;
}

interface GapRow {
  app: string;
  screen: string;
  status: GapState['status'];
  item: string | null;
  updated_at: string;
  updated_by: string;
}
const toGapState = (r: GapRow): GapState => ({ ...r, item: r.item ?? undefined });

export async function gapStates(sql: Query): Promise<GapState[]> {
  const rows = await sql<GapRow[]>`
    SELECT app, screen, status, item, updated_at, updated_by FROM ins_gaps
    ORDER BY app COLLATE "C", screen COLLATE "C"`;
  return rows.map(toGapState);
}

export async function setGapState(
  tx: Tx,
  gap: { app: string; screen: string; status: GapState['status']; item: string | undefined },
  actor: string,
  at: Date,
): Promise<GapState> {
  const [before] = await tx<GapRow[]>`
    SELECT app, screen, status, item, updated_at, updated_by FROM ins_gaps
    WHERE app = ${gap.app} AND screen = ${gap.screen} FOR UPDATE`;
  const row: GapRow = {
    ...gap,
    item: gap.item ?? null,
    updated_at: at.toISOString(),
    updated_by: actor,
  };
  await tx`INSERT INTO ins_gaps ${tx(row, 'app', 'screen', 'status', 'item', 'updated_at', 'updated_by')}
    ON CONFLICT (app, screen) DO UPDATE SET status = excluded.status, item = excluded.item,
      updated_at = excluded.updated_at, updated_by = excluded.updated_by`;
  const comment = gapAuditComment(before && toGapState(before), gap);
  await appendAudit(tx, at, { actor, action: 'insights', item: gap.item, comment });
  return toGapState(row);
}

/** Rows per INSERT (PostgreSQL takes at most 65,535 parameters a statement). */
const CHUNK = 5_000;

export async function importHelpdesk(
  tx: Tx,
  tickets: readonly HelpdeskTicketInput[],
  meta: { actor: string; skipped: number; problems: string[] },
  at: Date,
): Promise<HelpdeskImport> {
  const [{ id } = { id: 0 }] = await tx<{ id: number }[]>`
    INSERT INTO ins_helpdesk_imports (at, actor, summary)
    VALUES (${at.toISOString()}, ${meta.actor}, '{}') RETURNING id`;
  const seen = await tx<(GuidanceRow & { app: string; record: string })[]>`
    SELECT g.app, g.record, g.team, g.opened, g.agent, g.agent_week FROM ins_guidance g
    JOIN unnest(${tickets.map((t) => t.app)}::text[], ${tickets.map((t) => t.record)}::text[])
      AS t(app, record) ON g.app = t.app AND g.record = t.record`;
  const byRecord = new Map(seen.map((g) => [`${g.app}\n${g.record}`, g]));
  const rows = tickets.map((t) => helpdeskTicketRow(t, byRecord.get(`${t.app}\n${t.record}`)));
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK).map((row) => ({ ...row, import: id }));
    await tx`INSERT INTO ins_helpdesk_tickets ${tx(
      chunk,
      'import',
      'day',
      'team',
      'cohort',
      'agent',
      'agent_week',
      'resolution',
      'log_resolution',
      'reopens',
      'replies',
    )}`;
  }
  const summary = importSummary(rows, meta);
  await tx`UPDATE ins_helpdesk_imports SET summary = ${JSON.stringify(summary)} WHERE id = ${id}`;
  const comment = `helpdesk export imported: ${summary.tickets} tickets, ${summary.matched} matched`;
  await appendAudit(tx, at, { actor: meta.actor, action: 'insights', comment });
  return { id, at: at.toISOString(), ...summary };
}

export async function helpdeskImports(sql: Query): Promise<HelpdeskImport[]> {
  const rows = await sql<{ id: number; at: string; summary: string }[]>`
    SELECT id, at, summary FROM ins_helpdesk_imports ORDER BY id`;
  return rows.map(
    (r) => ({ id: r.id, at: r.at, ...(JSON.parse(r.summary) as object) }) as HelpdeskImport,
  );
}

export async function learningRecordsOf(sql: Query, email: string): Promise<LearningRecord[]> {
  return sql<LearningRecord[]>`
    SELECT day, type, subject, body FROM learning_records WHERE email = ${email.toLowerCase()}
    ORDER BY day, id`;
}

/** pg_try_advisory_xact_lock key for retention ("WMPRUNE"): one instance prunes at a time. */
const PRUNE_LOCK = 0x574d5052554e45n;

export async function pruneInsights(tx: Tx, today: string): Promise<PruneCounts> {
  const counts = emptyPruneCounts();
  const [lock] = await tx<{ got: boolean }[]>`
    SELECT pg_try_advisory_xact_lock(${PRUNE_LOCK.toString()}::bigint) AS got`;
  if (lock?.got !== true) return counts;
  const { query_k } = await insightSettings(tx);
  for (const { kind, sql, params } of pruneStatements(today, query_k)) {
    const result = await tx.unsafe(numbered(sql), params);
    if (kind !== undefined) counts[kind] += result.count;
  }
  return counts;
}
