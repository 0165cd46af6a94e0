import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';
import { z } from 'zod';

/**
 * The dashboard's session: a cookie holding the user's token sealed with AES-256-GCM under the
 * server's session key, with its expiry. Stateless on purpose (no session table, so any instance
 * holding the key serves it); the token inside is checked against the store on every request,
 * so revoking the user ends the session at once. The cookie is HttpOnly (no script reads it),
 * SameSite=Strict (no other site sends it) and limited to /insights; forms also carry a CSRF
 * token derived from the cookie, and the Origin of every POST must be this server's.
 */
export const SESSION_COOKIE = 'waymark_insights';
export const SESSION_HOURS = 8;

const sealed = z.strictObject({ t: z.string().min(1).max(200), e: z.number().int() });

export class SessionKeys {
  private readonly key: Buffer;

  /** `secret`: any string of ≥ 32 characters (WAYMARK_SESSION_KEY); absent: random per process. */
  constructor(secret?: string) {
    if (secret !== undefined && secret.length < 32)
      throw new Error('WAYMARK_SESSION_KEY: use at least 32 characters');
    this.key =
      secret === undefined
        ? randomBytes(32)
        : createHmac('sha256', 'waymark-session').update(secret).digest();
  }

  seal(token: string, expiresAt: number): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([
      cipher.update(JSON.stringify({ t: token, e: expiresAt }), 'utf8'),
      cipher.final(),
    ]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
  }

  /** The token inside a cookie, or undefined when it is forged, damaged or expired. */
  open(cookie: string, now: number): string | undefined {
    const raw = Buffer.from(cookie, 'base64url');
    if (raw.length < 29 || raw.length > 1024) return undefined;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      const text = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]);
      const parsed = sealed.safeParse(JSON.parse(text.toString('utf8')));
      return parsed.success && parsed.data.e > now ? parsed.data.t : undefined;
    } catch {
      return undefined;
    }
  }

  /** The CSRF token for forms of the session in `cookie`. */
  csrf(cookie: string): string {
    return createHmac('sha256', this.key).update(`csrf:${cookie}`).digest('base64url');
  }

  csrfMatches(cookie: string, sent: string | undefined): boolean {
    if (sent === undefined) return false;
    const want = Buffer.from(this.csrf(cookie));
    const got = Buffer.from(sent);
    return want.length === got.length && timingSafeEqual(want, got);
  }
}
