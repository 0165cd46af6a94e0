import { describe, expect, it } from 'vitest';
import { PlainBm25 } from './plain-bm25';

const engine = new PlainBm25([
  { id: 'a', title: 'Outlook password prompt', body: 'Outlook asks for a password.' },
  { id: 'b', title: 'Printer offline', body: 'The printer shows offline.' },
  { id: 'c', title: 'Passwords', body: 'Reset passwords here.' },
]);

describe('PlainBm25', () => {
  it('returns documents holding the exact query words, best first', () => {
    expect(engine.search('outlook password', 10)).toEqual(['a']);
    expect(engine.search('printer', 10)).toEqual(['b']);
  });

  it('returns nothing for a typo or another inflection: it has no fuzziness or stemming', () => {
    expect(engine.search('pasword', 10)).toEqual([]);
    expect(engine.search('printers', 10)).toEqual([]);
  });
});
