import type { Element, ElementContent } from 'hast';
import {
  firstChild,
  h,
  lineOf,
  parameter,
  parameterElement,
  prop,
  text,
  textOf,
} from './hast-helpers';
import { attachmentUrl, convertAll, type StorageContext } from './storage-format';

/** Admonitions: shown as a quote that starts with what kind of note it is. */
const PANELS: Record<string, string> = {
  info: 'Info',
  note: 'Note',
  warning: 'Warning',
  tip: 'Tip',
  panel: '',
  success: 'Success',
  error: 'Error',
};

/** Macros whose body is simply part of the page. */
const TRANSPARENT = new Set([
  'excerpt',
  'section',
  'column',
  'details',
  'div',
  'span',
  'excerpt-include-body',
]);

/** Macros that only make sense inside Confluence: dropped quietly. */
const DROPPED = new Set([
  'toc',
  'toc-zone',
  'anchor',
  'space-attachments',
  'profile-picture',
  'create-from-template',
]);

/** Macros that list other content when the page is viewed: dropped, and said so. */
const DYNAMIC = new Set([
  'children',
  'pagetree',
  'pagetreesearch',
  'recently-updated',
  'contentbylabel',
  'content-report-table',
  'livesearch',
  'attachments',
  'blog-posts',
  'excerpt-include',
  'include',
  'task-report',
]);

const body = (macro: Element, context: StorageContext): ElementContent[] => {
  const rich = firstChild(macro, 'ac:rich-text-body');
  return rich === undefined ? [] : convertAll(rich.children, context);
};

/** One `<ac:structured-macro>` as plain HTML, or nothing (with a notice where content is lost). */
export function macro(node: Element, context: StorageContext): ElementContent[] {
  const name = (prop(node, 'ac:name') ?? '').toLowerCase();
  const title = parameter(node, 'title');
  if (name in PANELS) {
    const label = [PANELS[name], title].filter((s) => s !== undefined && s !== '').join(': ');
    const heading = label === '' ? [] : [h('p', {}, [h('strong', {}, [text(label)])])];
    return [h('blockquote', {}, [...heading, ...body(node, context)])];
  }
  if (name === 'code' || name === 'noformat') {
    const language = parameter(node, 'language');
    const code = textOf(firstChild(node, 'ac:plain-text-body') ?? text('')).replace(/^\n|\n$/g, '');
    const className =
      language === undefined || language === '' ? [] : [`language-${language.toLowerCase()}`];
    const pre = h('pre', {}, [h('code', { className }, [text(code)])]);
    return title === undefined ? [pre] : [h('p', {}, [h('strong', {}, [text(title)])]), pre];
  }
  if (name === 'expand')
    return [h('p', {}, [h('strong', {}, [text(title ?? 'Details')])]), ...body(node, context)];
  if (name === 'status') return [h('strong', {}, [text(`[${(title ?? '').toUpperCase()}]`)])];
  if (name === 'jira') return [text(parameter(node, 'key') ?? '')];
  if (name === 'view-file' || name === 'viewpdf' || name === 'viewdoc' || name === 'viewppt')
    return fileLink(node, context);
  if (name === 'widget' || name === 'multimedia') return embedLink(node, context);
  if (TRANSPARENT.has(name)) return body(node, context);
  if (DROPPED.has(name)) return [];
  if (DYNAMIC.has(name)) {
    context.notice(
      lineOf(node),
      `macro "${name}" lists content when the page is viewed: not imported`,
    );
    return [];
  }
  const kept = body(node, context);
  context.notice(
    lineOf(node),
    `unknown macro "${name || '(no name)'}": ${kept.length > 0 ? 'its body was kept' : 'dropped'}`,
  );
  return kept;
}

function fileLink(node: Element, context: StorageContext): ElementContent[] {
  const param = parameterElement(node, 'name');
  const attachment = param === undefined ? undefined : firstChild(param, 'ri:attachment');
  const file = attachment === undefined ? undefined : prop(attachment, 'ri:filename');
  if (attachment === undefined || file === undefined) return [];
  const href = attachmentUrl(attachment, file, context);
  return [h('p', {}, [href === undefined ? text(file) : h('a', { href }, [text(file)])])];
}

/** A video or widget: an `<iframe>` of its URL, which the converter turns into a link. */
function embedLink(node: Element, context: StorageContext): ElementContent[] {
  const param = parameterElement(node, 'url');
  const url = param === undefined ? undefined : firstChild(param, 'ri:url');
  const src = url === undefined ? undefined : prop(url, 'ri:value');
  if (src === undefined) {
    context.notice(lineOf(node), `macro "${prop(node, 'ac:name') ?? ''}" without a URL: dropped`);
    return [];
  }
  return [h('iframe', { src, title: parameter(node, 'title') }, [])];
}
