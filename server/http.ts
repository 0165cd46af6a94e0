import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import type { User } from './users';

/** Hono's environment for this server: node-server puts the raw request in `env.incoming`. */
export interface ServerEnv {
  Bindings: { incoming?: IncomingMessage };
  Variables: { user: User };
}

/** Every error the API answers has this shape; `error` is a stable code, `message` is for people. */
export const errorSchema = z.strictObject({
  error: z.enum([
    'unauthorized',
    'forbidden',
    'rate_limited',
    'bad_request',
    'not_found',
    'payload_too_large',
    'cursor_expired',
    'internal',
  ]),
  message: z.string(),
});
export type ApiError = z.infer<typeof errorSchema>;

export function jsonError(
  c: Context,
  status: ContentfulStatusCode,
  error: ApiError['error'],
  message: string,
): Response {
  return c.json({ error, message } satisfies ApiError, status);
}

/** The peer address; proxies are not trusted (put the limit in the proxy when there is one). */
export function clientAddress(c: Context<ServerEnv>): string {
  // c.env is undefined under app.request() in tests.
  const env = c.env as ServerEnv['Bindings'] | undefined;
  return env?.incoming?.socket.remoteAddress ?? 'unknown';
}
