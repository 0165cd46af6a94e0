import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context, Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import type { SignInService } from '../identity/sign-in';
import type { Store, User } from '../store';
import type { DashboardEnv } from './context';
import { SESSION_COOKIE, SESSION_HOURS, type SessionKeys } from './session';

/**
 * "Sign in with <provider>" on the dashboard and shared item pages: the authorization code flow
 * with PKCE run by the server (RFC 9700), ending in the same session cookie a token sign-in sets.
 * The flow's state, nonce and verifier travel in a short-lived sealed cookie (SameSite=Lax: the
 * provider sends the browser back with a cross-site redirect, which a Strict cookie would miss).
 * The code is redeemed from the server, the access token checked exactly as the API checks one
 * (issuer, audience, `typ`, expiry, signature) and mapped to a Waymark user with the same group
 * rules; the session then names that user by email and is checked against the store on every
 * request, so a user SCIM disables is signed out at once.
 */
const FLOW_COOKIE = 'waymark_sign_in_flow';
const FLOW_MINUTES = 10;
const flowSchema = z.strictObject({
  state: z.string().length(43),
  verifier: z.string().length(43),
  nonce: z.string().length(43),
  next: z.string().max(100).optional(),
  e: z.number().int(),
});
const tokenAnswer = z.object({ access_token: z.string().min(1).max(8192) });
const random = () => randomBytes(32).toString('base64url');
const CALLBACK = '/insights/sign-in/callback';

export interface ProviderSignInOptions {
  store: Store;
  keys: SessionKeys;
  signIn: SignInService;
  /** Where a signed-in user goes: `next` when it is a safe local path, else the dashboard. */
  landing: (user: User, next: string | undefined) => string | { refused: string };
  /** The sign-in page with a message (and the path to go back to). */
  failed: (c: Context<DashboardEnv>, message: string, status: 400 | 403 | 502) => Response;
  /** The `next` value accepted from a query or form, else undefined. */
  safeNext: (value: unknown) => string | undefined;
}

export function registerProviderSignIn(app: Hono<DashboardEnv>, options: ProviderSignInOptions) {
  const { store, keys, signIn } = options;
  const secure = (c: Context) => new URL(c.req.url).protocol === 'https:';
  const redirectUri = (c: Context) => new URL(CALLBACK, c.req.url).href;

  app.get('/sign-in/provider', async (c) => {
    const now = store.now().getTime();
    const next = options.safeNext(c.req.query('next'));
    const flow = { state: random(), verifier: random(), nonce: random(), next, e: now };
    flow.e = now + FLOW_MINUTES * 60_000;
    setCookie(c, FLOW_COOKIE, keys.sealData(flow), {
      path: '/insights/sign-in',
      httpOnly: true,
      sameSite: 'Lax',
      secure: secure(c),
      maxAge: FLOW_MINUTES * 60,
    });
    const config = await signIn.authConfig();
    const url = new URL(config.authorization_endpoint);
    const challenge = createHash('sha256').update(flow.verifier).digest('base64url');
    url.search = new URLSearchParams({
      response_type: 'code',
      client_id: config.client_id,
      redirect_uri: redirectUri(c),
      scope: config.scopes.join(' '),
      state: flow.state,
      nonce: flow.nonce,
      code_challenge: challenge,
      code_challenge_method: 'S256',
      ...(config.resource === null ? {} : { resource: config.resource }),
    }).toString();
    return c.redirect(url.href, 303);
  });

  app.get('/sign-in/callback', async (c) => {
    const sealed = getCookie(c, FLOW_COOKIE);
    deleteCookie(c, FLOW_COOKIE, { path: '/insights/sign-in' });
    const flow = flowSchema.safeParse(sealed === undefined ? undefined : keys.openData(sealed));
    const now = store.now().getTime();
    if (!flow.success || flow.data.e <= now)
      return options.failed(
        c,
        'That sign-in took too long or was not started here: try again.',
        400,
      );
    if (!sameText(c.req.query('state'), flow.data.state))
      return options.failed(
        c,
        'That sign-in answer does not belong to this browser: try again.',
        400,
      );
    const error = c.req.query('error');
    if (error !== undefined)
      return options.failed(
        c,
        `The identity provider refused the sign-in (${error.slice(0, 60)}).`,
        403,
      );
    const code = c.req.query('code');
    if (code === undefined) return options.failed(c, 'The identity provider sent no code.', 400);
    const token = await redeem(signIn, code, flow.data.verifier, redirectUri(c));
    if (typeof token !== 'string')
      return options.failed(c, `The identity provider did not give a token: ${token.error}`, 502);
    const user = await signIn.userFor(token);
    if (typeof user === 'string') return options.failed(c, `Sign-in refused: ${user}`, 403);
    const landing = options.landing(user, flow.data.next);
    if (typeof landing !== 'string') return options.failed(c, landing.refused, 403);
    setCookie(
      c,
      SESSION_COOKIE,
      keys.seal({ email: user.email }, now + SESSION_HOURS * 3_600_000),
      {
        path: '/',
        httpOnly: true,
        sameSite: 'Strict',
        secure: secure(c),
        maxAge: SESSION_HOURS * 3600,
      },
    );
    // The browser arrived here from the provider's site: a Strict cookie is not sent on that
    // navigation or its redirects, so the next page is opened from this one (same site).
    return c.html(continuePage(landing));
  });
}

/** The code for the provider's access token (a public client proves itself with the verifier). */
async function redeem(
  signIn: SignInService,
  code: string,
  verifier: string,
  redirectUri: string,
): Promise<string | { error: string }> {
  const config = await signIn.authConfig();
  const body = new URLSearchParams({
    grant_type: 'authorization_code',
    code,
    redirect_uri: redirectUri,
    client_id: config.client_id,
    code_verifier: verifier,
    ...(config.resource === null ? {} : { resource: config.resource }),
  });
  let response: Response;
  try {
    response = await fetch(config.token_endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body,
      signal: AbortSignal.timeout(10_000),
    });
  } catch (error) {
    return { error: `${config.token_endpoint} unreachable (${(error as Error).message})` };
  }
  const answer = tokenAnswer.safeParse(await response.json().catch(() => undefined));
  if (!response.ok || !answer.success)
    return { error: `${config.token_endpoint} answered ${response.status}` };
  return answer.data.access_token;
}

function sameText(a: string | undefined, b: string): boolean {
  if (a === undefined || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/** A page that moves on by itself (no script: a meta refresh) and says where, for anyone without. */
function continuePage(to: string): string {
  const href = to.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${href}"><title>Signed in</title></head><body><p>Signed in. <a href="${href}">Continue</a>.</p></body></html>`;
}
