/**
 * Marked snippets: text in an article meant to go into a reply as it is, written as a fenced
 * block with the language `reply`:
 *
 *     ```reply
 *     Hi {name}, your refund is on its way…
 *     ```
 *
 * The side panel shows each one with "Copy" and "Insert into reply"; elsewhere (search, the
 * page's Markdown subset) it is an ordinary code block, so content stays plain Markdown.
 */
export type BodyPart = { kind: 'markdown'; text: string } | { kind: 'snippet'; text: string };

const FENCE = /^(```|~~~)[ \t]*reply[ \t]*\n([\s\S]*?)\n\1[ \t]*$/gm;

/** Splits a Markdown body into Markdown runs and reply snippets, in order. */
export function splitSnippets(markdown: string): BodyPart[] {
  const parts: BodyPart[] = [];
  let last = 0;
  for (const match of markdown.matchAll(FENCE)) {
    const before = markdown.slice(last, match.index);
    if (before.trim() !== '') parts.push({ kind: 'markdown', text: before });
    parts.push({ kind: 'snippet', text: match[2] ?? '' });
    last = match.index + match[0].length;
  }
  const rest = markdown.slice(last);
  if (rest.trim() !== '' || parts.length === 0) parts.push({ kind: 'markdown', text: rest });
  return parts;
}
