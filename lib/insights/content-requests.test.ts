import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_REQUEST_CHARS,
  MAX_REQUEST_WORDS,
  parseContentRequests,
  scrubRequestText,
} from './content-requests';

describe('scrubRequestText', () => {
  it('drops e-mail addresses, URLs, phone numbers and ids and turns digit runs into #', () => {
    expect(
      scrubRequestText(
        'Customer jane.doe@example.com (+1 415-555-0134) on https://acme.zendesk.com/agent/tickets/4711 wants a refund of 25 EUR, id 3f2a9c1e',
      ),
    ).toBe('customer on wants a refund of # eur id');
  });

  it('keeps at most 60 words and 400 characters, and answers undefined when too little is left', () => {
    expect(scrubRequestText('word '.repeat(100))!.split(' ')).toHaveLength(MAX_REQUEST_WORDS);
    expect(scrubRequestText('abcdefghij '.repeat(60))!.length).toBeLessThanOrEqual(
      MAX_REQUEST_CHARS,
    );
    expect(scrubRequestText('ok jane@example.com 555-0134-2222')).toBeUndefined();
  });

  it('is idempotent: the server accepts exactly what the device sends', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 600 }), (raw) => {
        const once = scrubRequestText(raw);
        expect(once === undefined ? undefined : scrubRequestText(once)).toBe(once);
      }),
    );
  });
});

describe('parseContentRequests', () => {
  const good = {
    id: '0c0ffee0-0000-4000-8000-000000000001',
    day: '2026-06-10',
    text: 'how do i merge tickets',
  };

  it('rejects a request naming a user, with words not scrubbed, or from outside the days kept, by index', () => {
    const parsed = parseContentRequests(
      {
        requests: [
          good,
          { ...good, user: 'ana@example.com' },
          { ...good, text: 'How do I merge tickets' },
          { ...good, day: '2026-06-17' },
          null,
        ],
      },
      '2026-06-15',
    );
    expect(parsed).toEqual({
      ok: true,
      requests: [good],
      rejected: [
        { index: 1, id: good.id, detail: expect.stringContaining('user') as string },
        { index: 2, id: good.id, detail: 'text: the words are not normalised and scrubbed' },
        { index: 3, id: good.id, detail: 'day: 2026-06-17 is in the future' },
        { index: 4, detail: expect.any(String) as string },
      ],
    });
  });

  it('fails the whole body for an unknown top-level field or no requests', () => {
    expect(parseContentRequests({ requests: [good], install: 'x' }, '2026-06-15').ok).toBe(false);
    expect(parseContentRequests({ requests: [] }, '2026-06-15').ok).toBe(false);
  });
});
