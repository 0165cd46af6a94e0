import { describe, expect, it } from 'vitest';
import { contentHash, cyrb53 } from './content-hash';
import { app, article, tip } from './test-support';

describe('cyrb53', () => {
  it('returns the same 14 hex digits for the same text and different ones for other text', () => {
    expect(cyrb53('waymark')).toMatch(/^[0-9a-f]{14}$/);
    expect(cyrb53('waymark')).toBe(cyrb53('waymark'));
    expect(cyrb53('waymark')).not.toBe(cyrb53('waymarK'));
  });
});

describe('contentHash', () => {
  it('returns the same hash when only the order of items and apps differs', () => {
    const a = { items: [article('a'), tip('t')], apps: [app('x'), app('y')] };
    const b = { items: [tip('t'), article('a')], apps: [app('y'), app('x')] };
    expect(contentHash(a)).toBe(contentHash(b));
  });

  it('returns a different hash when an item changed', () => {
    const before = { items: [article('a')], apps: [] };
    const after = { items: [{ ...article('a'), version: 2 }], apps: [] };
    expect(contentHash(before)).not.toBe(contentHash(after));
  });
});
