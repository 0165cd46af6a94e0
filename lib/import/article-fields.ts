import type { Article } from '@/lib/content-model';

/** The article template a source article most likely is, from its title and labels. */
export function inferTemplate(title: string, tags: readonly string[]): Article['template'] {
  const words = `${title} ${tags.join(' ')}`.toLowerCase();
  if (/\bfaqs?\b|frequently asked|\bquestions\b/.test(words)) return 'faq';
  if (/\bpolic(?:y|ies)\b|\bterms\b|\bcompliance\b|\bgdpr\b/.test(words)) return 'policy';
  if (
    /troubleshoot|not working|\berrors?\b|\bcan'?t\b|\bcannot\b|\bfail|\bfix\b|\bproblems?\b/.test(
      words,
    )
  )
    return 'troubleshooting';
  return 'how-to';
}

const MAX_TAGS = 30;
const MAX_TAG = 40;

/** Source labels as Waymark tags: trimmed, at most 40 characters, no repeats, at most 30. */
export function importedTags(labels: readonly string[]): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const label of labels) {
    const tag = label.replace(/\s+/g, ' ').trim().slice(0, MAX_TAG).trim();
    if (tag === '' || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    tags.push(tag);
    if (tags.length === MAX_TAGS) break;
  }
  return tags;
}

/** A source title as a Waymark title (3 to 160 characters). */
export function importedTitle(title: string, sourceId: string): string {
  const clean = title.replace(/\s+/g, ' ').trim();
  if (clean.length === 0) return `Untitled (${sourceId})`.slice(0, 160);
  if (clean.length < 3) return `${clean} (imported)`;
  return clean.length <= 160 ? clean : `${clean.slice(0, 159).trimEnd()}…`;
}

/** A URL as Markdown can carry it: characters that would need escaping are percent-encoded. */
export function markdownSafeUrl(url: string): string {
  return url.replace(/[\s<>"`{}|\\^]/g, (c) => encodeURIComponent(c));
}

/** Resolves `url` against `base` (an http(s) URL); undefined when either does not parse. */
export function absoluteUrl(url: string, base: string | undefined): string | undefined {
  try {
    const resolved = new URL(url, base);
    return /^(?:https?|mailto):$/.test(resolved.protocol) ? resolved.href : undefined;
  } catch {
    return undefined;
  }
}
