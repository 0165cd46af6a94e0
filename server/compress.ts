import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import type { ServerEnv } from './http';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);
/** Below this, compression costs more than it saves. */
export const COMPRESS_THRESHOLD = 1024;

export type Encoding = 'br' | 'gzip';

/** The best encoding the client accepts (q > 0): Brotli, then gzip. */
export function chooseEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | undefined {
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

/** `plain` compressed for the wire (Brotli at quality 5: most of the gain for little CPU). */
export function encode(plain: Buffer, encoding: Encoding): Promise<Buffer<ArrayBuffer>> {
  return encoding === 'br'
    ? brotli(plain, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })
    : gzipAsync(plain);
}

/**
 * Compresses JSON responses with Brotli or gzip (hono/compress has no Brotli). Feed pages are at
 * most ~1 MB, so buffering one is fine. The ETag becomes weak: the bytes differ per encoding.
 */
export function compressJson(): MiddlewareHandler<ServerEnv> {
  return async (c, next) => {
    await next();
    // The feed sends bytes it encoded (and cached) itself.
    if (c.get('encoded') === true) return;
    const res = c.res;
    if (!(res.headers.get('Content-Type') ?? '').startsWith('application/json')) return;
    if (res.body === null || res.headers.has('Content-Encoding')) return;
    const vary = res.headers.get('Vary') ?? '';
    if (!/accept-encoding/i.test(vary))
      res.headers.set('Vary', vary === '' ? 'Accept-Encoding' : `${vary}, Accept-Encoding`);
    const encoding = chooseEncoding(c.req.header('Accept-Encoding'));
    const plain = Buffer.from(await res.arrayBuffer());
    if (encoding === undefined || plain.length < COMPRESS_THRESHOLD) {
      c.res = new Response(plain, res);
      c.res.headers.set('Content-Length', String(plain.length));
      return;
    }
    const packed = await encode(plain, encoding);
    // Hono copies the old response's headers onto a new c.res: adjust them after assigning.
    c.res = new Response(packed, res);
    c.res.headers.set('Content-Encoding', encoding);
    c.res.headers.set('Content-Length', String(packed.length));
    const etag = c.res.headers.get('ETag');
    if (etag !== null && !etag.startsWith('W/')) c.res.headers.set('ETag', `W/${etag}`);
  };
}
