import { describe, expect, it } from 'vitest';
import { itemSchema, type Item } from '@/lib/content-model';
import type { Detection } from '@/lib/context';
import { contextQuery, fitsAudience, fitsPage, needsVerification } from './page-ranking';

/** One published article whose targeting is exactly `targeting` (empty lists otherwise). */
function targeted(targeting: Record<string, string[]>, status = 'published'): Item {
  return itemSchema.parse({
    type: 'article',
    template: 'how-to',
    id: 'refunds',
    title: 'Refund an order',
    body: 'How to refund.',
    owner: 'ops@example.com',
    status,
    verify_by: '2027-01-01',
    updated_at: '2026-11-01',
    version: 1,
    targeting: { apps: [], screens: [], roles: [], teams: [], ...targeting },
  });
}
const page = (app: string | null, screen: string | null = null): Detection => ({
  app,
  screen,
  record: null,
  context: {},
});

describe('fitsPage', () => {
  it('takes an item for every app on any app page, and none when no app was detected', () => {
    expect(fitsPage(targeted({}), page('zendesk', 'ticket'))).toBe(true);
    expect(fitsPage(targeted({}), page(null))).toBe(false);
  });

  it('takes an app-targeted item only on that app', () => {
    const item = targeted({ apps: ['zendesk'] });
    expect(fitsPage(item, page('zendesk', 'ticket'))).toBe(true);
    expect(fitsPage(item, page('zendesk', null))).toBe(true);
    expect(fitsPage(item, page('salesforce', 'case'))).toBe(false);
  });

  it('takes a screen-targeted item only on that screen of its app', () => {
    const item = targeted({ apps: ['zendesk'], screens: ['zendesk:ticket'] });
    expect(fitsPage(item, page('zendesk', 'ticket'))).toBe(true);
    expect(fitsPage(item, page('zendesk', 'views'))).toBe(false);
    expect(fitsPage(item, page('zendesk', null))).toBe(false);
    // A page with no screen never matches a screen, not even one whose id reads "null".
    expect(fitsPage(targeted({ screens: ['zendesk:null'] }), page('zendesk', null))).toBe(false);
  });

  it('reads screens of another app as no limit on this one only when the item names this app', () => {
    expect(fitsPage(targeted({ screens: ['salesforce:case'] }), page('zendesk', 'ticket'))).toBe(
      false,
    );
    const both = targeted({ apps: ['zendesk', 'salesforce'], screens: ['salesforce:case'] });
    expect(fitsPage(both, page('zendesk', 'ticket'))).toBe(true);
    expect(fitsPage(both, page('salesforce', 'case'))).toBe(true);
    expect(fitsPage(both, page('salesforce', 'lead'))).toBe(false);
  });

  it.each(['draft', 'in_review', 'archived'])('never takes a %s item', (status) => {
    expect(fitsPage(targeted({}, status), page('zendesk', 'ticket'))).toBe(false);
  });
});

describe('fitsAudience', () => {
  it('takes an item with no roles and no teams for everyone', () => {
    expect(fitsAudience(targeted({}), { role: 'agent', team: 'emea' })).toBe(true);
    expect(fitsAudience(targeted({}), {})).toBe(true);
  });

  it('takes a role-targeted item for that role only, whatever the team', () => {
    const item = targeted({ roles: ['supervisor'] });
    expect(fitsAudience(item, { role: 'supervisor', team: 'emea' })).toBe(true);
    expect(fitsAudience(item, { role: 'agent', team: 'emea' })).toBe(false);
    expect(fitsAudience(item, { role: 'agent' })).toBe(false);
  });

  it('takes a team-targeted item for that team only, whatever the role', () => {
    const item = targeted({ teams: ['emea'] });
    expect(fitsAudience(item, { role: 'agent', team: 'emea' })).toBe(true);
    expect(fitsAudience(item, { role: 'agent', team: 'apac' })).toBe(false);
    expect(fitsAudience(item, { team: 'apac' })).toBe(false);
  });

  it('needs both the role and the team when the item names both', () => {
    const item = targeted({ roles: ['supervisor'], teams: ['emea'] });
    expect(fitsAudience(item, { role: 'supervisor', team: 'emea' })).toBe(true);
    expect(fitsAudience(item, { role: 'supervisor', team: 'apac' })).toBe(false);
    expect(fitsAudience(item, { role: 'agent', team: 'emea' })).toBe(false);
  });

  it('shows a learner who has not said their role or team the items for every role or team', () => {
    const item = targeted({ roles: ['supervisor'], teams: ['emea'] });
    expect(fitsAudience(item, {})).toBe(true);
    expect(fitsAudience(item, { team: 'emea' })).toBe(true);
    expect(fitsAudience(item, { role: 'supervisor' })).toBe(true);
    expect(fitsAudience(item, { team: 'apac' })).toBe(false);
    expect(fitsAudience(item, { role: 'agent' })).toBe(false);
  });
});

describe('needsVerification', () => {
  it('is true from the day after the verify-by date (UTC), not on it', () => {
    const item = targeted({}); // verify_by 2027-01-01
    expect(needsVerification(item, new Date('2027-01-01T23:59:59.999Z'))).toBe(false);
    expect(needsVerification(item, new Date('2027-01-02T00:00:00.000Z'))).toBe(true);
    expect(needsVerification({ ...item, verify_by: undefined }, new Date('2099-01-01'))).toBe(
      false,
    );
  });
});

describe('contextQuery', () => {
  it('puts the subject first, skips empty values and stops at 500 characters', () => {
    const detection = { ...page('zendesk'), context: { product: 'Gift card', subject: 'Refund' } };
    expect(contextQuery(detection)).toBe('Refund Gift card');
    expect(contextQuery({ ...page('zendesk'), context: { subject: '', product: 'X' } })).toBe('X');
    expect(
      contextQuery({ ...page('zendesk'), context: { subject: 'a'.repeat(600) } }),
    ).toHaveLength(500);
  });
});
