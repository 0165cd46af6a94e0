import { describe, expect, it } from 'vitest';
import { sampleEvents } from './test-events';
import {
  applyPolicy,
  collectionPolicy,
  DEFAULT_ANALYTICS_LEVEL,
  readAnalyticsPolicy,
  sendsAnything,
  type CollectionInputs,
} from './policy';
import type { FirefoxDataCategory } from './event-types';

const inputs = (over: Partial<CollectionInputs> = {}): CollectionInputs => ({
  level: 'aggregate',
  usageOptedOut: false,
  optOutAllowed: true,
  hasImpactKey: false,
  ...over,
});
const allowedTypes = (over: Partial<CollectionInputs>) => {
  const policy = collectionPolicy(inputs(over));
  return sampleEvents.filter((e) => applyPolicy(policy, e) !== undefined).map((e) => e.type);
};
const usageTypes = [
  'suggestion_shown',
  'suggestion_opened',
  'item_read',
  'search',
  'feedback',
  'tip_shown',
  'tip_dismissed',
  'tip_unresolved',
  'record_view',
];
const learningTypes = ['lesson_step', 'lesson_completed', 'quiz_answer', 'path_completed'];

describe('collectionPolicy and applyPolicy', () => {
  it('sends nothing at level off', () => {
    expect(allowedTypes({ level: 'off' })).toEqual([]);
    expect(sendsAnything(collectionPolicy(inputs({ level: 'off' })))).toBe(false);
  });

  it('sends anonymous usage and drops at level aggregate, no learning records', () => {
    expect(allowedTypes({ level: 'aggregate' }).sort()).toEqual(
      [...usageTypes, 'outbox_dropped'].sort(),
    );
  });

  it('adds the named learning records at level learning', () => {
    expect(allowedTypes({ level: 'learning' }).sort()).toEqual(
      [...usageTypes, ...learningTypes, 'outbox_dropped'].sort(),
    );
  });

  it('sends anonymous usage and drops, nothing named, without a managed policy', () => {
    expect(allowedTypes({ level: DEFAULT_ANALYTICS_LEVEL }).sort()).toEqual(
      [...usageTypes, 'outbox_dropped'].sort(),
    );
    expect(sendsAnything(collectionPolicy(inputs()))).toBe(true);
  });

  it('sends every event type at level impact with an organisation key', () => {
    expect(allowedTypes({ level: 'impact', hasImpactKey: true }).sort()).toEqual(
      [...usageTypes, ...learningTypes, 'record_guidance', 'outbox_dropped'].sort(),
    );
  });

  it('adds record hashes at level impact only with an organisation key', () => {
    expect(allowedTypes({ level: 'impact' })).not.toContain('record_guidance');
    expect(allowedTypes({ level: 'impact', hasImpactKey: true })).toContain('record_guidance');
  });

  it('keeps learning records but no usage when the user opted out', () => {
    expect(
      allowedTypes({ level: 'impact', hasImpactKey: true, usageOptedOut: true }).sort(),
    ).toEqual([...learningTypes, 'outbox_dropped'].sort());
  });

  it('sends nothing at all when the user opted out at level aggregate', () => {
    expect(allowedTypes({ usageOptedOut: true })).toEqual([]);
  });

  it('ignores the opt-out when the policy does not allow it', () => {
    expect(allowedTypes({ usageOptedOut: true, optOutAllowed: false })).toContain('search');
  });

  it('in Firefox, sends only what the user consented to and leaves out search words without searchTerms', () => {
    const consent = new Set<FirefoxDataCategory>(['technicalAndInteraction']);
    const policy = collectionPolicy(inputs({ browserConsent: consent }));
    const search = sampleEvents.find((e) => e.type === 'search')!;
    expect(applyPolicy(policy, search)).toEqual({
      type: 'search',
      v: 1,
      day: search.day,
      hour: 9,
      results: '0',
      ended: 'idle',
    });
    expect(
      applyPolicy(
        policy,
        sampleEvents.find((e) => e.type === 'record_view')!,
      ),
    ).toBeUndefined();
    const all = collectionPolicy(
      inputs({
        browserConsent: new Set(['technicalAndInteraction', 'searchTerms', 'browsingActivity']),
      }),
    );
    expect(applyPolicy(all, search)).toEqual(search);
  });
});

describe('readAnalyticsPolicy', () => {
  it('reads each key on its own: a bad key does not undo a valid level', () => {
    expect(readAnalyticsPolicy({ analytics: 'off', impactRecordKey: 'short' })).toEqual({
      analytics: 'off',
      problems: ['impactRecordKey: Too small: expected string to have >=32 characters'],
    });
  });

  it('fails closed: an unreadable level means off', () => {
    expect(
      readAnalyticsPolicy({ analytics: 'everything', analyticsUserOptOut: false }),
    ).toMatchObject({
      analytics: 'off',
      analyticsUserOptOut: false,
    });
  });

  it('returns nothing set when there is no policy', () => {
    expect(readAnalyticsPolicy(undefined)).toStrictEqual({ problems: [] });
    expect(readAnalyticsPolicy(null)).toStrictEqual({ problems: [] });
    expect(readAnalyticsPolicy({})).toStrictEqual({ problems: [] });
  });

  it('returns a valid organisation key of 32 to 512 characters, and refuses a longer one', () => {
    const key = 'k'.repeat(40);
    expect(readAnalyticsPolicy({ analytics: 'impact', impactRecordKey: key })).toStrictEqual({
      analytics: 'impact',
      impactRecordKey: key,
      problems: [],
    });
    expect(readAnalyticsPolicy({ impactRecordKey: 'k'.repeat(513) })).toStrictEqual({
      problems: ['impactRecordKey: Too big: expected string to have <=512 characters'],
    });
  });
});
