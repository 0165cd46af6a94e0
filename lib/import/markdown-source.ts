import { Marked } from 'marked';

/**
 * Markdown sources (Guru cards, a folder of .md files) go through the same HTML pipeline as every
 * other source: rendered to HTML by marked (GFM), then sanitised and written back as Markdown. One
 * path means one set of safety rules: raw HTML inside the Markdown is sanitised like any page.
 */
const marked = new Marked({ gfm: true, breaks: false, async: false });

export function markdownToHtml(markdown: string): string {
  return marked.parse(markdown, { async: false });
}

/** The first `# Heading` of a Markdown text and the text without it, when it opens the text. */
export function leadingHeading(markdown: string): { title: string; rest: string } | undefined {
  const match = /^\s*#[ \t]+(.+?)[ \t#]*(?:\n|$)/.exec(markdown);
  if (match === null) return undefined;
  return { title: match[1] ?? '', rest: markdown.slice(match[0].length) };
}
