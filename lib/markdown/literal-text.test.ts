import { describe, expect, it } from 'vitest';
import { maskLiteralText } from './literal-text';

describe('maskLiteralText', () => {
  it.each([
    ['a code span', 'a `<b>` c', 'a       c'],
    ['two equal code spans, each at its own place', '`a` and `a`', '    and    '],
    ['a backslash escape (only the escape)', 'x \\<y> z', 'x   y> z'],
    ['a fenced code block, keeping its lines', '```\n<s>\n```\nafter', '   \n   \n   \nafter'],
    ['an indented code block', '    <i>indented\n\nnext', '               \n\nnext'],
    [
      'code in a table header and cells',
      '| `<a>` | b |\n|---|---|\n| \\<c | `d` |',
      '|       | b |\n|---|---|\n|   c |     |',
    ],
    ['code in a list item', '- `<e>`\n- f', '-      \n- f'],
    [
      'code inside strong text, an escape inside emphasis',
      '**`<s>`** and *\\*x*',
      '**     ** and *  x*',
    ],
    ['code after the word "undefined"', 'undefined `x`', 'undefined    '],
    [
      'code in a paragraph, not the same text in a quote before it',
      '> a\n> `b`\n\na\n`b`',
      '> a\n> `b`\n\na\n   ',
    ],
    ['code inside link text', '[`<l>`](https://x.example)', '[     ](https://x.example)'],
  ])('blanks %s', (_, markdown, masked) => {
    expect(maskLiteralText(markdown)).toBe(masked);
  });

  it.each([
    ['markup outside code', 'plain <b> and *<i>*'],
    ['an unclosed backtick', 'a ` <b>'],
    [
      'code on a quote line after the first (its lines are de-indented, not verbatim)',
      '> quote\n> `x`',
    ],
    ['code in a quote of several lines', '> `x` and more\n> y'],
    ['text with carriage returns, which the lexer normalises', 'a\r\n`<b>`'],
    ['code before the first carriage return too', '`<b>`\n\na\r\nb'],
  ])('leaves %s as it is', (_, markdown) => {
    expect(maskLiteralText(markdown)).toBe(markdown);
  });
});
