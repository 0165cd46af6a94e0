import { Agent, request } from 'node:http';

export interface Reply {
  status: number;
  etag: string | undefined;
  encoding: string | undefined;
  body: Buffer;
  ms: number;
}

/**
 * One keep-alive pool for every simulated client: thousands of agents share a few hundred
 * connections to the load balancer, as browsers behind a corporate proxy would.
 */
export function httpClient(baseUrl: string, maxSockets = 256) {
  const agent = new Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
  const base = new URL(baseUrl);
  const call = (
    method: string,
    path: string,
    headers: Record<string, string>,
    body?: string,
  ): Promise<Reply> =>
    new Promise((resolve, reject) => {
      const started = performance.now();
      const req = request(
        { host: base.hostname, port: base.port, path, method, headers, agent },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              etag: res.headers.etag,
              encoding: res.headers['content-encoding'],
              body: Buffer.concat(chunks),
              ms: performance.now() - started,
            }),
          );
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  return { call, close: () => agent.destroy() };
}

export type HttpClient = ReturnType<typeof httpClient>;
