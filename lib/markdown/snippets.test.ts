import { describe, expect, it } from 'vitest';
import { splitSnippets } from './snippets';

describe('splitSnippets', () => {
  it('returns the whole body as Markdown when it has no reply snippet', () => {
    expect(splitSnippets('## Refunds\n\nText.\n\n```js\nx\n```')).toEqual([
      { kind: 'markdown', text: '## Refunds\n\nText.\n\n```js\nx\n```' },
    ]);
  });

  it('cuts reply snippets out of the Markdown, in order, keeping their lines', () => {
    const body =
      'Intro.\n\n```reply\nHi there,\n\nYour refund is on its way.\n```\n\nAfter.\n~~~reply\nBye\n~~~';
    expect(splitSnippets(body)).toEqual([
      { kind: 'markdown', text: 'Intro.\n\n' },
      { kind: 'snippet', text: 'Hi there,\n\nYour refund is on its way.' },
      { kind: 'markdown', text: '\n\nAfter.\n' },
      { kind: 'snippet', text: 'Bye' },
    ]);
  });

  it('leaves an unclosed reply fence as Markdown', () => {
    expect(splitSnippets('```reply\nHi')).toEqual([{ kind: 'markdown', text: '```reply\nHi' }]);
  });
});
