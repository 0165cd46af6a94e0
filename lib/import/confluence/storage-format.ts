import type { Element, ElementContent, Root } from 'hast';
import type { PrepareContext } from '../source-document';
import { childElements, firstChild, h, lineOf, prop, text, textOf } from './hast-helpers';
import { macro } from './macros';

/** What the storage-format transform needs to know about the page and its space. */
export interface StorageContext extends PrepareContext {
  pageId: string;
  spaceKey: string;
  /** The site, e.g. `https://acme.atlassian.net/wiki`, for links to pages and attachments. */
  baseUrl: string | undefined;
  /** The id of a page of the export, by space key and title (what `ri:page` names). */
  pageIdByTitle: (spaceKey: string, title: string) => string | undefined;
  /** A user's name by user key (what `ri:user` names). */
  userName: (userKey: string) => string | undefined;
}

/** The key under which a Confluence page is found by title (for `ri:page` links). */
export const titleKey = (spaceKey: string, title: string): string =>
  `confluence-title:${spaceKey.toLowerCase()}:${title.trim().toLowerCase()}`;

const EMOTICONS: Record<string, string> = {
  smile: '🙂',
  sad: '🙁',
  cheeky: '😛',
  laugh: '😀',
  wink: '😉',
  'thumbs-up': '👍',
  'thumbs-down': '👎',
  information: 'ℹ️',
  tick: '✅',
  cross: '❌',
  warning: '⚠️',
  plus: '➕',
  minus: '➖',
  question: '❓',
  'light-on': '💡',
  'light-off': '💡',
  'yellow-star': '⭐',
  heart: '❤️',
};

const UNWRAPPED = new Set([
  'ac:rich-text-body',
  'ac:inline-comment-marker',
  'ac:layout',
  'ac:layout-section',
  'ac:layout-cell',
  'ac:link-body',
]);

/** Rewrites Confluence's own elements in `tree` into the plain HTML they stand for. */
export function transformStorage(tree: Root, context: StorageContext): void {
  tree.children = convertAll(tree.children as ElementContent[], context);
}

export function convertAll(nodes: ElementContent[], context: StorageContext): ElementContent[] {
  return nodes.flatMap((node) => convert(node, context));
}

function convert(node: ElementContent, context: StorageContext): ElementContent[] {
  if (node.type !== 'element') return [node];
  const name = node.tagName;
  if (name === 'ac:structured-macro' || name === 'ac:macro') return macro(node, context);
  if (name === 'ac:link') return link(node, context);
  if (name === 'ac:image') return image(node, context);
  if (name === 'ac:task-list') return [taskList(node, context)];
  if (name === 'ac:emoticon') return emoticon(node);
  if (name === 'ac:placeholder' || name === 'ac:parameter') return [];
  if (name === 'time') return [text(prop(node, 'datetime') ?? textOf(node))];
  if (UNWRAPPED.has(name)) return convertAll(node.children, context);
  if (/^(?:ac|ri):/.test(name)) {
    context.notice(lineOf(node), `unknown Confluence element <${name}>: its text was kept`);
    return convertAll(node.children, context);
  }
  node.children = convertAll(node.children, context);
  return [node];
}

function emoticon(node: Element): ElementContent[] {
  const symbol = EMOTICONS[prop(node, 'ac:name') ?? ''] ?? prop(node, 'ac:emoji-fallback');
  return symbol === undefined ? [] : [text(symbol)];
}

/** `<ac:link>`: to a page (an imported item when it was imported too), attachment, URL or user. */
function link(node: Element, context: StorageContext): ElementContent[] {
  const resource = childElements(node).find((c) => c.tagName.startsWith('ri:'));
  const plain = firstChild(node, 'ac:plain-text-link-body');
  const rich = firstChild(node, 'ac:link-body');
  const label =
    plain !== undefined
      ? [text(textOf(plain))]
      : rich !== undefined
        ? convertAll(rich.children, context)
        : [];
  const target =
    resource === undefined ? undefined : linkTarget(resource, context, prop(node, 'ac:anchor'));
  const children =
    label.length > 0 ? label : [text(target?.label ?? prop(node, 'ac:anchor') ?? '')];
  if (target?.href === undefined) return children;
  return [h('a', { href: target.href }, children)];
}

function linkTarget(
  resource: Element,
  context: StorageContext,
  anchor: string | undefined,
): { href: string | undefined; label: string } | undefined {
  const base = context.baseUrl;
  switch (resource.tagName) {
    case 'ri:page':
    case 'ri:blog-post': {
      const title = prop(resource, 'ri:content-title') ?? '';
      const space = prop(resource, 'ri:space-key') ?? context.spaceKey;
      const item = context.itemHref(titleKey(space, title));
      if (item !== undefined) return { href: item, label: title };
      const id = context.pageIdByTitle(space, title);
      const href =
        base === undefined
          ? undefined
          : id !== undefined
            ? `${base}/spaces/${space}/pages/${id}`
            : `${base}/display/${encodeURIComponent(space)}/${encodeURIComponent(title)}`;
      return {
        href: href === undefined || anchor === undefined ? href : `${href}#${anchor}`,
        label: title,
      };
    }
    case 'ri:attachment': {
      const file = prop(resource, 'ri:filename') ?? '';
      return { href: attachmentUrl(resource, file, context), label: file };
    }
    case 'ri:url':
      return { href: prop(resource, 'ri:value'), label: prop(resource, 'ri:value') ?? '' };
    case 'ri:user':
      return {
        href: undefined,
        label: `@${prop(resource, 'ri:username') ?? context.userName(prop(resource, 'ri:userkey') ?? '') ?? 'user'}`,
      };
    case 'ri:space':
      return {
        href:
          base === undefined ? undefined : `${base}/spaces/${prop(resource, 'ri:space-key') ?? ''}`,
        label: prop(resource, 'ri:space-key') ?? '',
      };
    default:
      context.notice(lineOf(resource), `unknown link resource <${resource.tagName}>: kept as text`);
      return undefined;
  }
}

/** Where Confluence serves an attachment (of this page, or of the page a nested `ri:page` names). */
export function attachmentUrl(
  resource: Element,
  file: string,
  context: StorageContext,
): string | undefined {
  if (context.baseUrl === undefined) return undefined;
  const page = firstChild(resource, 'ri:page');
  const pageId =
    page === undefined
      ? context.pageId
      : context.pageIdByTitle(
          prop(page, 'ri:space-key') ?? context.spaceKey,
          prop(page, 'ri:content-title') ?? '',
        );
  if (pageId === undefined) return undefined;
  return `${context.baseUrl}/download/attachments/${pageId}/${encodeURIComponent(file)}`;
}

/** `<ac:image>`: an attached or external picture, with its alt text. */
function image(node: Element, context: StorageContext): ElementContent[] {
  const attachment = firstChild(node, 'ri:attachment');
  const url = firstChild(node, 'ri:url');
  const file = attachment === undefined ? undefined : prop(attachment, 'ri:filename');
  const alt = prop(node, 'ac:alt') ?? prop(node, 'ac:title') ?? file ?? '';
  const src =
    attachment !== undefined
      ? attachmentUrl(attachment, file ?? '', context)
      : url === undefined
        ? undefined
        : prop(url, 'ri:value');
  if (src === undefined && attachment !== undefined)
    context.notice(
      lineOf(node),
      `image "${file ?? ''}": attachment kept as its alt text (pass --base-url to link it)`,
    );
  return [h('img', { src, alt }, [])];
}

/** `<ac:task-list>`: a GFM task list, done tasks checked. */
function taskList(node: Element, context: StorageContext): Element {
  const items = childElements(node, 'ac:task').map((task) => {
    const done = textOf(firstChild(task, 'ac:task-status') ?? text('')).trim() === 'complete';
    const body = firstChild(task, 'ac:task-body');
    const content = body === undefined ? [] : convertAll(body.children, context);
    return h('li', {}, [
      h('input', { type: 'checkbox', checked: done, disabled: true }, []),
      text(' '),
      ...content,
    ]);
  });
  return h('ul', {}, items);
}
