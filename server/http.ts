import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import type { User } from './store';

/** Hono's environment for this server: node-server puts the raw request in `env.incoming`. */
export interface ServerEnv {
  Bindings: { incoming?: IncomingMessage };
  /** `encoded`: the handler sent bytes it encoded itself (the feed's cached pages). */
  Variables: { user: User; encoded?: boolean };
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
    'conflict',
    'unavailable',
    'internal',
  ]),
  message: z.string(),
});
export type ApiError = z.infer<typeof errorSchema>;

/** A 409 names the version the server holds, so the client can re-read and retry. */
export const conflictSchema = errorSchema.extend({
  error: z.literal('conflict'),
  current_version: z.number().int().nullable(),
});

/**
 * An error a handler throws to answer with `status` and the usual error body (plus `extra`);
 * the app's error handler turns it into the response, so deep code need not know about Hono.
 */
export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ApiError['error'],
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }

  respond(c: Context): Response {
    return c.json({ error: this.code, message: this.message, ...this.extra }, this.status);
  }
}

/** A zod failure as one message naming each field, e.g. `title: must be at least 3 characters`. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 10)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'body'}: ${issue.message}`)
    .join('; ');
}

/** Parses `value` with `schema` or throws a 400 that names the fields at fault. */
export function parseOr400<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new HttpError(400, 'bad_request', describeZodError(result.error));
  return result.data;
}

/** The request's JSON body; an empty body is `{}` (transitions need none), bad JSON is a 400. */
export async function readJson(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, 'bad_request', 'body: must be JSON');
  }
}

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
