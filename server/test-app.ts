import { afterEach, beforeEach } from 'vitest';
import { createApp } from './app';
import { tempStore, tokenFor } from './test-fixtures';

/**
 * Test-only: a fresh app over a temp database for each test, with a learner (team emea) and an
 * admin, log lines and errors collected, and `get` to call it through `app.request()`.
 */
export function withTestApp() {
  const t = {} as {
    env: ReturnType<typeof tempStore>;
    app: ReturnType<typeof createApp>;
    logs: string[];
    errors: Error[];
    learner: string;
    admin: string;
  };
  beforeEach(() => {
    t.env = tempStore();
    t.logs = [];
    t.errors = [];
    t.app = createApp(t.env.store, {
      log: (l) => t.logs.push(l),
      logError: (e) => t.errors.push(e),
      authFailuresPerMinute: 5,
    });
    t.learner = tokenFor(t.env.store, 'learner@example.com', 'learner', 'emea');
    t.admin = tokenFor(t.env.store, 'admin@example.com', 'admin');
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
