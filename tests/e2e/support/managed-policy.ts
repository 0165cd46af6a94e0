import { createHash } from 'node:crypto';
import { mkdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR } from './extension';

/**
 * A real Chromium managed policy for the unpacked extension (what an organisation's admin
 * deploys): Debian's Chromium reads /etc/chromium/policies/managed/*.json at start-up and hands
 * the extension's part to chrome.storage.managed. The file names this worktree's extension id
 * only, so other checkouts' browsers are not affected; the caller removes it afterwards.
 */
const POLICY_DIR = process.env.WAYMARK_CHROMIUM_POLICY_DIR ?? '/etc/chromium/policies/managed';

/** An unpacked extension's id: SHA-256 of its absolute path, first 32 hex digits mapped to a–p. */
export function unpackedExtensionId(dir = EXTENSION_DIR): string {
  const hex = createHash('sha256').update(realpathSync(dir)).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

export function writeExtensionPolicy(policy: Record<string, unknown>, name: string): () => void {
  const id = unpackedExtensionId();
  mkdirSync(POLICY_DIR, { recursive: true });
  const file = join(POLICY_DIR, `${name}-${id}.json`);
  writeFileSync(file, JSON.stringify({ '3rdparty': { extensions: { [id]: policy } } }));
  return () => rmSync(file, { force: true });
}
