import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { nameOf } from './containers';
import { containersNamed } from './named';
import { checkedOnce } from './root-memo';
import { buildDocument } from './scenarios/harness';
import { scenarios } from './scenarios/run-all';

/** Every element of `document` named `name` by `nameOf`, found by asking each one. */
function askingEvery(document: Document, name: string): Element[] {
  return Array.from(document.querySelectorAll('*')).filter((e) => nameOf(e)?.text === name);
}

/** Every container name on the page, each with the containers `containersNamed` finds and those asking every element finds. */
function compareAll(document: Document): { name: string; found: Element[]; every: Element[] }[] {
  return checkedOnce(() => {
    const names = new Set(
      Array.from(document.querySelectorAll('*')).flatMap((e) => nameOf(e)?.text ?? []),
    );
    return [...names].map((name) => ({
      name,
      found: [...(containersNamed(document, name) ?? askingEvery(document, name))],
      every: askingEvery(document, name),
    }));
  });
}

const page = (body: string) => new JSDOM(`<!doctype html><body>${body}</body>`).window.document;

describe('containersNamed', () => {
  it('finds the containers asking every element finds, for every name on every scenario page', () => {
    let names = 0;
    for (const scenario of scenarios.filter((s) => s.kind !== 'large-page')) {
      for (const html of [scenario.before, scenario.after]) {
        const document = buildDocument(html);
        for (const { name, found, every } of compareAll(document)) {
          expect(new Set(found), `${scenario.name}: ${name}`).toEqual(new Set(every));
          names += 1;
        }
        document.defaultView?.close();
      }
    }
    expect(names).toBeGreaterThan(500);
  }, 300_000);

  it('finds names split over elements, cut by counts (before, inside or across their nodes), in other case, from look-alike letters or without letters', () => {
    const document = page(`
      <table><tr><td>Ada <b>Love</b>lace</td><td><button>Edit</button></td></tr>
        <tr><td>ADA LOVELACE 2</td><td><button>Edit</button></td></tr></table>
      <section><h2>To Do <span>(5)</span> items</h2><button>Create</button></section>
      <section><div><h3><span>1</span>Sprint 13</h3></div><button>Create</button></section>
      <section><h3>\u0130stanbul \u212Aiosk</h3><button>Create</button></section>
      <div aria-label="  Billing\nADDRESS:"><button>Edit</button></div>
      <span id="l1">Shipping</span><div aria-labelledby="l1"><button>Edit</button></div>
      <table><tr><td>Contact 3</td><td><button>Edit</button></td></tr>
        <tr><td>Contact 33</td><td><button>Edit</button></td></tr>
        <tr><td>Contact <b>3</b>3</td><td><button>Edit</button></td></tr></table>
      <section><h2>(3) Open <b>(</b>7) cases</h2><button>Create</button></section>
      <section><h2>Open (3<b>) cases</b></h2><button>Create</button></section>
      <section><h2>2<span>1</span> Tasks (4)</h2><button>Create</button></section>
      <section><h2><span>(</span>12) <i>Stage</i> 2 review</h2><button>Create</button></section>
      <section><h2>2024 <span>(3)</span></h2><button>Create</button></section>
      <section><div><h3>Q3 <span>5</span>plan</h3></div><button>Create</button></section>`);
    for (const { name, found, every } of compareAll(document)) {
      expect(new Set(found), name).toEqual(new Set(every));
    }
    const names = compareAll(document).map((entry) => entry.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'ada lovelace',
        'to do items',
        'sprint 13',
        'billing address',
        'shipping',
        'contact 33',
        'open cases',
        '2 tasks',
        'stage 2 review',
        '2024',
        'q3 plan',
      ]),
    );
  });

  it('leaves a name without letters or digits to the full search', () => {
    expect(containersNamed(page('<section><h2>–</h2><button>Go</button></section>'), '–')).toBe(
      undefined,
    );
  });
});
