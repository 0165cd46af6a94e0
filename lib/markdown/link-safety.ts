/**
 * Finds links and raw HTML in Markdown that the extension would refuse to render: link schemes
 * other than http, https and mailto (javascript:, data:, vbscript:, file:…), script-capable tags
 * and inline event handlers. The renderer sanitises anyway; this catches them at review time.
 */
export interface UnsafeSpot {
  /** 0-based offset into the text. */
  offset: number;
  message: string;
}

const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto']);

const URL_PATTERNS: RegExp[] = [
  /\]\(\s*<?([^)\s>]+)/g, // inline link or image: [text](url)
  /<([a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]*)>/g, // autolink: <scheme:…>
  /^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm, // reference definition: [ref]: url
  /\b(?:href|src|action|formaction|xlink:href|srcset|poster|background)\s*=\s*["']?([^"'\s>]+)/gi,
];

const DANGEROUS_HTML =
  /<\s*(script|iframe|object|embed|frame|frameset|meta|base|form|svg|math|style|link)\b/gi;
const INLINE_HANDLER = /<[^>]*\s(on[a-z]+)\s*=/gi;

function decodeEntities(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&colon;/gi, ':')
    .replace(/&tab;|&newline;/gi, '');
}

/** The scheme a browser would see, after entity decoding and dropping whitespace and controls. */
export function linkScheme(url: string): string | undefined {
  // eslint-disable-next-line no-control-regex -- browsers ignore these characters inside schemes
  const cleaned = decodeEntities(url).replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  const match = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(cleaned);
  return match?.[1]?.toLowerCase();
}

export function isSafeLink(url: string): boolean {
  const scheme = linkScheme(url);
  return scheme === undefined || ALLOWED_SCHEMES.has(scheme);
}

/**
 * Unsafe links and raw HTML in `markdown`. Pass `mask` (lib/markdown/literal-text.ts) to ignore
 * code and backslash-escaped text, which the renderer shows literally; it is a parameter so the
 * content script, which imports this file for `isSafeLink`, never bundles a Markdown lexer.
 */
export function findUnsafeMarkdown(
  source: string,
  mask: (markdown: string) => string = (m) => m,
): UnsafeSpot[] {
  const markdown = mask(source);
  const spots: UnsafeSpot[] = [];
  for (const pattern of URL_PATTERNS) {
    for (const match of markdown.matchAll(pattern)) {
      const url = match[1] ?? '';
      if (!isSafeLink(url)) {
        spots.push({
          offset: match.index,
          message: `unsafe link scheme "${linkScheme(url)}:" (only http, https and mailto links are allowed)`,
        });
      }
    }
  }
  for (const match of markdown.matchAll(DANGEROUS_HTML)) {
    spots.push({
      offset: match.index,
      message: `raw HTML <${match[1]?.toLowerCase()}> is not allowed`,
    });
  }
  for (const match of markdown.matchAll(INLINE_HANDLER)) {
    spots.push({
      offset: match.index,
      message: `inline event handler "${match[1]}" is not allowed`,
    });
  }
  return spots.sort((a, b) => a.offset - b.offset);
}

/** 1-based line of `offset` in `text`. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
