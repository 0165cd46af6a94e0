import { meSchema, type Role } from '@/lib/content-model';
import { readBody } from './read-body';
import { trimSlash } from './transport';
import type { Fetch } from './types';

export type ConnectionResult =
  | { ok: true; email: string; role: Role; team: string | undefined; message: string }
  | {
      ok: false;
      problem: 'unreachable' | 'unauthorized' | 'not-waymark' | 'cors-blocked' | 'server-error';
      message: string;
    };

const fail = (problem: Extract<ConnectionResult, { ok: false }>['problem'], message: string) =>
  ({ ok: false, problem, message }) as const;

/**
 * Tells a fetch that threw apart: the browser reports a CORS refusal and an unreachable host as
 * the same TypeError on purpose (https://fetch.spec.whatwg.org/#concept-network-error). A
 * `mode: 'no-cors'` request to `/healthz` is not subject to CORS: it resolves with an opaque
 * response when the host answers at all, and throws only when it is really unreachable. In the
 * extension's background with host permission for the server, CORS does not apply, so this
 * mostly catches a server URL whose permission was not granted, or a page-context caller.
 */
async function reachableWithoutCors(base: string, fetch: Fetch): Promise<boolean> {
  try {
    await fetch(`${base}/healthz`, { mode: 'no-cors' });
    return true;
  } catch {
    return false;
  }
}

const messages = {
  corsBlocked:
    'The server answered, but the browser blocked the reply (CORS): allow this extension on the server, or grant it access to the site',
  unreachable: 'The server could not be reached — check the address and your connection',
  unauthorized: 'Your sign-in token was rejected — sign in again',
  serverError: (status: number) => `The server had a problem (HTTP ${status}) — try again later`,
  notWaymark: (why: string) => `This address does not look like a Waymark server (${why})`,
} as const;

/** What `/v1/me` answered, in plain words. */
async function classify(response: Response, what: string): Promise<ConnectionResult> {
  const { status } = response;
  if (status === 401 || status === 403) return fail('unauthorized', messages.unauthorized);
  if (status >= 500) return fail('server-error', messages.serverError(status));
  if (!response.ok) return fail('not-waymark', messages.notWaymark(`HTTP ${status}`));
  const body = await readBody(response, meSchema, what);
  if (!body.ok) return fail('not-waymark', messages.notWaymark(body.reason));
  const { email, role, team } = body.value;
  const where = team === null ? '' : `, team ${team}`;
  const message = `Connected as ${email} (${role}${where})`;
  return { ok: true, email, role, team: team ?? undefined, message };
}

/** Checks a server URL and token for the options page, answering in plain words. */
export async function testConnection(options: {
  baseUrl: string;
  token: string;
  fetch: Fetch;
}): Promise<ConnectionResult> {
  const base = trimSlash(options.baseUrl);
  let response: Response;
  try {
    response = await options.fetch(`${base}/v1/me`, {
      headers: { Authorization: `Bearer ${options.token}`, Accept: 'application/json' },
    });
  } catch {
    return (await reachableWithoutCors(base, options.fetch))
      ? fail('cors-blocked', messages.corsBlocked)
      : fail('unreachable', messages.unreachable);
  }
  return classify(response, `${base}/v1/me`);
}
