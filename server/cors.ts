import type { MiddlewareHandler } from 'hono';

/**
 * Only the browser extension calls this API from a browser, so only extension origins get CORS
 * headers; any web page's origin gets none and the browser keeps the response from it.
 * Chrome ids are 32 letters a–p; Firefox uses a per-install UUID.
 */
const EXTENSION_ORIGIN = /^(chrome-extension:\/\/[a-p]{32}|moz-extension:\/\/[0-9a-f-]{36})$/;

export function extensionCors(): MiddlewareHandler {
  return async (c, next) => {
    const origin = c.req.header('Origin');
    const allowed = origin !== undefined && EXTENSION_ORIGIN.test(origin);
    if (c.req.method === 'OPTIONS' && c.req.header('Access-Control-Request-Method') !== undefined) {
      const headers = new Headers({ Vary: 'Origin' });
      if (allowed) {
        headers.set('Access-Control-Allow-Origin', origin);
        // Authoring writes (POST/PUT with JSON and If-Match) come from the extension too.
        headers.set('Access-Control-Allow-Methods', 'GET, POST, PUT, OPTIONS');
        headers.set(
          'Access-Control-Allow-Headers',
          'Authorization, Content-Type, If-Match, If-None-Match',
        );
        // Chrome caps this at 2 h; the 15-minute sync then pays no preflight between runs.
        headers.set('Access-Control-Max-Age', '7200');
      }
      return new Response(null, { status: 204, headers });
    }
    await next();
    c.res.headers.append('Vary', 'Origin');
    if (allowed) {
      c.res.headers.set('Access-Control-Allow-Origin', origin);
      c.res.headers.set('Access-Control-Expose-Headers', 'ETag, Retry-After');
    }
    return undefined;
  };
}
