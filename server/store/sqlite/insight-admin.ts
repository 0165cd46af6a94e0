import { randomBytes } from 'node:crypto';
import type { HelpdeskImport, InsightSettings, SettingsChange } from '@/lib/insights/views';
import { gapAuditComment } from '../../insights/gap-state';
import { helpdeskTicketRow, importSummary, type GuidanceRow } from '../../insights/helpdesk-rows';
import { planSettingsChange, readSettings } from '../../insights/settings-plan';
import { emptyPruneCounts, pruneStatements } from '../insight-prune';
import type { GapState, HelpdeskTicketInput, LearningRecord, PruneCounts } from '../insight-types';
import type { Db } from './database';
import { appendAudit } from './people';

/** The insights operations other than storing events, on SQLite: each one transaction. */

export function weekSalts(db: Db, weeks: readonly string[], oldest: string): Map<string, string> {
  const add = db.prepare('INSERT OR IGNORE INTO ins_salts (week, salt) VALUES (?, ?)');
  const read = db.prepare('SELECT salt FROM ins_salts WHERE week = ?').pluck();
  return db.transaction(() => {
    const salts = new Map<string, string>();
    for (const week of weeks) {
      if (week < oldest) continue;
      add.run(week, randomBytes(32).toString('base64url'));
      salts.set(week, read.get(week) as string);
    }
    return salts;
  })();
}

export function insightSettings(db: Db): InsightSettings {
  return readSettings(db.prepare('SELECT key, value FROM ins_settings').all() as never);
}

export function putInsightSettings(
  db: Db,
  change: SettingsChange,
  actor: string,
  at: Date,
): InsightSettings {
  return db.transaction(() => {
    const plan = planSettingsChange(insightSettings(db), change);
    for (const { key, value } of plan.writes)
      if (value === undefined) db.prepare('DELETE FROM ins_settings WHERE key = ?').run(key);
      else
        db.prepare(
          'INSERT INTO ins_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
        ).run(key, value);
    for (const comment of plan.audit) appendAudit(db, at, { actor, action: 'insights', comment });
    return plan.next;
  })();
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

export function gapStates(db: Db): GapState[] {
  return (db.prepare('SELECT * FROM ins_gaps ORDER BY app, screen').all() as GapRow[]).map(
    toGapState,
  );
}

export function setGapState(
  db: Db,
  gap: { app: string; screen: string; status: GapState['status']; item: string | undefined },
  actor: string,
  at: Date,
): GapState {
  return db.transaction(() => {
    const before = db
      .prepare('SELECT * FROM ins_gaps WHERE app = ? AND screen = ?')
      .get(gap.app, gap.screen) as GapRow | undefined;
    const row: GapRow = {
      ...gap,
      item: gap.item ?? null,
      updated_at: at.toISOString(),
      updated_by: actor,
    };
    db.prepare(
      `INSERT INTO ins_gaps (app, screen, status, item, updated_at, updated_by)
       VALUES (@app, @screen, @status, @item, @updated_at, @updated_by)
       ON CONFLICT (app, screen) DO UPDATE SET status = excluded.status, item = excluded.item,
         updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    ).run(row);
    const comment = gapAuditComment(before && toGapState(before), gap);
    appendAudit(db, at, { actor, action: 'insights', item: gap.item, comment });
    return toGapState(row);
  })();
}

export function importHelpdesk(
  db: Db,
  tickets: readonly HelpdeskTicketInput[],
  meta: { actor: string; skipped: number; problems: string[] },
  at: Date,
): HelpdeskImport {
  const find = db.prepare(
    'SELECT team, opened, agent, agent_week FROM ins_guidance WHERE app = ? AND record = ?',
  );
  const insert = db.prepare(
    `INSERT INTO ins_helpdesk_tickets (import, day, team, cohort, agent, agent_week, resolution,
       log_resolution, reopens, replies) VALUES (@import, @day, @team, @cohort, @agent, @agent_week,
       @resolution, @log_resolution, @reopens, @replies)`,
  );
  return db.transaction(() => {
    const id = db
      .prepare(
        `INSERT INTO ins_helpdesk_imports (at, actor, summary) VALUES (?, ?, '{}') RETURNING id`,
      )
      .pluck()
      .get(at.toISOString(), meta.actor) as number;
    const rows = tickets.map((t) =>
      helpdeskTicketRow(t, find.get(t.app, t.record) as GuidanceRow | undefined),
    );
    for (const row of rows) insert.run({ ...row, import: id });
    const summary = importSummary(rows, meta);
    db.prepare('UPDATE ins_helpdesk_imports SET summary = ? WHERE id = ?').run(
      JSON.stringify(summary),
      id,
    );
    const comment = `helpdesk export imported: ${summary.tickets} tickets, ${summary.matched} matched`;
    appendAudit(db, at, { actor: meta.actor, action: 'insights', comment });
    return { id, at: at.toISOString(), ...summary };
  })();
}

export function helpdeskImports(db: Db): HelpdeskImport[] {
  const rows = db.prepare('SELECT id, at, summary FROM ins_helpdesk_imports ORDER BY id').all() as {
    id: number;
    at: string;
    summary: string;
  }[];
  return rows.map(
    (r) => ({ id: r.id, at: r.at, ...(JSON.parse(r.summary) as object) }) as HelpdeskImport,
  );
}

export function learningRecordsOf(db: Db, email: string): LearningRecord[] {
  return db
    .prepare(
      'SELECT day, type, subject, body FROM learning_records WHERE email = ? ORDER BY day, id',
    )
    .all(email.toLowerCase()) as LearningRecord[];
}

export function pruneInsights(db: Db, today: string): PruneCounts {
  return db.transaction(() => {
    const counts = emptyPruneCounts();
    const { query_k } = insightSettings(db);
    for (const { kind, sql, params } of pruneStatements(today, query_k)) {
      const { changes } = db.prepare(sql).run(...params);
      if (kind !== undefined) counts[kind] += changes;
    }
    return counts;
  })();
}
