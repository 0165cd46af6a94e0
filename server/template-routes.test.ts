import { beforeEach, describe, expect, it } from 'vitest';
import type { Template } from '@/lib/content-model';
import { withTestApp } from './test-app';
import { template, testBackends, tokenFor } from './test-fixtures';

describe.each(testBackends())('on $name', (backend) => {
  const { t, get, send } = withTestApp(backend);
  let author: string;
  let reviewer: string;
  beforeEach(async () => {
    author = await tokenFor(t.env.store, 'author@example.com', 'author');
    reviewer = await tokenFor(t.env.store, 'reviewer@example.com', 'reviewer');
    await t.env.store.putTemplate(
      template('screen-tip', { name: 'Tip on a screen' }) as Template,
      undefined,
    );
    await t.env.store.putTemplate(
      template('path', { name: 'Learning path', item_type: 'path' }) as Template,
      undefined,
    );
    await t.env.store.putTemplate(
      template('how-to', {
        name: 'How-to',
        item_type: 'article',
        fields: { template: 'how-to' },
      }) as Template,
      undefined,
    );
    await t.env.store.putTemplate(
      template('element-tip', { name: 'Tip on an element' }) as Template,
      undefined,
    );
  });

  const templateAudit = async () =>
    (await t.env.store.queryAudit({ action: 'template', limit: 10 })).entries;

  describe('GET /v1/templates', () => {
    it.each(['author', 'reviewer', 'admin'] as const)(
      'lists the templates to a %s by item type (registry order), then name',
      async (role) => {
        const token = { author, reviewer, admin: t.admin }[role];
        const res = await get('/v1/templates', token);
        expect(res.status).toBe(200);
        const { templates } = (await res.json()) as { templates: Template[] };
        expect(templates.map((x) => x.id)).toEqual(['how-to', 'screen-tip', 'element-tip', 'path']);
        expect(templates[0]).toEqual(
          template('how-to', {
            name: 'How-to',
            item_type: 'article',
            fields: { template: 'how-to' },
          }),
        );
      },
    );

    it('refuses a learner (403) and no token (401)', async () => {
      expect((await get('/v1/templates', t.learner)).status).toBe(403);
      expect((await get('/v1/templates')).status).toBe(401);
    });
  });

  describe('PUT /v1/templates/:id', () => {
    it('creates a template (201) with its id from the path, and audits it', async () => {
      const rest: Record<string, unknown> = template('faq', {
        item_type: 'article',
        fields: { template: 'faq' },
      });
      delete rest.id;
      const res = await send('PUT', '/v1/templates/faq', t.admin, rest);
      expect(res.status).toBe(201);
      expect(await res.json()).toMatchObject({ id: 'faq', item_type: 'article' });
      expect(await templateAudit()).toMatchObject([
        { actor: 'admin@example.com', item: null, version: 1, comment: 'template "faq" created' },
      ]);
    });

    it('changes a template (200) as a new audited version; the same template again records nothing', async () => {
      const changed = template('screen-tip', { name: 'Tip on a screen', verify_days: 30 });
      expect((await send('PUT', '/v1/templates/screen-tip', t.admin, changed)).status).toBe(200);
      expect((await send('PUT', '/v1/templates/screen-tip', t.admin, changed)).status).toBe(200);
      expect(await templateAudit()).toMatchObject([
        { version: 2, comment: 'template "screen-tip" updated' },
      ]);
      const { templates } = (await (await get('/v1/templates', author)).json()) as {
        templates: Template[];
      };
      expect(templates.find((x) => x.id === 'screen-tip')?.verify_days).toBe(30);
    });

    it.each(['author', 'reviewer'] as const)('refuses a %s (403)', async (role) => {
      const token = { author, reviewer }[role];
      const res = await send('PUT', '/v1/templates/screen-tip', token, template('screen-tip'));
      expect(res.status).toBe(403);
      expect(await templateAudit()).toEqual([]);
    });

    it('answers 400 naming the field for an invalid template or one that makes an invalid item', async () => {
      const put = async (body: unknown) => {
        const res = await send('PUT', '/v1/templates/screen-tip', t.admin, body);
        return { status: res.status, body: (await res.json()) as { message: string } };
      };
      expect(await put(template('screen-tip', { verify_days: 1000 }))).toMatchObject({
        status: 400,
        body: { message: expect.stringMatching(/^verify_days: /) as unknown },
      });
      expect(
        await put(template('screen-tip', { fields: { placement: 'sideways' } })),
      ).toMatchObject({
        status: 400,
        body: { message: expect.stringMatching(/^fields\.placement: /) as unknown },
      });
      expect(await put(template('other'))).toEqual({
        status: 400,
        body: {
          error: 'bad_request',
          message: 'id: must be "screen-tip", the template in the URL',
        },
      });
      expect(await put([])).toMatchObject({ status: 400 });
      expect(await templateAudit()).toEqual([]);
    });
  });
});
