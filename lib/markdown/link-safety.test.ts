import { describe, expect, it } from 'vitest';
import { findUnsafeMarkdown, isSafeLink, lineAt } from './link-safety';
import { maskLiteralText } from './literal-text';

describe('isSafeLink', () => {
  it.each([
    'https://example.com',
    'http://x.test/a?b=c',
    'mailto:ops@example.com',
    '#section',
    '/relative/path',
    'page.md',
  ])('accepts %s', (url) => {
    expect(isSafeLink(url)).toBe(true);
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    'javascript&#58;alert(1)',
    'jav&#x61;script:x',
    'data:text/html,<b>',
    'vbscript:msgbox',
    'file:///etc/passwd',
  ])('refuses %s', (url) => {
    expect(isSafeLink(url)).toBe(false);
  });

  // Browsers decode character references in an href before reading its scheme, with or without
  // the closing semicolon, and drop tabs and newlines inside it.
  it.each([
    'javascript&#x3A;alert(1)',
    'javascript&#x3A//%0Aalert(1)',
    'javascript&#58alert(1)',
    'javascript&colon;alert(1)',
    'java&Tab;script:alert(1)',
    'java&NewLine;script:alert(1)',
  ])('refuses %s, whose scheme only appears once its entities are decoded', (url) => {
    expect(isSafeLink(url)).toBe(false);
  });

  it('accepts a relative link with a colon after its start (no scheme)', () => {
    expect(isSafeLink('/help?topic=refunds:eu')).toBe(true);
  });
});

describe('lineAt', () => {
  it('counts a newline as the end of its own line, the next character as the next line', () => {
    expect(lineAt('a\nb', 1)).toBe(1);
    expect(lineAt('a\nb', 2)).toBe(2);
  });
});

describe('findUnsafeMarkdown', () => {
  it('finds unsafe inline links, autolinks, reference definitions and HTML attributes', () => {
    const text = [
      '[a](javascript:alert(1))',
      '<data:text/html,hi>',
      '[ref]: vbscript:x',
      '<a href="javascript:y">z</a>',
    ].join('\n');
    const spots = findUnsafeMarkdown(text);
    expect(spots.map((s) => lineAt(text, s.offset))).toEqual([1, 2, 3, 4]);
    expect(spots[0]?.message).toMatch(/unsafe link scheme "javascript:"/);
  });

  it('finds script tags and inline event handlers', () => {
    const messages = findUnsafeMarkdown('<script>x</script>\n<img src=x onerror=alert(1)>').map(
      (s) => s.message,
    );
    expect(messages).toEqual([
      'raw HTML <script> is not allowed',
      'inline event handler "onerror" is not allowed',
    ]);
  });

  it.each([
    ['a reference definition with no space after the colon', '[ref]:javascript:x'],
    ['a reference definition at the very end of the text', 'Intro\n\n[ref]: vbscript:x'],
    ['an attribute with spaces around "="', '<a href = "javascript:x">z</a>'],
    ['an unquoted attribute', '<a href=javascript:x>z</a>'],
  ])('finds an unsafe link in %s', (_, text) => {
    expect(findUnsafeMarkdown(text).map((s) => s.message)).toEqual([
      expect.stringMatching(/^unsafe link scheme "(javascript|vbscript):"/),
    ]);
  });

  it('finds an inline event handler with a space before "="', () => {
    expect(findUnsafeMarkdown('<img src=x onerror = alert(1)>').map((s) => s.message)).toEqual([
      'inline event handler "onerror" is not allowed',
    ]);
  });

  it('names a script tag written with a space after "<", and not <noscript>', () => {
    expect(findUnsafeMarkdown('< script>x</script>').map((s) => s.message)).toEqual([
      'raw HTML <script> is not allowed',
    ]);
    expect(findUnsafeMarkdown('<noscript>Turn on scripts</noscript>')).toEqual([]);
  });

  it('does not read a bracketed word and a colon inside a sentence as a reference definition', () => {
    expect(findUnsafeMarkdown('Press [Save]: javascript:void is not a link here.')).toEqual([]);
  });

  it('accepts ordinary Markdown with safe links', () => {
    expect(
      findUnsafeMarkdown(
        'See [the policy](https://example.com/p) or mail <mailto:a@b.example>.\n\n| a | b |',
      ),
    ).toEqual([]);
  });
});

describe('findUnsafeMarkdown with maskLiteralText', () => {
  it('ignores markup that only appears in code blocks, code spans and backslash escapes', () => {
    const text = [
      'Paste `<script src="https://x.example/w.js"></script>` in the page.',
      '',
      '```html',
      '<img src=x onerror=alert(1)>',
      '<a href="javascript:go()">go</a>',
      '```',
      '',
      'Literal \\<iframe src="https://x.example"> and \\[x]\\(javascript:alert(1)) stay text.',
    ].join('\n');
    expect(findUnsafeMarkdown(text, maskLiteralText)).toEqual([]);
    expect(findUnsafeMarkdown(text).length).toBeGreaterThan(0);
  });

  it('still finds live markup beside literal text, at its own line', () => {
    const text =
      'Code `<b>` is fine.\n\n<img src=x onerror=alert(1)>\n\n[a](javascript:alert(1)) `x`';
    const spots = findUnsafeMarkdown(text, maskLiteralText);
    expect(spots.map((s) => [lineAt(text, s.offset), s.message])).toEqual([
      [3, 'inline event handler "onerror" is not allowed'],
      [5, 'unsafe link scheme "javascript:" (only http, https and mailto links are allowed)'],
    ]);
  });

  it('does not treat an unclosed backtick as code', () => {
    expect(findUnsafeMarkdown('a ` <img src=x onerror=alert(1)>', maskLiteralText)).toHaveLength(1);
  });

  it('keeps the length and the lines of the text', () => {
    const text = '```\n<script>\n```\nafter';
    expect(maskLiteralText(text)).toHaveLength(text.length);
    expect(maskLiteralText(text).split('\n')).toHaveLength(4);
  });
});
