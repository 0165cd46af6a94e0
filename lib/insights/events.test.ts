import { describe, expect, it } from 'vitest';
import { insightEventSchema } from './events';
import { eventTypes } from './event-types';
import { day, sampleEvents } from './test-events';

describe('insightEventSchema', () => {
  it('accepts one valid event of every type', () => {
    for (const event of sampleEvents) expect(insightEventSchema.parse(event)).toEqual(event);
    expect(new Set(sampleEvents.map((e) => e.type))).toEqual(new Set(Object.keys(eventTypes)));
  });

  it.each(sampleEvents.map((e) => [e.type, e] as const))(
    'refuses a %s event carrying a field it does not declare',
    (_type, event) => {
      expect(
        insightEventSchema.safeParse({ ...event, url: 'https://acme.example/t/1' }).success,
      ).toBe(false);
    },
  );

  it('refuses app, screen and item names that are not slugs', () => {
    const shown = sampleEvents[0]!;
    expect(insightEventSchema.safeParse({ ...shown, item: 'Refund for Jane' }).success).toBe(false);
    expect(insightEventSchema.safeParse({ ...shown, app: 'acme.zendesk.com' }).success).toBe(false);
  });

  it('refuses a search that opened a result and still carries words', () => {
    const search = { type: 'search', v: 1, day, hour: 1, results: '2-5', ended: 'open', opened: 1 };
    expect(insightEventSchema.safeParse(search).success).toBe(true);
    expect(insightEventSchema.safeParse({ ...search, query: 'refund' }).success).toBe(false);
  });

  it('refuses search words that are not scrubbed', () => {
    const search = { type: 'search', v: 1, day, hour: 1, results: '0', ended: 'idle' };
    expect(insightEventSchema.safeParse({ ...search, query: 'refund 4711' }).success).toBe(false);
    expect(insightEventSchema.safeParse({ ...search, query: 'Refund' }).success).toBe(false);
    expect(insightEventSchema.safeParse({ ...search, query: 'refund #' }).success).toBe(true);
  });

  it('refuses a feedback reason that does not go with the answer', () => {
    const yes = { type: 'feedback', v: 1, day, item: 'a', helpful: true };
    expect(insightEventSchema.safeParse({ ...yes, reason: 'outdated' }).success).toBe(false);
    expect(insightEventSchema.safeParse({ ...yes, reason: 'solved-it' }).success).toBe(true);
    const replaces = { helpful: true, reason: 'unclear' };
    expect(insightEventSchema.safeParse({ ...yes, replaces }).success).toBe(false);
  });

  it('refuses a record that is not a 22-character hash', () => {
    const view = sampleEvents.find((e) => e.type === 'record_guidance')!;
    expect(insightEventSchema.safeParse({ ...view, record: '4711' }).success).toBe(false);
  });
});
