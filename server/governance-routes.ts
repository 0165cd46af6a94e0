import type { Hono } from 'hono';
import { z } from 'zod';
import type { Item } from '@/lib/content-model';
import { AuditLog, auditActions } from './audit-log';
import { anchorReportBody } from './governance-schemas';
import { parseOr400, readJson, type ServerEnv } from './http';
import { dateInDays } from './clock';
import type { Store } from './store';

const auditQuery = z.strictObject({
  item: z.string().min(1).max(200).optional(),
  actor: z.string().min(1).max(320).optional(),
  action: z.enum(auditActions).optional(),
  since: z
    .union([z.iso.date(), z.iso.datetime({ offset: true })], {
      message: 'must be a date (YYYY-MM-DD) or an ISO date-time',
    })
    .optional(),
  before: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** Verification (what owners must re-check), broken-anchor reports and the audit trail. */
export function registerGovernanceRoutes(app: Hono<ServerEnv>, store: Store): void {
  const audit = new AuditLog(store.db, store.now);

  app.get('/v1/verification', (c) => {
    const user = c.get('user');
    const mine = (owner: string) =>
      user.role === 'admin' || owner.toLowerCase() === user.email.toLowerCase();
    const today = dateInDays(0, store.now());
    // The live copy is what learners rely on, so that is the one whose date matters.
    const live = (
      store.db
        .prepare(
          'SELECT live_body FROM items WHERE deleted = 0 AND live_body IS NOT NULL ORDER BY id',
        )
        .all() as { live_body: string }[]
    ).map((r) => JSON.parse(r.live_body) as Item);
    const overdue = live
      .filter((i) => i.verify_by !== undefined && i.verify_by < today && mine(i.owner))
      .map((i) => ({
        id: i.id,
        type: i.type,
        title: i.title,
        owner: i.owner,
        verify_by: i.verify_by,
        version: i.version,
      }));
    const reports = store.db
      .prepare(
        `SELECT r.item_id, r.app, r.screen, r.count, r.last_at, i.body FROM anchor_reports r
         JOIN items i ON i.id = r.item_id AND i.deleted = 0 ORDER BY r.count DESC, r.item_id`,
      )
      .all() as {
      item_id: string;
      app: string;
      screen: string;
      count: number;
      last_at: string;
      body: string;
    }[];
    const brokenAnchors = reports
      .map((r) => ({ ...r, item: JSON.parse(r.body) as Item }))
      .filter((r) => mine(r.item.owner))
      .map((r) => ({
        id: r.item_id,
        title: r.item.title,
        owner: r.item.owner,
        app: r.app,
        screen: r.screen,
        count: r.count,
        last_reported_at: r.last_at,
      }));
    return c.json({ overdue, broken_anchors: brokenAnchors });
  });

  app.post('/v1/anchor-reports', async (c) => {
    const body = parseOr400(anchorReportBody, await readJson(c));
    const known = store.db.prepare('SELECT 1 FROM items WHERE id = ? AND deleted = 0');
    const add = store.db.prepare(
      `INSERT INTO anchor_reports (item_id, app, screen, count, last_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (item_id, app, screen) DO UPDATE SET count = count + excluded.count,
         last_at = excluded.last_at`,
    );
    const now = store.now().toISOString();
    // Reports for items the server does not have (deleted, or from a starter pack) are dropped.
    const accepted = store.db.transaction(
      () =>
        body.items.filter((r) => {
          if (known.get(r.id) === undefined) return false;
          add.run(r.id, r.app, r.screen, r.count, now);
          return true;
        }).length,
    )();
    return c.json({ accepted, ignored: body.items.length - accepted });
  });

  app.get('/v1/audit', (c) => {
    const query = parseOr400(auditQuery, c.req.query());
    const since = query.since === undefined ? undefined : new Date(query.since).toISOString();
    const page = audit.query({ ...query, since });
    return c.json({ entries: page.entries, next: page.next === null ? null : String(page.next) });
  });
}
