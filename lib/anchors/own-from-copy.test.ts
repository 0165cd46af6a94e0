import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { ownFromCopy } from './own-from-copy';
import { checkedOnce } from './root-memo';
import { fieldOf } from './field';
import { buildDocument } from './scenarios/harness';
import { scenarios } from './scenarios/run-all';
import { type OwnSignals, ownSignals, readsField } from './signature';

/** Leaves of one markup each, as cards repeat them; some are named from elsewhere by id. */
const LEAVES = [
  '<button data-testid="menu" aria-label="More actions">…</button>',
  '<button>Save</button>',
  '<span>Open</span>',
  '<input type="text" value="Acme">',
  '<a href="/r/Account/001">Acme</a>',
  '<button id="go">Go</button>',
  '<span aria-labelledby="named"></span>',
  '<div>Details</div>',
];

/** Where a card puts its leaf: what a field, a wrapping label or a table row says around it. */
const CONTEXTS = [
  (leaf: string) => `<li>${leaf}</li>`,
  (leaf: string) => `<li><label>Pick ${leaf}</label></li>`,
  (leaf: string) => `<li><div><div class="field-label">Status:</div>${leaf}</div></li>`,
  (leaf: string) => `<li><div><div class="field-label">Stage:</div>${leaf}</div></li>`,
  (leaf: string) => `<li data-label="Owner">${leaf}</li>`,
  (leaf: string) => `<li><table><tr><th>Phone</th><td>${leaf}</td></tr></table></li>`,
];

const card = fc.tuple(fc.nat(LEAVES.length - 1), fc.nat(CONTEXTS.length - 1));

describe('ownFromCopy', () => {
  it('gives every element the own signals read from it, whatever copies came before', () => {
    fc.assert(
      fc.property(fc.array(card, { minLength: 1, maxLength: 30 }), (cards) => {
        const body = cards.map(([leaf, context]) => CONTEXTS[context]!(LEAVES[leaf]!)).join('');
        const extra = '<label for="go">Proceed</label><h3 id="named">Owner name</h3>';
        const { document } = new JSDOM(`<body><ul>${body}</ul>${extra}</body>`).window;
        const table = new Map<string, OwnSignals>();
        checkedOnce(() => {
          for (const element of Array.from(document.querySelectorAll('ul *'))) {
            const read = { ...ownSignals(element) };
            expect(ownFromCopy(element, table, ownSignals), element.outerHTML).toEqual(read);
          }
        });
      }),
      { numRuns: 200 },
    );
  });

  it('keeps copies by the same field test computeOwn makes, on every scenario element', () => {
    // The large pages repeat the others' markup 2,000 times: the rest cover every kind of field.
    for (const scenario of scenarios.filter((s) => s.kind !== 'large-page')) {
      const document = buildDocument(scenario.after);
      checkedOnce(() => {
        for (const element of Array.from(document.body.querySelectorAll('*'))) {
          const own = ownSignals(element);
          expect(own.field).toBe(readsField(element, own) ? fieldOf(element) : undefined);
        }
      });
    }
  });
});
