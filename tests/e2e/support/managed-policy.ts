import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extensionIdOf } from '@/scripts/extension-key';
import { EXTENSION_DIR } from './extension';

/**
 * A real Chromium managed policy for the unpacked extension (what an organisation's admin
 * deploys): Debian's Chromium reads /etc/chromium/policies/managed/*.json at start-up and hands
 * the extension's part to chrome.storage.managed. The file names the build's extension id (the
 * pinned one, scripts/extension-key.ts: every checkout's build shares it, so two checkouts running
 * this at the same moment would see each other's policy) and this checkout's path, so one run
 * never removes another's file; the caller removes it afterwards.
 */
const POLICY_DIR = process.env.WAYMARK_CHROMIUM_POLICY_DIR ?? '/etc/chromium/policies/managed';

/**
 * An unpacked extension's id: from the manifest's `key` when it has one, else Chromium's rule for
 * a path (SHA-256 of the absolute path, first 32 hex digits mapped to a–p).
 */
export function unpackedExtensionId(dir = EXTENSION_DIR): string {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { key?: string };
  if (manifest.key !== undefined) return extensionIdOf(manifest.key);
  const hex = createHash('sha256').update(realpathSync(dir)).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

export function writeExtensionPolicy(policy: Record<string, unknown>, name: string): () => void {
  const id = unpackedExtensionId();
  mkdirSync(POLICY_DIR, { recursive: true });
  const checkout = createHash('sha256').update(realpathSync(EXTENSION_DIR)).digest('hex');
  const file = join(POLICY_DIR, `${name}-${id}-${checkout.slice(0, 12)}.json`);
  writeFileSync(file, JSON.stringify({ '3rdparty': { extensions: { [id]: policy } } }));
  return () => rmSync(file, { force: true });
}
