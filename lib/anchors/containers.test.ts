import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { containerNames } from './containers';
import { fieldOf } from './field';

const element = (html: string, selector = '#t') =>
  new JSDOM(`<body>${html}</body>`).window.document.querySelector(selector)!;

describe('containerNames', () => {
  it('names a card by its heading without the count beside it', () => {
    const html =
      '<article><header><h2><span>Contacts</span><span>(3)</span></h2></header><div><button id="t">New</button></div></article>';
    expect(containerNames(element(html))).toEqual(['contacts']);
  });

  it('names a row by its key cell, not by the cell holding the control', () => {
    const html =
      '<table aria-label="Companies"><tr><td><button id="t">Edit</button></td><td>Acme</td></tr></table>';
    expect(containerNames(element(html))).toEqual(['acme', 'companies']);
  });

  it('does not name a list by the heading of one of its repeated items', () => {
    const card = (title: string, id = '') =>
      `<div class="card"><h3>${title}</h3><button${id}>Add</button></div>`;
    const html = `<div class="cards">${card('Deals')}${card('Tickets', ' id="t"')}</div>`;
    expect(containerNames(element(html))).toEqual(['tickets']);
  });
});

describe('fieldOf', () => {
  it('reads the label before a value through its wrappers', () => {
    const html =
      '<div><span class="field-label">Phone</span><div><span><a id="t" href="tel:1">(415) 555-0132</a></span></div></div>';
    expect(fieldOf(element(html))).toBe('phone');
  });

  it('reads a row header for a cell, never the neighbouring value', () => {
    expect(fieldOf(element('<table><tr><th>Stage</th><td id="t">Won</td></tr></table>'))).toBe(
      'stage',
    );
    expect(
      fieldOf(element('<table><tr><td>Acme</td><td id="t">Won</td></tr></table>')),
    ).toBeUndefined();
  });
});
