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

  it('names a row by its first two cells with text, so a shared first cell does not name it alone', () => {
    const row = (first: string, second: string, id = '') =>
      `<tr><td><span class="avatar">${first}</span></td><td><a href="/c/1">${second}</a></td><td><button${id}>Preview</button></td></tr>`;
    const html = `<table>${row('AL', 'Al Lee')}${row('AL', 'Ada Lovelace', ' id="t"')}</table>`;
    expect(containerNames(element(html))).toEqual(['al ada lovelace']);
  });

  it('names a row by its row header alone when it has one', () => {
    const html =
      '<table><tr><td>Open</td><th scope="row">Printer jam</th><td><button id="t">Edit</button></td></tr></table>';
    expect(containerNames(element(html))).toEqual(['printer jam']);
  });

  it('names a labelled container without the counts its label carries', () => {
    const byTitle =
      '<article aria-labelledby="h9"><h2 id="h9"><a href="/r">Opportunities <span>(3)</span></a></h2><button id="t">New</button></article>';
    const byTitleAndBadge =
      '<article aria-labelledby="h4 c4"><h2 id="h4">Cases</h2><span id="c4">12</span><button id="t">Add</button></article>';
    const byAriaLabel =
      '<section aria-label="Contacts (99+)"><button id="t">New</button></section>';
    expect(containerNames(element(byTitle))).toEqual(['opportunities']);
    expect(containerNames(element(byTitleAndBadge))).toEqual(['cases']);
    expect(containerNames(element(byAriaLabel))).toEqual(['contacts']);
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
