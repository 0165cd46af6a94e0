import type { MiddlewareHandler } from 'hono';
import type { ServerEnv } from './http';

export type LogSink = (line: string) => void;

/**
 * One JSON line per request. Only the path is logged, never the query string or headers, so no
 * token (or anything a client put in a query) reaches the logs.
 */
export function requestLog(sink: LogSink): MiddlewareHandler<ServerEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const length = c.res.headers.get('Content-Length');
    sink(
      JSON.stringify({
        time: new Date().toISOString(),
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
        bytes: length === null ? null : Number(length),
        user: c.get('user')?.email ?? null,
      }),
    );
  };
}
