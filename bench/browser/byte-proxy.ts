import { createConnection, createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface ByteCounts {
  /** Bytes the server sent to clients (status line, headers, body, chunk framing). */
  down: number;
  /** Bytes clients sent to the server. */
  up: number;
  /** performance.now() of the first and last byte sent to a client, if any. */
  firstDownAt: number | undefined;
  lastDownAt: number | undefined;
  /** Accept-Encoding values seen in requests. */
  acceptEncodings: Set<string>;
}

export interface ByteProxy {
  url: string;
  /** Counts since the last reset. */
  counts(): ByteCounts;
  reset(): void;
  close(): Promise<void>;
}

const fresh = (): ByteCounts => ({
  down: 0,
  up: 0,
  firstDownAt: undefined,
  lastDownAt: undefined,
  acceptEncodings: new Set(),
});

/**
 * A TCP pass-through on 127.0.0.1 in front of an HTTP server, counting the bytes on the wire in
 * each direction, so the real server runs unchanged. The proxy's own cost is a loopback hop,
 * paid equally by every client measured through it.
 */
export async function startByteProxy(targetPort: number): Promise<ByteProxy> {
  let counts = fresh();
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = createConnection({ host: '127.0.0.1', port: targetPort });
    sockets.add(client).add(upstream);
    client.on('data', (chunk: Buffer) => {
      counts.up += chunk.length;
      const accept = /\r\naccept-encoding:\s*([^\r\n]*)/i.exec(chunk.toString('latin1'));
      if (accept?.[1] !== undefined) counts.acceptEncodings.add(accept[1].trim());
    });
    upstream.on('data', (chunk: Buffer) => {
      const now = performance.now();
      counts.down += chunk.length;
      counts.firstDownAt ??= now;
      counts.lastDownAt = now;
    });
    client.pipe(upstream);
    upstream.pipe(client);
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    counts: () => ({ ...counts, acceptEncodings: new Set(counts.acceptEncodings) }),
    reset: () => {
      counts = fresh();
    },
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
