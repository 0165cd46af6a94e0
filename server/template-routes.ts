import type { Hono } from 'hono';
import { templateSchema } from '@/lib/content-model';
import { HttpError, parseOr400, readJson, type ServerEnv } from './http';
import type { Store } from './store';
import { TemplateStore } from './template-store';

/** `/v1/templates…`: what authors start items from, and how admins change it (policy.ts). */
export function registerTemplateRoutes(app: Hono<ServerEnv>, store: Store): void {
  const templates = new TemplateStore(store.db, store.now);

  app.get('/v1/templates', (c) => c.json({ templates: templates.list() }));

  // Create or replace: the body is the whole template (its id may be left out).
  app.put('/v1/templates/:id', async (c) => {
    const id = c.req.param('id');
    const input = await readJson(c);
    if (typeof input !== 'object' || input === null || Array.isArray(input))
      throw new HttpError(400, 'bad_request', 'body: must be a JSON object (a template)');
    const record = input as Record<string, unknown>;
    if (record.id !== undefined && record.id !== id)
      throw new HttpError(400, 'bad_request', `id: must be "${id}", the template in the URL`);
    const template = parseOr400(templateSchema, { ...record, id });
    const outcome = templates.put(template, c.get('user').email);
    return c.json(template, outcome === 'created' ? 201 : 200);
  });
}
