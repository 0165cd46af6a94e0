import { Lexer, type Token } from 'marked';

/** Tokens whose text marked renders literally, never as markup. */
const LITERAL = new Set(['code', 'codespan', 'escape']);

/** A token's child tokens in document order (table cells, list items, inline tokens). */
function childrenOf(token: Token): Token[] {
  const t = token as {
    header?: { tokens: Token[] }[];
    rows?: { tokens: Token[] }[][];
    items?: Token[];
    tokens?: Token[];
  };
  return [
    ...(t.header ?? []).flatMap((cell) => cell.tokens),
    ...(t.rows ?? []).flat().flatMap((cell) => cell.tokens),
    ...(t.items ?? []),
    ...(t.tokens ?? []),
  ];
}

/** Records the ranges of literal tokens among `tokens`, which lie in source[start, end). */
function collect(
  tokens: Token[],
  source: string,
  start: number,
  end: number,
  ranges: [number, number][],
) {
  let cursor = start;
  for (const token of tokens) {
    const at = source.indexOf(token.raw, cursor);
    // A token whose text is not verbatim in the source (a list item's or quote's de-indented
    // lines) ends the walk of this parent: guessing where its children are could mask real markup.
    if (at === -1 || at + token.raw.length > end) return;
    if (LITERAL.has(token.type)) ranges.push([at, at + token.raw.length]);
    else collect(childrenOf(token), source, at, at + token.raw.length, ranges);
    cursor = at + token.raw.length;
  }
}

/**
 * `markdown` with every character that the renderer (marked, GFM) shows literally — code blocks,
 * code spans, backslash escapes such as `\<` — replaced by a space (newlines kept), so checks
 * that look for markup by pattern do not flag text that only mentions it. Same length and lines
 * as the input. Uses the renderer's own lexer, so what counts as code is what will render as code.
 */
export function maskLiteralText(markdown: string): string {
  if (markdown.includes('\r')) return markdown;
  const ranges: [number, number][] = [];
  // marked's default options, as the renderer's (GFM).
  collect(Lexer.lex(markdown), markdown, 0, markdown.length, ranges);
  let out = '';
  let last = 0;
  for (const [from, to] of ranges) {
    out += markdown.slice(last, from) + markdown.slice(from, to).replace(/[^\n]/g, ' ');
    last = to;
  }
  return out + markdown.slice(last);
}
