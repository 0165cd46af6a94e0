import type { Item } from '@/lib/content-model';
import { searchLangOf } from './languages';
import type { SearchDoc } from './types';

/**
 * Markdown → plain text for indexing: code fences keep their code, links and images keep their
 * text, and emphasis, headings, list markers, tables and HTML tags lose their syntax. Regex-based
 * on purpose: search only needs the words, and this runs over the whole corpus on every build.
 */
export function stripMarkdown(markdown: string): string {
  return markdown
    .replace(/^(?:```|~~~).*$/gm, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<\/?[a-z][^>]*>/gi, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/!?\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/^\s{0,3}\[[^\]]+\]:\s+\S+.*$/gm, ' ')
    .replace(/^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)/gm, '')
    .replace(/^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*$/gm, ' ')
    .replace(/[|]/g, ' ')
    .replace(/(\*\*|__|\*|_|~~|`)(?=\S)([^\n]*?\S)\1/g, '$2')
    .replace(/`/g, '')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * A content-model item as the search index sees it. Lessons are found by their objectives and
 * their steps' titles and bodies; paths by their body. Targeting is copied for filter and boost.
 * Its text is analysed in its `locale`, or in English when it has none (see `itemToSearchDocIn`).
 */
export function itemToSearchDoc(item: Item): SearchDoc {
  return toDoc(item, 'en');
}

/** `itemToSearchDoc` for an organisation whose items without `locale` are in `defaultLocale`. */
export function itemToSearchDocIn(defaultLocale: string): (item: Item) => SearchDoc {
  return (item) => toDoc(item, defaultLocale);
}

function toDoc(item: Item, defaultLocale: string): SearchDoc {
  const lang = searchLangOf(item.locale ?? defaultLocale);
  const parts = [item.body];
  if (item.type === 'lesson') {
    parts.push(...item.objectives);
    for (const step of item.steps) parts.push(step.title, step.body);
  }
  return {
    id: item.id,
    title: item.title,
    summary: item.summary,
    // An author's "also searched as" words count as tags do (BM25F weight 2, the title's 5).
    tags: item.synonyms === undefined ? item.tags : [...item.tags, ...item.synonyms],
    body: stripMarkdown(parts.filter((p) => p.trim() !== '').join('\n\n')),
    type: item.type,
    ...(lang === 'en' ? {} : { lang }),
    apps: item.targeting.apps,
    screens: item.targeting.screens,
    roles: item.targeting.roles,
    teams: item.targeting.teams,
  };
}
