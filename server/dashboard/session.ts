import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';
import { z } from 'zod';
import type { Store, User } from '../store';

/**
 * The dashboard's session: a cookie holding who signed in — the user's Waymark token, or the email
 * of a user the identity provider signed in — sealed with AES-256-GCM under the server's session
 * key, with its expiry. Stateless on purpose (no session table, so any instance holding the key
 * serves it); what is inside is checked against the store on every request, so revoking the token
 * or disabling the user (SCIM, the provider) ends the session at once. The cookie is HttpOnly (no
 * script reads it) and SameSite=Strict (no other site sends it), for the dashboard and shared item
 * pages (`/i/<id>`); forms also carry a CSRF token derived from the cookie, and the Origin of every
 * POST must be this server's.
 */
export const SESSION_COOKIE = 'waymark_insights';
export const SESSION_HOURS = 8;

const sealed = z.union([
  z.strictObject({ t: z.string().min(1).max(200), e: z.number().int() }),
  z.strictObject({ u: z.email().max(320), e: z.number().int() }),
]);

/** Who a session is: a Waymark token's holder, or a user the identity provider signed in. */
export type SessionSubject = { token: string } | { email: string };

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

  seal(subject: SessionSubject, expiresAt: number): string {
    const inside = 'token' in subject ? { t: subject.token } : { u: subject.email };
    return this.sealData({ ...inside, e: expiresAt });
  }

  /** Who a cookie names, or undefined when it is forged, damaged or expired. */
  open(cookie: string, now: number): SessionSubject | undefined {
    const parsed = sealed.safeParse(this.openData(cookie));
    if (!parsed.success || parsed.data.e <= now) return undefined;
    return 't' in parsed.data ? { token: parsed.data.t } : { email: parsed.data.u };
  }

  /** Any small JSON value, encrypted and authenticated under the session key (base64url). */
  sealData(value: object): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
  }

  /** What `sealData` sealed, or undefined when the text is forged or damaged (parse it!). */
  openData(text: string): unknown {
    const raw = Buffer.from(text, 'base64url');
    if (raw.length < 29 || raw.length > 2048) return undefined;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      const plain = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]);
      return JSON.parse(plain.toString('utf8')) as unknown;
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

/** The user a session cookie names, asked of the store now; undefined when there is none. */
export async function userOfSession(
  store: Pick<Store, 'now' | 'userForToken' | 'activeUser'>,
  keys: SessionKeys,
  cookie: string | undefined,
): Promise<User | undefined> {
  const subject = cookie === undefined ? undefined : keys.open(cookie, store.now().getTime());
  if (subject === undefined) return undefined;
  return 'token' in subject ? store.userForToken(subject.token) : store.activeUser(subject.email);
}
