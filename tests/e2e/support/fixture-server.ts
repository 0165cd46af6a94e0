import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { selfSignedCertificate } from './tls';

export interface FixtureServer {
  port: number;
  /** `https://<host>:<port><path>`: the host resolves to this server through Chromium's resolver rules. */
  url(host: string, path: string): string;
  close(): Promise<void>;
}

export interface Route {
  /** Matched against the request path (without the query). */
  path: RegExp;
  /** A file under tests/e2e/pages/. */
  page: string;
}

const PAGES = join(import.meta.dirname, '..', 'pages');

/** HTTPS on 127.0.0.1 serving fixture pages for whatever host name the browser asked for. */
export async function startFixtureServer(routes: Route[]): Promise<FixtureServer> {
  const server: Server = createServer(selfSignedCertificate(), (request, response) => {
    const path = new URL(request.url ?? '/', 'https://fixture').pathname;
    const route = routes.find((r) => r.path.test(path));
    if (route === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end(`no fixture for ${path}`);
      return;
    }
    readFile(join(PAGES, route.page)).then(
      (body) =>
        response
          .writeHead(200, {
            'content-type': 'text/html; charset=utf-8',
            'cache-control': 'no-store',
          })
          .end(body),
      (error: Error) =>
        response.writeHead(500, { 'content-type': 'text/plain' }).end(error.message),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: (host, path) => `https://${host}:${port}${path}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
