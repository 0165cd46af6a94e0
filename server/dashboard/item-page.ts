import { Hono, type Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { JSDOM } from 'jsdom';
import { slugSchema, type Item } from '@/lib/content-model';
import { renderMarkdown } from '@/lib/markdown/render-html';
import { readableCopy } from '../item-audience';
import type { Store, User } from '../store';
import { secure } from './app-security';
import { h, Html, type Part } from './html';
import { SESSION_COOKIE, type SessionKeys, userOfSession } from './session';

/** The attribute the extension's share script (entrypoints/share.content.ts) looks for. */
export const SHARE_MARK = 'data-waymark-share';

/** One window for the Markdown sanitiser, made on the first item shown. */
let markdownWindow: Window | undefined;
const markdownHtml = (source: string) =>
  new Html(renderMarkdown(source, (markdownWindow ??= new JSDOM('').window as unknown as Window)));

function page(title: string, body: Part, status = 200, head: Part = ''): Response {
  const html = h`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="same-origin"><title>${title} · Waymark</title><link rel="stylesheet" href="/insights/dashboard.css">${head}</head><body><header><p class="brand">Waymark</p></header><main>${body}</main></body></html>`;
  return new Response(html.value, {
    status,
    headers: { 'Content-Type': 'text/html; charset=utf-8' },
  });
}

/**
 * Hidden until the extension's share script, which runs only on the content server it is
 * connected to, shows it: the page itself runs no script (CSP `default-src 'none'`).
 */
const openInPanel = (id: string) =>
  h`<div class="note share" ${new Html(SHARE_MARK)}="${id}" hidden><p>Waymark is installed in this browser.</p><button type="button" class="primary">Open in the Waymark side panel</button><p class="muted" role="status"></p></div>`;

function itemBody(item: Item): Html {
  const dates =
    item.type === 'announcement'
      ? h`<p class="muted">Shown from ${item.starts_at} to ${item.ends_at}${item.acknowledge ? ' · readers acknowledge it' : ''}</p>`
      : '';
  const summary = item.summary === '' ? '' : h`<p class="lead">${item.summary}</p>`;
  return h`<article><h1>${item.title}</h1>${summary}${dates}${markdownHtml(item.body)}<p class="muted">${item.type} · owner ${item.owner} · version ${item.version} · updated ${item.updated_at}</p></article>`;
}

function signedOut(id: string): Html {
  return h`<h1>Open this item with Waymark</h1><p>Someone shared a Waymark item with you.</p><ul><li><strong>Waymark is installed in your work browser:</strong> open this link there and choose <em>Open in the Waymark side panel</em>. Connect Waymark to this content server first (Waymark's options, “Content server”).</li><li><strong>Without the extension:</strong> <a href="/insights/sign-in?next=${`/i/${id}`}">sign in with your Waymark token</a> to read it on this page.</li><li><strong>Not installed yet:</strong> ask your administrator for Waymark (it is usually installed by your organisation's browser policy).</li></ul>`;
}

/**
 * `/i/:id`: the link "Copy link" makes. With the extension (connected to this server) the page
 * offers to open the item in the side panel; without it, a signed-in user (the dashboard's session
 * cookie) reads the item here under the API's audience rule, anyone else learns how to.
 */
export function createItemPages(store: Store, keys: SessionKeys) {
  const app = new Hono().basePath('/i');
  app.use(async (c, next) => {
    await next();
    secure(c.res);
  });
  app.get('/:id', async (c) => {
    const id = c.req.param('id');
    if (!slugSchema.safeParse(id).success)
      return page(
        'Not found',
        h`<h1>No such item</h1><p>This link is not a Waymark item link.</p>`,
        404,
      );
    const user = await sessionUser(c, store, keys);
    if (user === undefined) {
      // SameSite=Strict: a link followed from chat or mail arrives without the session cookie.
      // One same-site step (this page refreshing itself) brings it, when there is one.
      if (c.req.header('Sec-Fetch-Site') === 'cross-site' && c.req.query('again') === undefined)
        return page(
          'Opening',
          h`<p><a href="/i/${id}?again=1">Continue</a></p>`,
          200,
          h`<meta http-equiv="refresh" content="0;url=/i/${id}?again=1">`,
        );
      return page('Shared item', h`${openInPanel(id)}${signedOut(id)}`);
    }
    const item = readableCopy(user, await store.itemHead(id));
    if (item === undefined)
      return page(
        'Not available',
        h`${openInPanel(id)}<h1>Not available to you</h1><p>There is no item “${id}” you may read: it may have been archived, or it is meant for another team.</p>`,
        404,
      );
    return page(item.title, h`${openInPanel(id)}${itemBody(item)}`);
  });
  return app;
}

async function sessionUser(c: Context, store: Store, keys: SessionKeys): Promise<User | undefined> {
  return userOfSession(store, keys, getCookie(c, SESSION_COOKIE));
}
