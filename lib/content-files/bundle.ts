import { BUNDLE_FORMAT, BUNDLE_VERSION, itemTypes, type Bundle } from '@/lib/content-model';
import type { LoadedContent } from './load';

const typeOrder = new Map<string, number>(itemTypes.map((def, i) => [def.type, i]));

/** The bundle the extension and server load: apps by id, items in registry order then by id. */
export function buildBundle(content: LoadedContent, now = new Date()): Bundle {
  if (content.problems.length > 0)
    throw new Error(
      `cannot build a bundle from content with ${content.problems.length} problem(s)`,
    );
  return {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    generated_at: now.toISOString(),
    apps: content.apps.map((a) => a.value).sort((a, b) => a.id.localeCompare(b.id)),
    items: content.items
      .map((i) => i.value)
      .sort(
        (a, b) =>
          (typeOrder.get(a.type) ?? 0) - (typeOrder.get(b.type) ?? 0) || a.id.localeCompare(b.id),
      ),
  };
}
