import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { createApp, type AppOptions } from './app';
import type { Store } from './store';

export interface RunningServer {
  url: string;
  /**
   * Drains, then closes: /readyz turns 503 at once and responses ask clients to close their
   * connections; after `drainMs` the server stops accepting connections, lets in-flight
   * requests finish, then closes the store.
   */
  close: (drainMs?: number) => Promise<void>;
}

/** Serves the API on host:port (port 0 picks a free one) and resolves once it is listening. */
export function startServer(
  store: Store,
  options: AppOptions & { host: string; port: number },
): Promise<RunningServer> {
  const lifecycle = options.lifecycle ?? { draining: false };
  const app = createApp(store, { ...options, lifecycle });
  return new Promise((resolve, reject) => {
    let server: ServerType | undefined = undefined;
    const onListening = (info: AddressInfo): void => {
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${host}:${info.port}`,
        close: (drainMs = 0) => shutdown(server, store, lifecycle, drainMs),
      });
    };
    server = serve({ fetch: app.fetch, hostname: options.host, port: options.port }, onListening);
    // Longer than a proxy's upstream keep-alive (nginx: 60 s), so the proxy, not this server,
    // closes idle connections: a close racing a request the proxy just sent would fail it.
    if ('keepAliveTimeout' in server) server.keepAliveTimeout = 65_000;
    server.once('error', reject);
  });
}

async function shutdown(
  server: ServerType | undefined,
  store: Store,
  lifecycle: { draining: boolean },
  drainMs: number,
): Promise<void> {
  lifecycle.draining = true;
  if (drainMs > 0) await new Promise((resolve) => setTimeout(resolve, drainMs));
  if (server !== undefined) {
    await new Promise<void>((resolve) => {
      // close() waits for in-flight requests; idle keep-alive sockets would hold it open forever.
      server.close(() => resolve());
      if ('closeIdleConnections' in server) server.closeIdleConnections();
    });
  }
  await store.close();
}

/** Drains and closes the server on the first SIGINT or SIGTERM; resolves when it is closed. */
export function closeOnSignal(
  running: RunningServer,
  onSignal: (signal: string) => void,
  drainMs = 0,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const stop = (signal: NodeJS.Signals): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      onSignal(signal);
      running.close(drainMs).then(resolve, reject);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
