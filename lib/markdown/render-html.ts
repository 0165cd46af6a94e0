import createDOMPurify, { type Config } from 'dompurify';
import { Marked, type Tokens } from 'marked';

/**
 * Markdown → sanitised HTML for extension pages (side panel, popup). marked parses; DOMPurify, a
 * well-kept sanitiser, keeps only an allow-list of tags and attributes; links are limited to
 * http(s), mailto and in-page fragments and open in a new tab with `rel="noopener noreferrer"`.
 * Images are dropped: a remote image would tell a third party who read what, and when.
 */
const ALLOWED_TAGS = [
  'p',
  'br',
  'hr',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'strong',
  'em',
  'del',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'a',
  'table',
  'thead',
  // 'tbody' too: DOMPurify adds it to any allow-list that has 'table'.
  'tr',
  'th',
  'td',
  'kbd',
  'mark',
];

/** The only links kept: web, mail and in-page fragments (a relative link would point into the extension). */
const WEB_LINK = /^(?:https?:|mailto:|#)/i;

// Everything else is dropped — `<img>`, `<form>`, `<style>`, `<svg>` included — because it is
// not on these lists; the allow-lists are the rule (sanitise-html.test.ts pins what they let through).
const CONFIG: Config = {
  ALLOWED_TAGS,
  ALLOWED_ATTR: ['href', 'title', 'start'],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOWED_URI_REGEXP: WEB_LINK,
  // DOMPurify tests every attribute outside its own URI-safe list against ALLOWED_URI_REGEXP, so
  // without this an ordered list's `start="3"` was dropped and the list restarted at 1.
  ADD_URI_SAFE_ATTR: ['start'],
  KEEP_CONTENT: true,
};

/** Raw HTML kept as markup: a few harmless inline tags without attributes. */
const RAW_HTML_KEPT = /^<\/?(?:kbd|mark|br|sub|sup|del|em|strong|code)\s*\/?>$/i;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

// marked's defaults: GFM (tables, ~~strikethrough~~), a single newline is no line break; the tests
// pin both.
const markdown = new Marked();
markdown.use({
  // Headings in an item body sit under the item's own title (h1), so they start at h2.
  walkTokens: (token) => {
    if (token.type === 'heading')
      (token as Tokens.Heading).depth = Math.min(6, (token as Tokens.Heading).depth + 1);
  },
  // Raw HTML in Markdown is shown as text (but for a few bare inline tags), so markup written by an
  // author never even reaches an HTML parser. DOMPurify still checks everything marked produces:
  // two layers, and no inline handler is ever parsed in the extension's document (Chrome reports
  // even an inert DOMParser document's `onerror=` as a CSP violation).
  renderer: {
    html: ({ text }: Tokens.HTML | Tokens.Tag) =>
      RAW_HTML_KEPT.test(text.trim()) ? text : escapeHtml(text),
  },
});

type Purifier = ReturnType<typeof createDOMPurify>;
const purifiers = new WeakMap<object, Purifier>();

function purifierFor(window: Window): Purifier {
  let purifier = purifiers.get(window);
  if (purifier === undefined) {
    purifier = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]);
    purifier.addHook('afterSanitizeAttributes', (node) => {
      // The pattern again, on the value as written (DOMPurify tested it with every space and
      // control removed): a scheme broken by a newline is not kept. An href belongs on a link only.
      const href = node.getAttribute('href') ?? '';
      if (node.nodeName !== 'A' || !WEB_LINK.test(href)) {
        node.removeAttribute('href');
        return;
      }
      if (!href.startsWith('#')) {
        node.setAttribute('target', '_blank');
        node.setAttribute('rel', 'noopener noreferrer');
      }
    });
    purifiers.set(window, purifier);
  }
  return purifier;
}

/**
 * The second layer on its own: `html` reduced to the allow-lists, links checked and opened in a
 * new tab. renderMarkdown passes marked's output through it.
 */
export function sanitizeHtml(html: string, window: Window): string {
  return purifierFor(window).sanitize(html, CONFIG);
}

/** Renders Markdown to HTML that is safe to insert into an extension page of `window`. */
export function renderMarkdown(source: string, window: Window): string {
  return sanitizeHtml(markdown.parse(source, { async: false }), window);
}
