import type { Hono } from 'hono';
import { HttpError, type ServerEnv } from './http';
import { audienceOf, readableCopy } from './item-audience';
import type { Store } from './store';

/**
 * Acknowledging an announcement (`acknowledge: true`), and how many of its audience did. A
 * reader acknowledges the copy they can read (a learner: the live one for their team); the
 * store keeps the first acknowledgement per person, so a client that sends one again after a
 * lost answer is still counted once.
 */
export function registerAnnouncementRoutes(app: Hono<ServerEnv>, store: Store): void {
  app.post('/v1/items/:id/acknowledge', async (c) => {
    const id = c.req.param('id');
    const user = c.get('user');
    const item = readableCopy(user, await store.itemHead(id));
    if (item === undefined) throw new HttpError(404, 'not_found', `no item "${id}"`);
    if (item.type !== 'announcement' || !item.acknowledge)
      throw new HttpError(400, 'bad_request', `"${id}" is not an announcement readers acknowledge`);
    const { at } = await store.acknowledge(id, user.email.toLowerCase());
    return c.json({ item: id, at });
  });

  app.get('/v1/items/:id/acknowledgements', async (c) => {
    const id = c.req.param('id');
    const head = await store.itemHead(id);
    if (head === undefined || head.deleted)
      throw new HttpError(404, 'not_found', `no item "${id}"`);
    const item = head.live ?? head.item;
    const audience = audienceOf(item, await store.listUsers());
    const people = await store.acknowledgements(id);
    return c.json({
      item: id,
      acknowledge: item.type === 'announcement' && item.acknowledge,
      audience: audience.size,
      acknowledged: people.filter((p) => audience.has(p.email.toLowerCase())).length,
      people,
    });
  });
}
