import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { itemStatusSchema, type Item } from '@/lib/content-model';
import { transitionBody } from './governance-schemas';
import { HttpError, parseOr400, readJson, type ServerEnv } from './http';
import { readableCopy } from './item-audience';
import { baseVersion } from './item-input';
import type { Store } from './store';
import { Workflow, type Actor } from './workflow';

const rollbackBody = z.strictObject({
  version: z.number().int().min(1),
  comment: z.string().trim().max(2000).optional(),
});
const listQuery = z.strictObject({
  status: itemStatusSchema.optional(),
  owner: z.string().min(1).max(200).optional(),
});

const actorOf = (c: Context<ServerEnv>): Actor => c.get('user');

/** The item with its version as the ETag, so a client can send it back as If-Match. */
function itemResponse(c: Context<ServerEnv>, item: Item, status: 200 | 201 = 200): Response {
  c.header('ETag', `"${item.version}"`);
  return c.json(item, status);
}

/** `/v1/items…`: reading, authoring and the review workflow. Access is declared in policy.ts. */
export function registerItemRoutes(app: Hono<ServerEnv>, store: Store): void {
  const workflow = new Workflow(store);

  app.get('/v1/items', async (c) => {
    const query = parseOr400(listQuery, c.req.query());
    const items = (await store.listItems())
      .filter((i) => query.status === undefined || i.status === query.status)
      .filter(
        (i) => query.owner === undefined || i.owner.toLowerCase() === query.owner.toLowerCase(),
      );
    return c.json({ items });
  });

  // `?submit=true`: created straight into review, so an author's first submission is version 1.
  app.post('/v1/items', async (c) =>
    itemResponse(
      c,
      await workflow.create(await readJson(c), actorOf(c), c.req.query('submit') === 'true'),
      201,
    ),
  );

  // Learners read only the live copy, and only when it is for them: anything else is a 404, so
  // a learner cannot even learn that a draft exists.
  app.get('/v1/items/:id', async (c) => {
    const item = readableCopy(c.get('user'), await store.itemHead(c.req.param('id')));
    if (item === undefined) throw new HttpError(404, 'not_found', `no item "${c.req.param('id')}"`);
    return itemResponse(c, item);
  });

  app.get('/v1/items/:id/versions', async (c) => {
    const id = c.req.param('id');
    const versions = await store.itemVersions(id);
    if (versions.length === 0) throw new HttpError(404, 'not_found', `no item "${id}"`);
    return c.json({ id, versions: versions.map((v) => ({ ...v, author: v.author ?? null })) });
  });

  app.get('/v1/items/:id/history', async (c) => {
    const id = c.req.param('id');
    if ((await store.itemHead(id)) === undefined)
      throw new HttpError(404, 'not_found', `no item "${id}"`);
    return c.json({ id, entries: (await store.queryAudit({ item: id, limit: 200 })).entries });
  });

  app.put('/v1/items/:id', async (c) => {
    const body = await readJson(c);
    const base = baseVersion(c.req.header('If-Match'), body);
    return itemResponse(c, await workflow.edit(c.req.param('id'), body, base, actorOf(c)));
  });

  /** A transition: its optional body is `{comment?, version?}`; If-Match also names the base. */
  const transition = (
    path: string,
    run: (
      id: string,
      base: number | undefined,
      actor: Actor,
      comment: string | undefined,
    ) => Promise<Item>,
  ): void => {
    app.post(`/v1/items/:id/${path}`, async (c) => {
      const body = parseOr400(transitionBody, await readJson(c));
      const base = baseVersion(c.req.header('If-Match'), body);
      return itemResponse(c, await run(c.req.param('id'), base, actorOf(c), body.comment));
    });
  };
  transition('submit', (id, base, actor) => workflow.submit(id, base, actor));
  transition('approve', (id, base, actor, comment) => workflow.approve(id, base, actor, comment));
  transition('request-changes', (id, base, actor, comment) =>
    workflow.requestChanges(id, base, actor, comment ?? ''),
  );
  transition('archive', (id, base, actor, comment) => workflow.archive(id, base, actor, comment));
  transition('verify', (id, base, actor) => workflow.verify(id, base, actor));

  // Here `version` is the version to restore, so the base can only come from If-Match.
  app.post('/v1/items/:id/rollback', async (c) => {
    const body = parseOr400(rollbackBody, await readJson(c));
    const base = baseVersion(c.req.header('If-Match'), {});
    const item = await workflow.rollback(
      c.req.param('id'),
      body.version,
      base,
      actorOf(c),
      body.comment,
    );
    return itemResponse(c, item);
  });
}
