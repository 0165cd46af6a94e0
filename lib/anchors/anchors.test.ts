import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { createAnchor, resolveAnchor } from './index';
import { anchorSchema } from './schema';
import { buildDocument } from './scenarios/harness';
import { scenarios } from './scenarios/run-all';
import { MARK } from './scenarios/types';
import { parseAnchor } from './validate';

const page = new JSDOM(
  '<main><label for="p">Priority</label><select id="p" name="priority"></select><button>Save</button></main>',
).window.document;

describe('createAnchor', () => {
  it('returns a versioned anchor that survives a JSON round trip and still resolves', () => {
    const select = page.querySelector('select')!;
    const anchor = createAnchor(select);
    expect(anchor.v).toBe(1);
    const copy: unknown = JSON.parse(JSON.stringify(anchor));
    expect(copy).toEqual(anchor);
    expect(resolveAnchor(copy, page)).toBe(select);
  });

  it('returns anchors the zod schema and the hand-written validator both accept', () => {
    for (const scenario of scenarios) {
      const document = buildDocument(scenario.before.replace(MARK, 'data-x'));
      const anchor = createAnchor(document.querySelector('[data-x]') ?? document.body);
      expect(anchorSchema.safeParse(anchor).success).toBe(true);
      expect(parseAnchor(anchor)).toEqual(anchor);
    }
  });
});

describe('resolveAnchor', () => {
  it('tells alike shadow hosts apart by the heading inside each, and gives null once that one is gone', () => {
    const cards = (names: string[]) =>
      names
        .map(
          (name) =>
            `<record-card><template data-shadow><div class="card"><h3>${name}</h3><button>Edit</button></div></template></record-card>`,
        )
        .join('');
    const editOf = (document: Document, name: string) =>
      Array.from(document.querySelectorAll('record-card'))
        .map((host) => host.shadowRoot!)
        .find((root) => root.querySelector('h3')?.textContent === name)
        ?.querySelector('button');
    const before = buildDocument(cards(['Acme', 'Globex', 'Initech']));
    const anchor: unknown = JSON.parse(JSON.stringify(createAnchor(editOf(before, 'Globex')!)));
    const after = buildDocument(cards(['Initech', 'Acme', 'Globex']));
    expect(resolveAnchor(anchor, after)).toBe(editOf(after, 'Globex'));
    expect(resolveAnchor(anchor, buildDocument(cards(['Initech', 'Acme'])))).toBeNull();
  });

  it('returns null for malformed anchors without throwing', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(resolveAnchor(value, page)).toBeNull();
      }),
    );
  });

  it('returns null for anchors with hostile field values', () => {
    const target = { tag: 'select', role: 'x"],*,[y' };
    expect(resolveAnchor({ v: 1, path: [], target }, page)).toBeNull();
    expect(resolveAnchor({ v: 2, path: [], target: { tag: 'select' } }, page)).toBeNull();
    expect(
      resolveAnchor({ v: 1, path: [], target: { tag: 'select', nth: [3, 2] } }, page),
    ).toBeNull();
  });

  it('agrees with the zod schema on near-valid anchors', () => {
    const signature = fc.record(
      {
        tag: fc.constantFrom('button', 'Select', ''),
        label: fc.string(),
        nth: fc.tuple(fc.nat(3), fc.nat(3)),
      },
      { requiredKeys: ['tag'] },
    );
    const anchor = fc.record({
      v: fc.constantFrom(1, 2),
      path: fc.constant([]),
      target: signature,
    });
    fc.assert(
      fc.property(anchor, (value) => {
        expect(parseAnchor(value) !== undefined).toBe(anchorSchema.safeParse(value).success);
      }),
    );
  });
});
