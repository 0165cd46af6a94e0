import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Me } from '@/lib/content-model';
import { bearerAuth } from './auth';
import { compressJson } from './compress';
import { extensionCors } from './cors';
import { feedHandler } from './feed-route';
import { registerGovernanceRoutes } from './governance-routes';
import { registerItemRoutes } from './item-routes';
import { HttpError, jsonError, type ServerEnv } from './http';
import { openApiDocument } from './openapi';
import { enforcePolicy } from './policy';
import { requestLog, type LogSink } from './request-log';
import type { Store } from './store';
import { registerTemplateRoutes } from './template-routes';

export interface AppOptions {
  /** Where request log lines go (default: stdout). */
  log?: LogSink;
  /** Where unexpected errors are reported with their stack (default: stderr). */
  logError?: (error: Error) => void;
  /** Request bodies above this many bytes are refused with 413 (default 1 MB). */
  maxBodyBytes?: number;
  /** Failed sign-ins per minute from one address before 429 (default 20). */
  authFailuresPerMinute?: number;
}

const stdoutSink: LogSink = (line) => process.stdout.write(`${line}\n`);

/** The content server's HTTP API. `server/main.ts` serves it; tests call `app.request()`. */
export function createApp(store: Store, options: AppOptions = {}): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();
  const logError = options.logError ?? ((error: Error) => console.error(error.stack ?? error));
  app.use(requestLog(options.log ?? stdoutSink));
  app.use(extensionCors());
  app.use(compressJson());
  app.use(
    bodyLimit({
      maxSize: options.maxBodyBytes ?? 1024 * 1024,
      onError: (c) => {
        // The unread rest of the body makes the connection unusable: tell the client not to reuse it.
        c.header('Connection', 'close');
        return jsonError(c, 413, 'payload_too_large', 'the request body is too large');
      },
    }),
  );

  app.get('/healthz', (c) => c.json({ ok: true }));
  app.get('/v1/openapi.json', (c) => c.json(openApiDocument(new URL(c.req.url).origin)));
  app.use('/v1/*', bearerAuth(store, options.authFailuresPerMinute ?? 20));
  app.use('/v1/*', enforcePolicy());
  app.get('/v1/me', (c) => {
    const user = c.get('user');
    return c.json({
      service: 'waymark',
      email: user.email,
      role: user.role,
      team: user.team ?? null,
    } satisfies Me);
  });
  app.get('/v1/feed', feedHandler(store));
  registerItemRoutes(app, store);
  registerGovernanceRoutes(app, store);
  registerTemplateRoutes(app, store);

  app.notFound((c) => jsonError(c, 404, 'not_found', `no route ${c.req.method} ${c.req.path}`));
  app.onError((error, c) => {
    if (error instanceof HttpError) return error.respond(c);
    logError(error);
    return jsonError(c, 500, 'internal', 'internal server error');
  });
  return app;
}
