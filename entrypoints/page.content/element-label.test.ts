// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { elementLabel } from './element-label';

function first(html: string): Element {
  document.body.innerHTML = html;
  return document.querySelector('[data-x]')!;
}

describe('elementLabel', () => {
  it('returns the role and the name as shown, keeping its case', () => {
    expect(elementLabel(first('<button data-x>  Submit as   Solved </button>'))).toBe(
      'button "Submit as Solved"',
    );
  });

  it('returns a field named by its label, never by its value', () => {
    const label = first(
      '<label for="s">Subject</label><input data-x id="s" value="Printer on fire">',
    );
    expect(elementLabel(label)).toBe('textbox "Subject"');
  });

  it('returns aria-label before content, and a button input by its value', () => {
    expect(elementLabel(first('<a data-x href="/x" aria-label="Close">×</a>'))).toBe(
      'link "Close"',
    );
    expect(elementLabel(first('<input data-x type="submit" value="Send">'))).toBe('button "Send"');
  });

  it('returns the tag alone when there is neither role nor name', () => {
    expect(elementLabel(first('<div data-x></div>'))).toBe('div');
  });

  it('shortens long names with an ellipsis', () => {
    const label = elementLabel(first(`<h2 data-x>${'word '.repeat(30)}</h2>`));
    expect(label).toMatch(/^heading "word word .*…"$/);
    expect(label.length).toBeLessThan(60);
  });
});
