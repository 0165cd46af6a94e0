import { afterEach, beforeEach } from 'vitest';
import { createApp, type AppOptions } from './app';
import { sqliteBackend, tokenFor, type TempStore, type TestBackend } from './test-fixtures';

/**
 * Test-only: a fresh app over a fresh database on `backend` for each test, with a learner (team
 * emea) and an admin, log lines and errors collected, and `get` to call it through
 * `app.request()`. Suites run it per backend: `describe.each(testBackends())`.
 */
export function withTestApp(backend: TestBackend = sqliteBackend, options: AppOptions = {}) {
  const t = {} as {
    env: TempStore;
    app: ReturnType<typeof createApp>;
    logs: string[];
    errors: Error[];
    learner: string;
    admin: string;
  };
  beforeEach(async () => {
    t.env = await backend.open();
    t.logs = [];
    t.errors = [];
    t.app = createApp(t.env.store, {
      log: (l) => t.logs.push(l),
      logError: (e) => t.errors.push(e),
      authFailuresPerMinute: 5,
      ...options,
    });
    t.learner = await tokenFor(t.env.store, 'learner@example.com', 'learner', 'emea');
    t.admin = await tokenFor(t.env.store, 'admin@example.com', 'admin');
  });
  afterEach(() => t.env.cleanup());
  const get = (path: string, token?: string, headers: Record<string, string> = {}) =>
    t.app.request(path, {
      headers: { ...(token === undefined ? {} : { Authorization: `Bearer ${token}` }), ...headers },
    });
  /** A JSON request (a write, usually): `body` is sent as JSON when given. */
  const send = (
    method: string,
    path: string,
    token: string | undefined,
    body?: unknown,
    headers: Record<string, string> = {},
  ) =>
    t.app.request(path, {
      method,
      headers: {
        ...(token === undefined ? {} : { Authorization: `Bearer ${token}` }),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  return { t, get, send };
}
