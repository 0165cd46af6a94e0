import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { contentSettingsSchema, type Me } from '@/lib/content-model';
import { bearerAuth } from './auth';
import { compressJson } from './compress';
import { createDashboard } from './dashboard/app';
import { createItemPages } from './dashboard/item-page';
import { SessionKeys } from './dashboard/session';
import { extensionCors } from './cors';
import { feedHandler } from './feed-route';
import { registerGovernanceRoutes } from './governance-routes';
import { registerEventRoutes } from './insights/events-route';
import { HELPDESK_PATH, registerInsightRoutes } from './insights/routes';
import { registerAnnouncementRoutes } from './announcement-routes';
import { registerItemRoutes } from './item-routes';
import { HttpError, jsonError, type ServerEnv } from './http';
import type { IdentityConfig } from './identity/config';
import { SignInService } from './identity/sign-in';
import { ProviderUnavailableError } from './identity/verify';
import { openApiDocument } from './openapi';
import { enforcePolicy } from './policy';
import { requestLog, type LogSink } from './request-log';
import { registerScimRoutes } from './scim/routes';
import { PageCache } from './page-cache';
import { StoreBusyError, VersionConflictError, type Store } from './store';
import { registerTemplateRoutes } from './template-routes';

export interface AppOptions {
  /** Where request log lines go (default: stdout); false: no request log at all. */
  log?: LogSink | false;
  /** Where unexpected errors are reported with their stack (default: stderr). */
  logError?: (error: Error) => void;
  /** Request bodies above this many bytes are refused with 413 (default 1 MB). */
  maxBodyBytes?: number;
  /** Failed sign-ins per minute from one address before 429 (default 20). */
  authFailuresPerMinute?: number;
  /**
   * The organisation key the extension hashes record ids with (policy `impactRecordKey`), for
   * helpdesk imports; without it the import route says how to set it.
   */
  impactKey?: string | undefined;
  /** `POST /v1/events` requests per minute from one user before 429 (default 120). */
  eventRequestsPerMinute?: number;
  /** Bytes of encoded feed pages kept in memory (default 64 MB). */
  pageCacheBytes?: number;
  /**
   * The dashboard's session key (≥ 32 characters; default WAYMARK_SESSION_KEY): instances sharing
   * it share sessions. Without one, a random key per process (sessions end on restart).
   */
  sessionKey?: string | undefined;
  /** Set `draining` when the process is stopping: /readyz answers 503 so balancers move on. */
  lifecycle?: { draining: boolean };
  /**
   * The organisation's default content language (BCP 47; default WAYMARK_DEFAULT_LOCALE, else
   * "en"): the language of items without `locale`, sent to the extension.
   */
  defaultLocale?: string | undefined;
  /** Sign-in through an identity provider and SCIM provisioning (server/identity/config.ts). */
  identity?: IdentityConfig;
}

const stdoutSink: LogSink = (line) => process.stdout.write(`${line}\n`);

/** The content server's HTTP API. `server/main.ts` serves it; tests call `app.request()`. */
export function createApp(store: Store, options: AppOptions = {}): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();
  const logError = options.logError ?? ((error: Error) => console.error(error.stack ?? error));
  if (options.log !== false) app.use(requestLog(options.log ?? stdoutSink));
  const lifecycle = options.lifecycle;
  if (lifecycle !== undefined)
    app.use(async (c, next) => {
      await next();
      // While draining, every response tells the client (or the balancer) not to reuse it.
      if (lifecycle.draining) c.res.headers.set('Connection', 'close');
    });
  app.use(extensionCors());
  app.use(compressJson());
  const limit = bodyLimit({
    maxSize: options.maxBodyBytes ?? 1024 * 1024,
    onError: (c) => {
      // The unread rest of the body makes the connection unusable: tell the client not to reuse it.
      c.header('Connection', 'close');
      return jsonError(c, 413, 'payload_too_large', 'the request body is too large');
    },
  });
  // A helpdesk export is larger than anything else: its route sets its own limit.
  app.use((c, next) => (c.req.path === HELPDESK_PATH ? next() : limit(c, next)));

  // Liveness: the process answers. Readiness: it can serve (database, schema, not stopping).
  app.get('/healthz', (c) => c.json({ ok: true }));
  app.get('/readyz', async (c) => {
    const { ok, database, schema } = await store.readiness();
    const draining = options.lifecycle?.draining ?? false;
    const body = { ok: ok && !draining, backend: store.backend, database, schema, draining };
    return c.json(body, body.ok ? 200 : 503);
  });
  app.get('/v1/openapi.json', (c) => c.json(openApiDocument(new URL(c.req.url).origin)));
  // The web dashboard signs people in with its own session cookie (server/dashboard); it reuses
  // the permission matrix below for who may see and do what.
  const { identity } = options;
  const signIn =
    identity?.oidc === undefined ? undefined : new SignInService(store, identity.oidc, identity);
  const keys = new SessionKeys(options.sessionKey ?? process.env.WAYMARK_SESSION_KEY);
  // With an identity provider, people also sign in to the dashboard through it.
  const dashboard = createDashboard(store, keys, signIn);
  app.all('/insights', (c) => dashboard.fetch(c.req.raw, c.env));
  app.all('/insights/*', (c) => dashboard.fetch(c.req.raw, c.env));
  // A shared link (`/i/<id>`): the extension opens it in its panel, the dashboard's session reads it.
  const itemPages = createItemPages(store, keys);
  app.all('/i/*', (c) => itemPages.fetch(c.req.raw, c.env));
  // Before the auth middleware: the extension reads it to sign in.
  app.get('/v1/auth/config', async (c) =>
    signIn === undefined
      ? jsonError(c, 404, 'not_found', 'this server has no identity provider configured')
      : c.json(await signIn.authConfig()),
  );
  if (identity !== undefined) registerScimRoutes(app, store, identity);
  app.use('/v1/*', bearerAuth(store, options.authFailuresPerMinute ?? 20, signIn));
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
  const contentSettings = contentSettingsOf(
    options.defaultLocale ?? process.env.WAYMARK_DEFAULT_LOCALE ?? 'en',
  );
  app.get('/v1/content-settings', (c) => c.json(contentSettings));
  app.get('/v1/feed', feedHandler(store, new PageCache(options.pageCacheBytes)));
  registerItemRoutes(app, store);
  registerAnnouncementRoutes(app, store);
  registerGovernanceRoutes(app, store);
  registerTemplateRoutes(app, store);
  registerEventRoutes(app, store, {
    eventRequestsPerMinute: options.eventRequestsPerMinute ?? 120,
  });
  registerInsightRoutes(app, store, { impactKey: options.impactKey });

  app.notFound((c) => jsonError(c, 404, 'not_found', `no route ${c.req.method} ${c.req.path}`));
  app.onError((error, c) => {
    if (error instanceof HttpError) return error.respond(c);
    if (error instanceof VersionConflictError)
      return c.json({ error: 'conflict', message: error.message, current_version: null }, 409);
    if (error instanceof ProviderUnavailableError) {
      logError(error);
      return jsonError(c, 503, 'unavailable', `the identity provider: ${error.message}`);
    }
    if (error instanceof StoreBusyError) {
      c.header('Retry-After', String(error.retryAfterSeconds));
      return jsonError(c, 503, 'unavailable', error.message);
    }
    logError(error);
    return jsonError(c, 500, 'internal', 'internal server error');
  });
  return app;
}

/** The settings `GET /v1/content-settings` sends; a bad default language stops the start-up. */
function contentSettingsOf(defaultLocale: string) {
  const parsed = contentSettingsSchema.safeParse({ default_locale: defaultLocale });
  if (!parsed.success)
    throw new Error(`WAYMARK_DEFAULT_LOCALE: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data;
}
