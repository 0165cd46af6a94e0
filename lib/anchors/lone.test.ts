import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { createAnchor } from './index';
import { pickLone } from './lone';
import { pick, RIVAL } from './pick';
import { rank } from './rank';
import { checkedOnce } from './root-memo';

/** Look-alikes told apart by labels from every source `labelOf` reads, in other cases too. */
const rows = (label: (i: number) => string) =>
  Array.from({ length: 12 }, (_, i) => `<tr><td>${label(i)}</td></tr>`).join('');
const PAGE = `<main>
  <table aria-label="Accounts">${rows((i) => `<a href="/a/${i}" aria-label="Account ${i}">Account ${i}</a>`)}</table>
  <table>${rows((i) => `<a href="/o/${i}" aria-label="Owner: Person ${i}">Person ${i}</a>`)}</table>
  <form>${rows((i) => `<label for="f${i}">Field ${i}</label><input id="f${i}">`)}</form>
  <form>${rows((i) => `<label>Wrapped ${i % 3} <input type="checkbox"></label>`)}</form>
  <div>${rows((i) => `<input placeholder="Search ${i}"><button title="Run ${i}">Go</button>`)}</div>
  <div>${rows((i) => `<img alt="Chart ${i}" src="c${i}.png"><span id="l${i}">Tab ${i}</span><div role="tab" aria-labelledby="l${i}">x</div>`)}</div>
  <div>${rows((i) => `<fieldset><legend>Group ${i}</legend></fieldset><a href="#k${i}" title="\u212Aey \u0130tem ${i}">k</a>`)}</div>
</main>`;

/** The same page with labels changed in case, swapped or made empty, so that some go to null. */
const CHANGED = PAGE.replace(/Account 3/g, 'ACCOUNT 3')
  .replace(/Field 4/g, 'Field 5')
  .replace(/placeholder="Search 1"/, 'placeholder=""')
  .replace(/Tab 2/g, 'tab 2');

const page = (html: string) => new JSDOM(`<!doctype html><body>${html}</body>`).window.document;

describe('pickLone', () => {
  it('answers as the whole-page rule does for anchors labelled from every source, and always where they were made', () => {
    const made = page(PAGE);
    const anchors = Array.from(made.querySelectorAll('a, input, button, img, [role=tab], fieldset'))
      .map((element) => createAnchor(element).target)
      .filter((target) => target.nth === undefined);
    let answered = 0;
    for (const html of [PAGE, CHANGED]) {
      const document = page(html);
      for (const anchor of anchors) {
        const [lone, whole] = checkedOnce(() => [
          pickLone(document, anchor),
          pick(anchor, rank(document, anchor, RIVAL)) ?? null,
        ]);
        // Where it was made, the element scores top and is in its containers: never left to the page.
        if (html === PAGE) expect(lone, JSON.stringify(anchor)).not.toBe(undefined);
        if (lone === undefined) continue;
        answered += 1;
        expect(lone, JSON.stringify(anchor)).toBe(whole);
      }
    }
    expect(anchors.length).toBeGreaterThan(100);
    expect(answered).toBeGreaterThan(anchors.length);
  });
});
