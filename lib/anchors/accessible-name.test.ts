import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { associatedLabelText, labelOf, labelledByText, visibleText } from './accessible-name';
import { roleOf } from './role';

function element(html: string, selector = '#t'): Element {
  const { document } = new JSDOM(`<body>${html}</body>`).window;
  return document.querySelector(selector)!;
}

describe('associatedLabelText', () => {
  it('returns the text of a <label for> pointing at the control', () => {
    expect(associatedLabelText(element('<label for="t">Priority</label><input id="t">'))).toBe(
      'Priority',
    );
  });

  it('returns the wrapping label text without the control', () => {
    const input = element('<label> Watch <input id="t" value="x"></label>');
    expect(associatedLabelText(input)?.trim()).toBe('Watch');
  });

  it('returns undefined for elements that cannot be labelled', () => {
    expect(
      associatedLabelText(element('<label for="t">X</label><div id="t"></div>')),
    ).toBeUndefined();
  });
});

describe('labelledByText', () => {
  it('joins the texts of every referenced element', () => {
    const html =
      '<span id="a">Due</span><span id="b">date</span><input id="t" aria-labelledby="a b">';
    expect(labelledByText(element(html))).toBe('Due date');
  });
});

describe('labelOf', () => {
  it('prefers the visible label over an aria-label carrying the value', () => {
    const html =
      '<label for="t">Status</label><button id="t" aria-label="Status, New">New</button>';
    expect(labelOf(element(html))).toBe('status');
  });

  it('never uses an input value, falling back to the placeholder', () => {
    expect(labelOf(element('<input id="t" value="Printer on fire" placeholder="Subject">'))).toBe(
      'subject',
    );
  });

  it('strips required markers and colons', () => {
    expect(labelOf(element('<label for="t">Priority *</label><select id="t"></select>'))).toBe(
      'priority',
    );
  });
});

describe('visibleText', () => {
  it('returns the value of a submit input but not of a text input', () => {
    expect(visibleText(element('<input id="t" type="submit" value="Send">'))).toBe('send');
    expect(visibleText(element('<input id="t" value="typed by the user">'))).toBe('');
  });
});

describe('roleOf', () => {
  it('returns the explicit role before the implicit one', () => {
    expect(roleOf(element('<input id="t" role="combobox">'))).toBe('combobox');
    expect(roleOf(element('<input id="t" type="checkbox">'))).toBe('checkbox');
    expect(roleOf(element('<a id="t">no href</a>'))).toBeUndefined();
  });
});
