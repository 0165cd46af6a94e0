/**
 * Confluence storage format is XHTML with `ac:`/`ri:` elements, CDATA sections (code bodies) and
 * self-closing tags, which an HTML parser reads differently from XML (`<ri:page/>` would swallow
 * its siblings). This rewrites just those, keeping every line where it was, so the HTML parser
 * builds the tree the page's author meant and line numbers in notices still point at the source.
 */
export function storageToHtml(storage: string): string {
  return storage
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_, inner: string) =>
      inner.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
    )
    .replace(/<((?:ac|ri):[a-z-]+|time)(\s[^<>]*?)?\s*\/>/gi, '<$1$2></$1>');
}
