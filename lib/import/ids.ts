import type { ImportSystem } from '@/lib/content-model';

const MAX_ID = 80;

/** Lower-case ASCII words joined by single hyphens; accents folded, anything else dropped. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** FNV-1a, 32 bits, as 8 hex digits: a short, stable fingerprint of a source id. */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** The part of an id that comes from the source id: the id itself when short, else its hash. */
function sourceSuffix(sourceId: string): string {
  const slug = slugify(sourceId);
  return slug !== '' && slug.length <= 14 && slug === sourceId.toLowerCase()
    ? slug
    : shortHash(sourceId);
}

/**
 * The Waymark id of a newly imported item: the title's words (readable in a file list and a URL)
 * plus a suffix from the source id (so two articles with one title never collide, and the same
 * source article always gets the same id). A re-import finds items by provenance first, so an
 * article renamed at the source keeps the id it was first given.
 */
export function importedId(system: ImportSystem, sourceId: string, title: string): string {
  const suffix = sourceSuffix(sourceId);
  const room = MAX_ID - suffix.length - 1;
  let stem = slugify(title);
  if (stem.length > room)
    stem = stem.slice(0, stem.lastIndexOf('-', room) > 0 ? stem.lastIndexOf('-', room) : room);
  stem = stem.replace(/-+$/, '');
  return `${stem === '' ? system : stem}-${suffix}`;
}
