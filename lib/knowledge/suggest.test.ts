import { describe, expect, it } from 'vitest';
import type { Item } from '@/lib/content-model';
import type { Detection } from '@/lib/context';
import { buildIndex, itemToSearchDoc } from '@/lib/search';
import { suggestForPage } from './suggest';
import { relatedTerms } from './support-vocabulary';
import { deskArticle } from './test-fixture';

const article = deskArticle;
const ITEMS = [
  article('refunds', 'Refund an order', { tags: ['refunds', 'billing'] }),
  article('returns', 'Returns policy', { summary: 'The return window and who pays postage.' }),
  article('login', 'Customer cannot sign in', { tags: ['login', 'password'] }),
  article('merge', 'Merge duplicate tickets'),
  article('desk-wide', 'Desk basics', { targeting: { apps: ['desk'] } }),
  article('company', 'Company holiday calendar', { targeting: {} }),
];
const index = buildIndex(ITEMS.map(itemToSearchDoc));
const page = (subject?: string): Detection => ({
  app: 'desk',
  screen: 'ticket',
  record: { type: 'ticket', id: '1' },
  context: subject === undefined ? {} : { subject },
});
const ids = (list: { item: Item }[]) => list.map((s) => s.item.id);

describe('suggestForPage', () => {
  it('puts the clear matches for the subject first, saying which of its words they match', () => {
    const { relevant, more } = suggestForPage(ITEMS, page('Refund for order 4411?'), index);
    expect(ids(relevant)[0]).toBe('refunds');
    expect(relevant[0]?.matches).toEqual(['refund', 'order']);
    expect(relevant[0]?.exactScreen).toBe(true);
    expect(ids(more)).toContain('merge');
  });

  it('ignores order numbers and filler words: a subject of nothing else is as good as none', () => {
    const filler = suggestForPage(ITEMS, page('Re: help needed #4411'), index);
    expect([...filler.relevant, ...filler.more].every((s) => s.matches.length === 0)).toBe(true);
    expect(ids(filler.relevant)).toEqual(ids(suggestForPage(ITEMS, page(), index).relevant));
  });

  it('finds an item through what people write for its topic ("locked out" → sign in)', () => {
    const { relevant } = suggestForPage(ITEMS, page('Locked out of my account'), index);
    expect(ids(relevant)[0]).toBe('login');
    expect(relevant[0]?.matches).toContain('login');
    // Words from the vocabulary are shown as words, never as index keys.
    const dup = suggestForPage(ITEMS, page('Same request logged twice'), index).relevant[0];
    expect(dup?.item.id).toBe('merge');
    expect(dup?.matches).toContain('duplicate');
  });

  it('leaves company-wide items out unless the subject is about them', () => {
    const all = (s: string) => {
      const r = suggestForPage(ITEMS, page(s), index);
      return ids([...r.relevant, ...r.more]);
    };
    expect(all('Refund please')).not.toContain('company');
    expect(all('Is the office closed on the holiday?')).toContain('company');
  });

  it('with no subject, lists what is aimed at this screen as relevant and app-wide items after', () => {
    const { relevant, more } = suggestForPage(ITEMS, page(), index);
    expect(ids(relevant)).not.toContain('desk-wide');
    expect(relevant.length).toBeGreaterThan(0);
    expect(ids(more)).toContain('desk-wide');
  });
});

describe('relatedTerms', () => {
  it('adds the knowledge words for what people write, by word and by phrase', () => {
    expect(relatedTerms('I want my money back')).toContain('refund');
    expect(relatedTerms('Checkout is down for everyone')).toEqual(
      expect.arrayContaining(['outag', 'incident']),
    );
    expect(relatedTerms('Same request logged twice')).toContain('duplicat');
  });

  it('does not treat a phrase’s words apart ("log in" is not "logged")', () => {
    expect(relatedTerms('Call logged by the team')).not.toContain('login');
  });
});
