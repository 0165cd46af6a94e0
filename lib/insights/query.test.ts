import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_QUERY_CHARS, MAX_QUERY_WORDS, scrubQuery } from './query';

describe('scrubQuery', () => {
  it.each([
    ['  How do I   MERGE tickets?  ', 'how do i merge tickets'],
    ['Ｒｅｆｕｎｄ　ｐｏｌｉｃｙ', 'refund policy'],
    ['error 404 on invoice 2024', 'error # on invoice #'],
    ['order ٣٤٥ missing', 'order # missing'],
    ['escalate to jane.doe@acme.com today', 'escalate to today'],
    ['see https://acme.zendesk.com/agent/tickets/4711 please', 'see please'],
    ['www.example.org pricing', 'pricing'],
    ['acme.zendesk.com login', 'login'],
    ['call +44 20 7946 0958 back', 'call back'],
    ['call (555) 123-4567 back', 'call back'],
    ['ticket 123e4567-e89b-12d3-a456-426614174000 stuck', 'ticket stuck'],
    ['hash deadbeef42cafe01 wrong', 'hash wrong'],
    ['case 500Dn00000AbCdE owner', 'case owner'],
    ['windows10 upgrade', 'windows# upgrade'],
    ['JIRA-1234 status', 'jira-# status'],
    ["can't log in", "can't log in"],
  ])('turns %j into %j', (raw, expected) => {
    expect(scrubQuery(raw)).toBe(expected);
  });

  it('keeps at most 8 words', () => {
    expect(scrubQuery('one two three four five six seven eight nine ten')).toBe(
      'one two three four five six seven eight',
    );
  });

  it('cuts at a word boundary to at most 64 characters', () => {
    const result = scrubQuery('internationalisation configuration troubleshooting documentations')!;
    expect(result).toBe('internationalisation configuration troubleshooting');
  });

  it('cuts a single overlong word to 64 characters', () => {
    expect(scrubQuery('x'.repeat(100))).toBe('x'.repeat(64));
  });

  it('returns undefined when nothing is left', () => {
    expect(scrubQuery('jane@acme.com https://x.example/a')).toBeUndefined();
    expect(scrubQuery('  ?! ')).toBeUndefined();
  });
});

const words = fc.array(fc.stringMatching(/^[a-zA-Z]{1,12}$/), { maxLength: 12 });
const pii = fc.oneof(
  fc.emailAddress(),
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.uuid(),
  fc.stringMatching(/^\+[1-9]\d{1,2} \d{2,4} \d{3,4} \d{3,4}$/),
  fc.stringMatching(/^[0-9a-f]{6,12}[0-9][0-9a-f]{4,12}$/),
);

describe('scrubQuery (properties)', () => {
  it('returns at most 64 characters and 8 words, lower-case, with no digit, for any input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (raw) => {
        const out = scrubQuery(raw);
        if (out === undefined) return;
        expect(out.length).toBeLessThanOrEqual(MAX_QUERY_CHARS);
        expect(out.split(' ').length).toBeLessThanOrEqual(MAX_QUERY_WORDS);
        expect(out).not.toMatch(/\p{Nd}/u);
        expect(out).toBe(out.normalize('NFKC').toLowerCase());
      }),
    );
  });

  it('is idempotent: scrubbing a scrubbed query changes nothing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (raw) => {
        const once = scrubQuery(raw);
        if (once !== undefined) expect(scrubQuery(once)).toBe(once);
      }),
    );
  });

  it('never lets an e-mail address, URL, UUID, phone number or hex id through', () => {
    fc.assert(
      fc.property(words, pii, words, (before, secret, after) => {
        const out = scrubQuery([...before, secret, ...after].join(' ')) ?? '';
        const lower = secret.toLowerCase();
        expect(out).not.toContain('@');
        expect(out).not.toContain('://');
        // No part of the secret longer than a common word survives.
        for (const part of lower.split(/[^a-z0-9]+/).filter((p) => p.length >= 8))
          expect(out.split(' ')).not.toContain(part);
      }),
    );
  });
});
