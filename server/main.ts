import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { createApp, type AppOptions } from './app';
import type { Store } from './store';

export interface RunningServer {
  url: string;
  /** Stops accepting connections, lets in-flight requests finish, then closes the database. */
  close: () => Promise<void>;
}

/** Serves the API on host:port (port 0 picks a free one) and resolves once it is listening. */
export function startServer(
  store: Store,
  options: AppOptions & { host: string; port: number },
): Promise<RunningServer> {
  const app = createApp(store, options);
  return new Promise((resolve, reject) => {
    let server: ServerType | undefined = undefined;
    const onListening = (info: AddressInfo): void => {
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({ url: `http://${host}:${info.port}`, close: () => shutdown(server, store) });
    };
    server = serve({ fetch: app.fetch, hostname: options.host, port: options.port }, onListening);
    server.once('error', reject);
  });
}

async function shutdown(server: ServerType | undefined, store: Store): Promise<void> {
  if (server !== undefined) {
    await new Promise<void>((resolve) => {
      // close() waits for in-flight requests; idle keep-alive sockets would hold it open forever.
      server.close(() => resolve());
      if ('closeIdleConnections' in server) server.closeIdleConnections();
    });
  }
  store.close();
}

/** Closes the server on the first SIGINT or SIGTERM; resolves when it is closed. */
export function closeOnSignal(
  running: RunningServer,
  onSignal: (signal: string) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const stop = (signal: NodeJS.Signals): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      onSignal(signal);
      running.close().then(resolve, reject);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
