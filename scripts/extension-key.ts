import { createHash } from 'node:crypto';

/**
 * The public key of unpacked Chromium builds (`npm start`, policy-installed builds): it fixes the
 * extension id, so the sign-in redirect URI registered at the identity provider
 * (`https://<id>.chromiumapp.org/`) and managed-policy paths stay the same on every machine and
 * every reinstall (docs/sign-in.md). Only the public half exists: loading an unpacked build needs
 * nothing else. A Chrome Web Store upload gets the store's id instead: build it with
 * WAYMARK_STORE_BUILD=1, which leaves the key out (wxt.config.ts).
 */
export const CHROME_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAjvu0m+iHzQ19BLcXv9/Nclfxa+6pu+Fih3Xjrw+G+e0hdm3ChbD87gEY17JJSvVOgXdJcWZVjq339dfQv+ss1H1AKNG35kYybrNT3wRwsN3FEaf8kYOtQ9WWG1u2j6xYFzpF1NSEoJtl1WZ4a2kN/r0SF50YsLJ27S9exYlxLOjr2E11oVj4Qkd/3z6lN3yzXbJc9eMafKXeiA0quuV1WdPPf+TUidgc93K3kabysUABSTpzusrSHKaV5GL3CKh6X1wvYwIX8zx/5NLtg3Gf2QVlpLLBs5G2q4kEpHE8GhCQXvuFCnwuEH+6JrK2z6cadpofHqtUBMx4pRsfiriI/wIDAQAB';

/** The id Chromium gives an unpacked build carrying CHROME_KEY. */
export const CHROME_EXTENSION_ID = 'klbhmoplfpgabngjknnlebcdklhhlnbl';

/** Chromium's rule: the first 32 hex digits of SHA-256 over the DER key, written with a–p. */
export function extensionIdOf(base64Key: string): string {
  const hex = createHash('sha256').update(Buffer.from(base64Key, 'base64')).digest('hex');
  return [...hex.slice(0, 32)].map((d) => String.fromCharCode(97 + parseInt(d, 16))).join('');
}
