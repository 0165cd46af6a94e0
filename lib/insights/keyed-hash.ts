/**
 * Keyed hashes (HMAC-SHA-256 through Web Crypto, the same in a service worker and in Node): for a
 * record id under the organisation's key (the helpdesk join) and, on the server, for a person
 * under the week's salt. Without the key a hash cannot be tested against guesses; once a salt is
 * deleted its hashes cannot be linked to anyone.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** base64url without padding. */
function base64url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a = 0, b = 0, c = 0] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | (b << 8) | c;
    const chars = [n >> 18, (n >> 12) & 63, (n >> 6) & 63, n & 63].map((x) => ALPHABET[x]);
    out += chars.slice(0, Math.min(4, bytes.length - i + 1)).join('');
  }
  return out;
}

/** 128 bits of HMAC-SHA-256(key, value), as 22 base64url characters. */
export async function keyedHash(key: string, value: string): Promise<string> {
  const encoder = new TextEncoder();
  const cryptoKey = await crypto.subtle.importKey(
    'raw',
    encoder.encode(key),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const mac = await crypto.subtle.sign('HMAC', cryptoKey, encoder.encode(value));
  return base64url(new Uint8Array(mac).slice(0, 16));
}

/**
 * What is hashed for a record: app, record type and id as detection yields them (the app
 * definition's record template), e.g. `zendesk`, `ticket`, `4711`. The server builds the same
 * string from the helpdesk's export before hashing it with the same key.
 */
export function recordKey(app: string, type: string, id: string): string {
  return `${app}\u001f${type}\u001f${id}`;
}

export function hashRecord(
  organisationKey: string,
  record: { app: string; type: string; id: string },
): Promise<string> {
  return keyedHash(organisationKey, recordKey(record.app, record.type, record.id));
}
