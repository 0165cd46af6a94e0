import { useMemo } from 'react';
import { renderMarkdown } from '@/lib/markdown/render-html';

/**
 * An item's Markdown, rendered and sanitised (marked + DOMPurify allow-list) before it reaches the
 * DOM. The extension page's CSP (`script-src 'self'`) is the second line: inline handlers never run.
 */
export function MarkdownBody({ source }: { source: string }) {
  const html = useMemo(() => renderMarkdown(source, window), [source]);
  return <div className="markdown" dir="auto" dangerouslySetInnerHTML={{ __html: html }} />;
}
