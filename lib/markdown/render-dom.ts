import { isSafeLink } from './link-safety';

/**
 * A small Markdown subset built straight into DOM nodes, for the in-page tip card: paragraphs,
 * bullet and numbered lists, **bold**, *emphasis*, `code` and [links](https://…). No HTML is ever
 * parsed — every character of content becomes a text node — so there is nothing to sanitise, and the
 * content script stays a few hundred bytes instead of carrying a Markdown parser and sanitiser.
 * Links are kept only for http(s) and mailto, and open in a new tab without referrer or opener.
 */
// `*em*`'s inner part is lazy (`??`) so that `*Save* or *Cancel*` is two emphases, not one.
const INLINE =
  /\*\*(?<strong>.+?)\*\*|(?<!\w)__(?<strong2>.+?)__(?!\w)|\*(?<em>[^*\s](?:.*?[^*\s])??)\*|(?<!\w)_(?<em2>.+?)_(?!\w)|`(?<code>[^`]+)`|\[(?<text>[^\]]+)\]\(\s*<?(?<href>(?:[^()\s<>]|\([^()\s]*\))+)>?\s*\)/g;

/** Only absolute http(s) and mailto links survive in the page: relative ones would point at the host app. */
function isWebLink(href: string): boolean {
  return isSafeLink(href) && /^(?:https?:|mailto:)/i.test(href);
}

function appendInline(parent: Node, text: string, doc: Document): void {
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    // Possibly empty, which shows nothing.
    parent.appendChild(doc.createTextNode(text.slice(last, m.index)));
    last = m.index + m[0].length;
    const g = m.groups ?? {};
    const strong = g.strong ?? g.strong2;
    const em = g.em ?? g.em2;
    if (strong !== undefined)
      appendInline(parent.appendChild(doc.createElement('strong')), strong, doc);
    else if (em !== undefined) appendInline(parent.appendChild(doc.createElement('em')), em, doc);
    else if (g.code !== undefined)
      parent.appendChild(doc.createElement('code')).textContent = g.code;
    else if (g.text !== undefined && g.href !== undefined && isWebLink(g.href)) {
      const a = doc.createElement('a');
      a.href = g.href;
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
      appendInline(a, g.text, doc);
      parent.appendChild(a);
    } else parent.appendChild(doc.createTextNode(g.text ?? m[0]));
  }
  parent.appendChild(doc.createTextNode(text.slice(last)));
}

const LIST_ITEM = /^\s*(?:[-*+]|(\d+)[.)])\s+(.*)/;

/** Renders `source` into a fragment of `doc`'s nodes. */
export function renderMarkdownToDom(source: string, doc: Document): DocumentFragment {
  const fragment = doc.createDocumentFragment();
  for (const block of source.replace(/\r\n?/g, '\n').split(/\n{2,}/)) {
    const lines = block.split('\n').filter((line) => line.trim() !== '');
    if (lines.length === 0) continue;
    const listMatch = lines.every((line) => LIST_ITEM.test(line));
    if (listMatch) {
      const ordered = LIST_ITEM.exec(lines[0] ?? '')?.[1] !== undefined;
      const list = fragment.appendChild(doc.createElement(ordered ? 'ol' : 'ul'));
      for (const line of lines)
        appendInline(
          list.appendChild(doc.createElement('li')),
          LIST_ITEM.exec(line)?.[2] ?? '',
          doc,
        );
      continue;
    }
    const heading = /^#{1,6}\s+(.*)/.exec(lines[0] ?? '');
    const p = fragment.appendChild(doc.createElement('p'));
    if (heading !== null && lines.length === 1) {
      appendInline(p.appendChild(doc.createElement('strong')), heading[1] ?? '', doc);
      continue;
    }
    lines.forEach((line, i) => {
      if (i > 0) p.appendChild(doc.createElement('br'));
      appendInline(p, line.trim(), doc);
    });
  }
  return fragment;
}
