import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);
/** Below this, compression costs more than it saves. */
const THRESHOLD = 1024;

/** The best encoding the client accepts (q > 0): Brotli, then gzip. */
function choose(acceptEncoding: string | undefined): 'br' | 'gzip' | undefined {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    accepted.set(name, q === undefined ? 1 : Number(q));
  }
  if ((accepted.get('br') ?? 0) > 0) return 'br';
  if ((accepted.get('gzip') ?? 0) > 0) return 'gzip';
  return undefined;
}

/**
 * Compresses JSON responses with Brotli or gzip (hono/compress has no Brotli). Feed pages are at
 * most ~1 MB, so buffering one is fine. The ETag becomes weak: the bytes differ per encoding.
 */
export function compressJson(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const res = c.res;
    if (!(res.headers.get('Content-Type') ?? '').startsWith('application/json')) return;
    if (res.body === null || res.headers.has('Content-Encoding')) return;
    const vary = res.headers.get('Vary') ?? '';
    if (!/accept-encoding/i.test(vary))
      res.headers.set('Vary', vary === '' ? 'Accept-Encoding' : `${vary}, Accept-Encoding`);
    const encoding = choose(c.req.header('Accept-Encoding'));
    const plain = Buffer.from(await res.arrayBuffer());
    if (encoding === undefined || plain.length < THRESHOLD) {
      c.res = new Response(plain, res);
      c.res.headers.set('Content-Length', String(plain.length));
      return;
    }
    const packed =
      encoding === 'br'
        ? await brotli(plain, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })
        : await gzipAsync(plain);
    // Hono copies the old response's headers onto a new c.res: adjust them after assigning.
    c.res = new Response(packed, res);
    c.res.headers.set('Content-Encoding', encoding);
    c.res.headers.set('Content-Length', String(packed.length));
    const etag = c.res.headers.get('ETag');
    if (etag !== null && !etag.startsWith('W/')) c.res.headers.set('ETag', `W/${etag}`);
  };
}
