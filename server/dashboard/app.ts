import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { clientAddress, HttpError, type ServerEnv } from '../http';
import { FailureLimiter } from '../rate-limit';
import type { Store } from '../store';
import { htmlPage, rolesOf, type DashboardEnv } from './context';
import { DASHBOARD_CSS } from './css';
import { h, type Html } from './html';
import { shell } from './layout';
import { registerViewPages } from './pages';
import type { SignInService } from '../identity/sign-in';
import { secure } from './app-security';
import { registerProviderSignIn } from './provider-sign-in';
import { SESSION_COOKIE, SESSION_HOURS, type SessionKeys, userOfSession } from './session';

/** A POST must come from this server's own pages (Origin and Fetch Metadata, when sent). */
function sameOrigin(c: Context): boolean {
  const site = c.req.header('Sec-Fetch-Site');
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
  const origin = c.req.header('Origin');
  if (origin === undefined || origin === 'null') return origin === undefined;
  try {
    return new URL(origin).host === c.req.header('Host');
  } catch {
    return false;
  }
}

const formText = (value: unknown) => (typeof value === 'string' ? value : '');

/** Where a sign-in from a shared item's page (`/i/<id>`) goes back to; nothing else is taken. */
const SHARED_ITEM = /^\/i\/[a-z0-9]+(?:-[a-z0-9]+)*$/;
const sharedItemPath = (value: unknown) =>
  typeof value === 'string' && SHARED_ITEM.test(value) && value.length <= 83 ? value : undefined;

function signInPageWith(message?: string, next?: string, provider?: string): Html {
  const error = message === undefined ? '' : h`<p class="error" role="alert">${message}</p>`;
  const query = next === undefined ? '' : `?next=${encodeURIComponent(next)}`;
  const withProvider =
    provider === undefined
      ? ''
      : h`<p><a class="button primary" href="/insights/sign-in/provider${query}">Sign in with ${provider}</a></p><p class="muted">or with your Waymark token:</p>`;
  const back = next === undefined ? '' : h`<input type="hidden" name="next" value="${next}">`;
  const who =
    next === undefined
      ? 'Authors, reviewers and admins.'
      : 'Anyone with a Waymark token, to read the item shared with them.';
  return shell(
    'Sign in',
    h`${error}${withProvider}<form method="post" action="/insights/sign-in" class="signin">${back}<label for="token">Your Waymark token</label><input id="token" name="token" type="password" autocomplete="current-password" required maxlength="200"><p class="muted">${who} The token is checked by the server and kept only inside an HttpOnly session cookie for ${SESSION_HOURS} hours.</p><button type="submit" class="primary">Sign in</button></form>`,
  );
}

/** The web dashboard at /insights: sign-in, the six views, CSV exports and the gap actions. */
export function createDashboard(store: Store, keys: SessionKeys, signIn?: SignInService) {
  const limiter = new FailureLimiter(20);
  const signInPage = (message?: string, next?: string) =>
    signInPageWith(message, next, signIn?.name);
  const app = new Hono<DashboardEnv>().basePath('/insights');
  app.use(async (c, next) => {
    c.set('keys', keys);
    await next();
    secure(c.res);
  });
  app.get('/dashboard.css', (c) => {
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(DASHBOARD_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8' });
  });
  app.get('/sign-in', (c) =>
    htmlPage(c, signInPage(undefined, sharedItemPath(c.req.query('next')))),
  );
  if (signIn !== undefined)
    registerProviderSignIn(app, {
      store,
      keys,
      signIn,
      safeNext: sharedItemPath,
      // As the token sign-in: a shared item's page applies the item's own audience rule.
      landing: (user, next) =>
        next === undefined && !rolesOf('GET /v1/insights/gaps').includes(user.role)
          ? { refused: `Insights are not open to the ${user.role} role.` }
          : (next ?? '/insights/gaps'),
      failed: (c, message, status) => htmlPage(c, signInPage(message), status),
    });
  app.post('/sign-in', async (c) => {
    if (!sameOrigin(c)) return htmlPage(c, signInPage('Sign in from this server’s own page.'), 403);
    const address = clientAddress(c as unknown as Context<ServerEnv>);
    if (limiter.retryAfter(address) > 0)
      return htmlPage(c, signInPage('Too many failed sign-ins: wait a minute.'), 429);
    const form = await c.req.parseBody();
    const token = formText(form['token']).trim();
    const next = sharedItemPath(form['next']);
    const user = /^[A-Za-z0-9_-]{1,200}$/.test(token) ? await store.userForToken(token) : undefined;
    if (user === undefined) {
      limiter.fail(address);
      return htmlPage(c, signInPage('That token is unknown or has been revoked.', next), 401);
    }
    // A shared item's page applies the item's own audience rule; the views need an author's role.
    if (next === undefined && !rolesOf('GET /v1/insights/gaps').includes(user.role))
      return htmlPage(c, signInPage(`Insights are not open to the ${user.role} role.`), 403);
    const now = store.now().getTime();
    // Path `/`: shared item pages (`/i/<id>`) read the same session.
    setCookie(c, SESSION_COOKIE, keys.seal({ token }, now + SESSION_HOURS * 3_600_000), {
      path: '/',
      httpOnly: true,
      sameSite: 'Strict',
      secure: new URL(c.req.url).protocol === 'https:',
      maxAge: SESSION_HOURS * 3600,
    });
    return c.redirect(next ?? '/insights/gaps', 303);
  });

  // Everything below needs a session.
  app.use(async (c, next) => {
    const cookie = getCookie(c, SESSION_COOKIE);
    const user = await userOfSession(store, keys, cookie);
    if (cookie === undefined || user === undefined) {
      if (c.req.method === 'GET' && !c.req.path.endsWith('.csv'))
        return c.redirect('/insights/sign-in', 303);
      return htmlPage(c, signInPage('Your session has ended: sign in again.'), 401);
    }
    if (!rolesOf('GET /v1/insights/gaps').includes(user.role))
      return htmlPage(c, signInPage(`Insights are not open to the ${user.role} role.`), 403);
    if (c.req.method === 'POST') {
      const form = await c.req.parseBody();
      if (
        !sameOrigin(c) ||
        !keys.csrfMatches(cookie, typeof form['csrf'] === 'string' ? form['csrf'] : undefined)
      )
        return htmlPage(c, signInPage('That form was not sent from this dashboard.'), 403);
    }
    c.set('user', user);
    c.set('cookie', cookie);
    return next();
  });
  app.post('/sign-out', (c) => {
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.redirect('/insights/sign-in', 303);
  });
  app.get('/', (c) => c.redirect('/insights/gaps', 303));
  registerViewPages(app, store);
  app.notFound((c) => htmlPage(c, shell('Not found', h`<p>No page ${c.req.path}.</p>`), 404));
  app.onError((error, c) => {
    if (error instanceof HttpError)
      return htmlPage(
        c,
        shell(
          'Cannot do that',
          h`<p class="error" role="alert">${error.message}</p><p><a href="/insights/gaps">Back to Gaps</a></p>`,
        ),
        error.status === 404 ? 404 : 400,
      );
    console.error(error.stack ?? error);
    return c.html('<!doctype html><title>Error</title><p>Internal server error.</p>', 500);
  });
  return app;
}
