import type { Bundle } from '@/lib/content-model';

/**
 * cyrb53: a fast, well-mixed 53-bit string hash (public domain, bryc,
 * https://github.com/bryc/code/blob/master/jshash/experimental/cyrb53.js). Not cryptographic; it
 * only tells "same content" from "changed", where a collision costs one skipped reload.
 */
export function cyrb53(text: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Hash of a bundle's items and apps. `generated_at` and the order of the lists are left out, so
 * rebuilding the same content gives the same hash.
 */
export function contentHash(bundle: Pick<Bundle, 'items' | 'apps'>): string {
  const text = JSON.stringify({
    apps: [...bundle.apps].sort(byId),
    items: [...bundle.items].sort(byId),
  });
  return cyrb53(text);
}
