import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { insightEventSchema, type InsightEvent } from '@/lib/insights';
import { sampleEvents } from '@/lib/insights/test-events';
import { decodeEvent, encodeEvent, formatFields, layouts, namesOf } from './event-codec';

/** Encodes with a names table made on the spot, then decodes with it. */
function roundTrip(event: InsightEvent): InsightEvent {
  const encoded = encodeEvent(event);
  const ids = new Map(namesOf(encoded).map((name, i) => [name, i + 1]));
  const names = new Map([...ids].map(([name, id]) => [id, name]));
  const f = formatFields(encoded.fields, (name) => ids.get(name)!);
  return decodeEvent({ day: encoded.day, type: encoded.type, f, query: encoded.query }, (id) =>
    names.get(id)!,
  );
}

describe('the raw event codec', () => {
  it('decodes every sample event to exactly what was encoded', () => {
    for (const event of sampleEvents) expect(roundTrip(event)).toEqual(event);
  });

  it('keeps optional fields absent and nested answers whole', () => {
    const changed: InsightEvent = {
      type: 'feedback',
      v: 1,
      day: '2026-06-15',
      item: 'refunds',
      helpful: true,
      replaces: { helpful: false, reason: 'outdated' },
    };
    expect(roundTrip(changed)).toEqual(changed);
    const opened: InsightEvent = {
      type: 'suggestion_opened',
      v: 1,
      day: '2026-06-15',
      hour: 0,
      item: 'a',
      source: 'tip',
    };
    expect(roundTrip(opened)).toEqual(opened);
  });

  it('gives every event type its own code', () => {
    const codes = Object.values(layouts).map((l) => l.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('round-trips any valid search, quiz answer and tip event (property)', () => {
    const slug = fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}$/);
    const day = fc
      .integer({ min: 0, max: 3000 })
      .map((n) => new Date(Date.UTC(2024, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    const event = fc.oneof(
      fc.record(
        {
          type: fc.constant('search' as const),
          v: fc.constant(1 as const),
          day,
          hour: fc.integer({ min: 0, max: 23 }),
          app: fc.option(slug, { nil: undefined }),
          screen: fc.option(slug, { nil: undefined }),
          results: fc.constantFrom('0', '1', '2-5', '6-10', '11+'),
          ended: fc.constantFrom('open', 'close', 'idle'),
          query: fc.option(fc.constantFrom('merge tickets', 'refund #', 'sla breach'), {
            nil: undefined,
          }),
        },
        { requiredKeys: ['type', 'v', 'day', 'hour', 'results', 'ended'] },
      ),
      fc.record({
        type: fc.constant('quiz_answer' as const),
        v: fc.constant(1 as const),
        day,
        lesson: slug,
        question: slug,
        choices: fc.array(slug, { minLength: 1, maxLength: 4 }),
        correct: fc.boolean(),
        attempt: fc.integer({ min: 1, max: 9 }),
      }),
      fc.record(
        {
          type: fc.constantFrom('tip_shown' as const, 'tip_unresolved' as const),
          v: fc.constant(1 as const),
          day,
          app: slug,
          screen: fc.option(slug, { nil: undefined }),
          tip: slug,
          count: fc.integer({ min: 1, max: 1_000_000 }),
        },
        { requiredKeys: ['type', 'v', 'day', 'app', 'tip', 'count'] },
      ),
    );
    fc.assert(
      fc.property(event, (raw) => {
        const parsed = insightEventSchema.safeParse(raw);
        fc.pre(parsed.success);
        expect(roundTrip(parsed.data)).toEqual(parsed.data);
      }),
    );
  });
});
