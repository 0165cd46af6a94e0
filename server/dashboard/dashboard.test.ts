import { describe, expect, it } from 'vitest';
import type { Template } from '@/lib/content-model';
import { createApp } from '../app';
import { failedSearch, installOf, learner, sendEvents } from '../insights/test-support';
import { tempStore, template, tokenFor } from '../test-fixtures';

const HOST = 'insights.example.test';
const ticket = { app: 'zendesk', screen: 'ticket' };

async function setup() {
  const env = await tempStore();
  const app = createApp(env.store, { log: false, sessionKey: 'k'.repeat(40) });
  const tokens = {
    learner: await tokenFor(env.store, 'learner@example.com', 'learner'),
    author: await tokenFor(env.store, 'author@example.com', 'author'),
  };
  const request = (path: string, init: RequestInit & { cookie?: string } = {}) =>
    app.request(`http://${HOST}${path}`, {
      ...init,
      headers: {
        Host: HOST,
        ...(init.cookie === undefined ? {} : { Cookie: init.cookie }),
        ...(init.headers as Record<string, string>),
      },
    });
  const form = (fields: Record<string, string>) => ({
    method: 'POST',
    body: new URLSearchParams(fields).toString(),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: `http://${HOST}` },
  });
  const signIn = async (token: string) => {
    const response = await request('/insights/sign-in', form({ token }));
    const cookie = response.headers.get('Set-Cookie') ?? '';
    return { response, cookie, session: cookie.split(';')[0] ?? '' };
  };
  return { env, request, form, signIn, tokens };
}

/** The CSRF token the page's forms carry. */
const csrfOf = (html: string) => /name="csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

describe('the insights dashboard', () => {
  it('signs an author in with an HttpOnly, SameSite=Strict cookie and refuses a learner', async () => {
    const { env, request, signIn, tokens } = await setup();
    try {
      expect((await request('/insights/gaps')).headers.get('Location')).toBe('/insights/sign-in');
      const learnerTry = await signIn(tokens.learner);
      expect(learnerTry.response.status).toBe(403);
      expect(learnerTry.cookie).toBe('');
      expect(await learnerTry.response.text()).toContain('not open to the learner role');
      expect((await signIn('wm_nonsense')).response.status).toBe(401);

      const { response, cookie, session } = await signIn(tokens.author);
      expect(response.status).toBe(303);
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Strict/);
      // Path=/: shared item pages (/i/<id>) read the same session.
      expect(cookie).toMatch(/Path=\/;/);
      expect(cookie).not.toContain(tokens.author);
      const page = await request('/insights/gaps', { cookie: session });
      expect(page.status).toBe(200);
      expect(page.headers.get('Content-Security-Policy')).toContain("default-src 'none'");
      expect(await page.text()).toContain('author@example.com (author)');
    } finally {
      await env.cleanup();
    }
  });

  it('ends the session of a user who is revoked, and ignores a forged cookie', async () => {
    const { env, request, signIn, tokens } = await setup();
    try {
      const { session } = await signIn(tokens.author);
      const forged = await request('/insights/content', { cookie: `${session.slice(0, -2)}AA` });
      expect(forged.headers.get('Location')).toBe('/insights/sign-in');
      expect((await request('/insights/content', { cookie: session })).status).toBe(200);
      await env.store.revokeUser('author@example.com');
      const page = await request('/insights/content', { cookie: session });
      expect(page.headers.get('Location')).toBe('/insights/sign-in');
    } finally {
      await env.cleanup();
    }
  });

  it('renders each view with charts that have titles, table twins and CSV links that answer CSV', async () => {
    const { env, request, signIn, tokens } = await setup();
    try {
      for (const person of [1, 2, 3, 4, 5])
        await sendEvents(
          env.store,
          learner(`p${person}@example.com`),
          [failedSearch('2026-06-15', 'merge tickets', ticket)],
          { install: installOf(person) },
        );
      const { session } = await signIn(tokens.author);
      for (const view of ['gaps', 'content', 'guidance', 'learning', 'teams', 'impact']) {
        const html = await (
          await request(`/insights/${view}?since=30d`, { cookie: session })
        ).text();
        expect(html, view).toMatch(
          /<svg class="chart" role="img" aria-labelledby="[^"]+"[^>]*><title id="[^"]+">[^<]+<\/title><desc/,
        );
        const csv = /href="(\/insights\/[a-z]+\.csv[^"]*)"/.exec(html)?.[1];
        expect(csv, view).toBeDefined();
        const answer = await request(csv!.replaceAll('&amp;', '&'), { cookie: session });
        expect(answer.headers.get('Content-Type'), view).toContain('text/csv');
      }
      const gaps = await (await request('/insights/gaps', { cookie: session })).text();
      expect(gaps).toContain('“merge tickets”');
      expect(gaps).toContain('<desc id="c');
      expect(gaps).toContain('zendesk / ticket: 5 of 5');
    } finally {
      await env.cleanup();
    }
  });

  it('makes a draft from a gap in one click, and refuses the form without its CSRF token or from another site', async () => {
    const { env, request, form, signIn, tokens } = await setup();
    try {
      await env.store.putTemplate(
        template('how-to', {
          item_type: 'article',
          fields: { template: 'how-to' },
          body: '## Steps',
        }) as Template,
        undefined,
      );
      for (const person of [1, 2, 3, 4, 5])
        await sendEvents(
          env.store,
          learner(`p${person}@example.com`),
          [failedSearch('2026-06-15', 'merge tickets', ticket)],
          { install: installOf(person) },
        );
      const { session } = await signIn(tokens.author);
      const csrf = csrfOf(await (await request('/insights/gaps', { cookie: session })).text());
      const action = '/insights/gaps/zendesk/ticket/draft';
      expect((await request(action, { ...form({}), cookie: session })).status).toBe(403);
      const foreign = form({ csrf });
      foreign.headers.Origin = 'https://evil.example';
      expect((await request(action, { ...foreign, cookie: session })).status).toBe(403);
      expect(await env.store.itemHead('merge-tickets')).toBeUndefined();

      const made = await request(action, { ...form({ csrf }), cookie: session });
      expect(made.status).toBe(303);
      expect(made.headers.get('Location')).toBe('/insights/gaps?created=merge-tickets');
      expect(await env.store.getItem('merge-tickets')).toMatchObject({ status: 'draft' });
      const after = await (
        await request(made.headers.get('Location')!, { cookie: session })
      ).text();
      expect(after).toContain('Draft “merge-tickets” created');
      expect(after).toContain('<code>merge-tickets</code> (not published yet)');

      const dismissed = await request('/insights/gaps/zendesk/ticket/status', {
        ...form({ csrf, status: 'dismissed' }),
        cookie: session,
      });
      expect(dismissed.status).toBe(303);
      expect(await env.store.gapStates()).toMatchObject([
        { status: 'dismissed', item: 'merge-tickets' },
      ]);
    } finally {
      await env.cleanup();
    }
  });
});
