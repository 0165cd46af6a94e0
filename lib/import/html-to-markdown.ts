import type { Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import rehypeSanitize from 'rehype-sanitize';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { embedsToLinks, resolveUrls, summariesToBold, unwrapDeadLinks } from './hast-transforms';
import { dropEmptyParagraphs, firstParagraphText } from './mdast-summary';
import { importSanitizeSchema } from './sanitize-schema';

/** What a link or image URL becomes; undefined drops a link (keeps its text) or an image. */
export type RewriteUrl = (url: string, kind: 'link' | 'image') => string | undefined;

export interface ConvertOptions {
  /** Rewrites each link and image URL that survived sanitising (links to other imported items). */
  rewriteUrl?: RewriteUrl;
  /** Runs on the raw tree before sanitising: a source's own elements (Confluence macros). */
  prepare?: (tree: HastRoot) => void;
}

export interface ConvertResult {
  markdown: string;
  /** The first paragraph's text, for the item's summary. */
  firstParagraph: string;
}

/** Per-call state handed to the transforms through the vfile (one frozen processor serves all). */
interface CallData {
  options: ConvertOptions;
  firstParagraph: string;
}

const callData = (file: { data: unknown }): CallData =>
  (file.data as { waymark: CallData }).waymark;

/**
 * HTML → Markdown on unified: rehype-parse → (source macros, embeds as links) → rehype-sanitize →
 * (URL rewriting) → rehype-remark → remark-gfm → remark-stringify. Sanitising comes before any
 * Markdown exists, so `javascript:` links, handlers and scripts never reach it; what is left is
 * text, which remark-stringify escapes (literal `<b>` or `[x](y)` stays literal). See ADR 0010.
 */
function createProcessor(fragment: boolean) {
  return unified()
    .use(rehypeParse, { fragment })
    .use(() => (tree: HastRoot, file) => {
      const { options } = callData(file);
      options.prepare?.(tree);
      embedsToLinks(tree);
      summariesToBold(tree);
    })
    .use(rehypeSanitize, importSanitizeSchema)
    .use(() => (tree: HastRoot, file) => {
      resolveUrls(tree, callData(file).options.rewriteUrl);
      unwrapDeadLinks(tree);
    })
    .use(rehypeRemark)
    .use(remarkGfm)
    .use(() => (tree: MdastRoot, file) => {
      dropEmptyParagraphs(tree);
      callData(file).firstParagraph = firstParagraphText(tree);
    })
    .use(remarkStringify, {
      bullet: '-',
      emphasis: '_',
      strong: '*',
      fences: true,
      rule: '-',
      listItemIndent: 'one',
      resourceLink: true,
    })
    .freeze();
}

const processors = { fragment: createProcessor(true), document: createProcessor(false) };

/** Parses HTML into the tree `htmlToMarkdown` accepts (to read a title from it first). */
export function parseHtml(html: string, document = false): HastRoot {
  return (document ? processors.document : processors.fragment).parse(html);
}

/**
 * Converts `html` (a fragment, e.g. an article body, or a whole document with `document: true`)
 * to Markdown that the extension renders and `content check` accepts.
 */
export function htmlToMarkdown(
  html: string | HastRoot,
  options: ConvertOptions & { document?: boolean } = {},
): ConvertResult {
  const processor = options.document === true ? processors.document : processors.fragment;
  const data: CallData = { options, firstParagraph: '' };
  const file = { data: { waymark: data } };
  const tree = typeof html === 'string' ? processor.parse(html) : html;
  const mdast = processor.runSync(tree, file);
  const markdown = processor.stringify(mdast, file);
  const text = markdown.trim();
  return { markdown: text === '' ? '' : `${text}\n`, firstParagraph: data.firstParagraph };
}
