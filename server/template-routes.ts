import type { Hono } from 'hono';
import { templateSchema } from '@/lib/content-model';
import { HttpError, parseOr400, readJson, type ServerEnv } from './http';
import type { Store } from './store';

/** `/v1/templates…`: what authors start items from, and how admins change it (policy.ts). */
export function registerTemplateRoutes(app: Hono<ServerEnv>, store: Store): void {
  app.get('/v1/templates', async (c) => c.json({ templates: await store.listTemplates() }));

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
    const outcome = await store.putTemplate(template, c.get('user').email);
    return c.json(template, outcome === 'created' ? 201 : 200);
  });
}
