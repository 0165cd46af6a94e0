import type { Element, ElementContent, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import { isSafeLink } from '@/lib/markdown/link-safety';
import { markdownSafeUrl } from './article-fields';
import type { RewriteUrl } from './html-to-markdown';

const EMBEDS = new Set(['iframe', 'embed', 'object', 'video', 'audio', 'frame']);

const text = (value: string): ElementContent => ({ type: 'text', value });

function attr(node: Element, name: string): string | undefined {
  const value = node.properties[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** An embed's address: its src (or an object's data, or a media element's first source). */
function embedSource(node: Element): string | undefined {
  const own = attr(node, 'src') ?? attr(node, 'data');
  if (own !== undefined) return own;
  for (const child of node.children)
    if (child.type === 'element' && child.tagName === 'source') return attr(child, 'src');
  return undefined;
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}

/**
 * Iframes and other embeds (a video, a form, a slide deck) cannot live in Markdown: each becomes a
 * link to what it showed, named by its title. An embed of anything but http(s) is dropped.
 */
export function embedsToLinks(tree: Root): void {
  visit(tree, 'element', (node, index, parent) => {
    if (!EMBEDS.has(node.tagName) || parent === undefined || index === undefined) return;
    const raw = embedSource(node);
    const src = raw?.startsWith('//') ? `https:${raw}` : raw;
    if (src === undefined || !isSafeLink(src) || /^mailto:/i.test(src)) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    const kind =
      node.tagName === 'video' ? 'Video' : node.tagName === 'audio' ? 'Audio' : 'Embedded content';
    const host = hostOf(src);
    const label = attr(node, 'title') ?? (host === undefined ? kind : `${kind} (${host})`);
    const link: Element = {
      type: 'element',
      tagName: 'a',
      properties: { href: src },
      children: [text(label)],
    };
    parent.children.splice(index, 1, link);
    return [SKIP, index + 1];
  });
}

/** A `<details>` summary reads as a bold line in Markdown (there is nothing to fold). */
export function summariesToBold(tree: Root): void {
  visit(tree, 'element', (node) => {
    if (node.tagName !== 'summary') return;
    node.tagName = 'p';
    node.children = [
      { type: 'element', tagName: 'strong', properties: {}, children: node.children },
    ];
  });
}

/**
 * Hands every link and image URL to `rewrite` (an undefined answer removes the URL), then
 * percent-encodes what Markdown would have to escape in a link destination (`<`, `>`, spaces…):
 * the address is the same, and the Markdown around it stays plain.
 */
export function resolveUrls(tree: Root, rewrite: RewriteUrl = (url) => url): void {
  visit(tree, 'element', (node) => {
    const [name, kind] =
      node.tagName === 'a'
        ? (['href', 'link'] as const)
        : node.tagName === 'img'
          ? (['src', 'image'] as const)
          : [];
    if (name === undefined) return;
    const url = attr(node, name);
    if (url === undefined) return;
    const next = rewrite(url, kind);
    if (next === undefined) delete node.properties[name];
    else node.properties[name] = markdownSafeUrl(next);
  });
}

const hasContent = (node: Element): boolean =>
  node.children.some(
    (c) =>
      (c.type === 'text' && c.value.trim() !== '') ||
      (c.type === 'element' && (c.tagName === 'img' || hasContent(c))),
  );

/**
 * After sanitising: a link that lost its address (it was `javascript:`, or pointed nowhere) keeps
 * its text as plain text; a link with no text goes; an image that lost its source keeps its alt
 * text, since that is what a reader would have been told.
 */
export function unwrapDeadLinks(tree: Root): void {
  visit(tree, 'element', (node, index, parent) => {
    if (parent === undefined || index === undefined) return;
    if (node.tagName === 'a' && (attr(node, 'href') === undefined || !hasContent(node))) {
      const kept = attr(node, 'href') === undefined ? node.children : [];
      parent.children.splice(index, 1, ...kept);
      return [SKIP, index];
    }
    if (node.tagName === 'img' && attr(node, 'src') === undefined) {
      const alt = attr(node, 'alt');
      parent.children.splice(index, 1, ...(alt === undefined ? [] : [text(`[Image: ${alt}]`)]));
      return [SKIP, index];
    }
    return undefined;
  });
}
