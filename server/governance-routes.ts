import type { Hono } from 'hono';
import { z } from 'zod';
import { auditActions } from '@/lib/content-model/audit';
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
  app.get('/v1/verification', async (c) => {
    const user = c.get('user');
    const mine = (owner: string) =>
      user.role === 'admin' || owner.toLowerCase() === user.email.toLowerCase();
    const today = dateInDays(0, store.now());
    // The live copy is what learners rely on, so that is the one whose date matters.
    const overdue = (await store.liveItems())
      .filter((i) => i.verify_by !== undefined && i.verify_by < today && mine(i.owner))
      .map((i) => ({
        id: i.id,
        type: i.type,
        title: i.title,
        owner: i.owner,
        verify_by: i.verify_by,
        version: i.version,
      }));
    const brokenAnchors = (await store.anchorReports())
      .filter((r) => mine(r.item.owner))
      .map((r) => ({
        id: r.id,
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
    // Reports for items the server does not have (deleted, or from a starter pack) are dropped.
    const accepted = await store.addAnchorReports(body.items);
    return c.json({ accepted, ignored: body.items.length - accepted });
  });

  app.get('/v1/audit', async (c) => {
    const query = parseOr400(auditQuery, c.req.query());
    const since = query.since === undefined ? undefined : new Date(query.since).toISOString();
    const page = await store.queryAudit({ ...query, since });
    return c.json({ entries: page.entries, next: page.next === null ? null : String(page.next) });
  });
}
