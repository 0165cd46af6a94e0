import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startByteProxy, type ByteProxy } from './byte-proxy';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of cleanup.splice(0)) await close();
});

async function proxiedServer(body: string): Promise<ByteProxy> {
  const server = createServer((_req, res) => res.writeHead(200).end(body));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanup.push(
    () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  const proxy = await startByteProxy((server.address() as AddressInfo).port);
  cleanup.unshift(() => proxy.close());
  return proxy;
}

describe('byte proxy', () => {
  it('passes requests through and counts the bytes of both directions', async () => {
    const proxy = await proxiedServer('x'.repeat(5000));
    const res = await fetch(`${proxy.url}/feed`, { headers: { 'Accept-Encoding': 'gzip, br' } });
    expect(await res.text()).toHaveLength(5000);
    const counts = proxy.counts();
    expect(counts.down).toBeGreaterThan(5000);
    expect(counts.down).toBeLessThan(5400);
    expect(counts.up).toBeGreaterThan(20);
    expect(counts.acceptEncodings).toEqual(new Set(['gzip, br']));
    expect(counts.lastDownAt).toBeGreaterThanOrEqual(counts.firstDownAt!);
    proxy.reset();
    expect(proxy.counts().down).toBe(0);
  });
});
