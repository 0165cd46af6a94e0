import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { createAnchor, resolveAnchor } from './index';
import { memoOf } from './root-memo';

const page = () =>
  new JSDOM(
    '<main><form aria-label="Reply"><button>Save</button><button>Cancel</button></form></main>',
  ).window.document;

describe('memoOf', () => {
  it('returns the same memo while the root is unchanged and a new one after a change', () => {
    const document = page();
    const first = memoOf(document);
    expect(memoOf(document)).toBe(first);
    document.body.setAttribute('data-x', '1');
    expect(memoOf(document)).not.toBe(first);
  });
});

describe('resolveAnchor across changes made in the same task', () => {
  it('returns null right after the element is removed, with no tick in between', () => {
    const document = page();
    const save = document.querySelector('button')!;
    const anchor = createAnchor(save);
    expect(resolveAnchor(anchor, document)).toBe(save);
    save.remove();
    expect(resolveAnchor(anchor, document)).toBeNull();
  });

  it('finds the element again when it comes back under a new node', () => {
    const document = page();
    const anchor = createAnchor(document.querySelector('button')!);
    document.querySelector('form')!.innerHTML =
      '<div><button>Save</button></div><button>Cancel</button>';
    expect(resolveAnchor(anchor, document)).toBe(document.querySelector('div > button'));
  });
});
