import { describe, expect, it } from 'vitest';
import type { Item } from '@/lib/content-model';
import type { Detection } from '@/lib/context';
import { buildIndex, itemToSearchDoc } from '@/lib/search';
import { MAX_RELEVANT, suggestForPage, type Suggestion } from './suggest';
import { deskArticle, publishedItem } from './test-fixture';

/** What decides a page's suggestions, case by case (suggest.test.ts covers the common paths). */
const item = (fields: Record<string, unknown>): Item =>
  publishedItem({ targeting: { apps: ['desk'], screens: ['desk:ticket'] }, ...fields });
const article = deskArticle;

const ITEMS = [
  article('p45', 'P45 replacement'),
  article('fourg', '4G signal troubleshooting'),
  article('warranty', '12 month warranty'),
  article('tagged', 'Card payments', { tags: ['chargeback'] }),
  article('summary', 'Card basics', { summary: 'What a chargeback costs us.' }),
  article('titled', 'Chargeback basics'),
  article('other-screen', 'Order notes', { targeting: { apps: ['desk'], screens: ['desk:user'] } }),
  article('invoice', 'Invoice layout', {
    body: 'Reprint an invoice. A refund shows as a credit note.',
    targeting: { apps: ['desk'], screens: ['desk:user'] },
  }),
  item({
    id: 'user-tip',
    type: 'tip',
    title: 'User tip',
    body: 'Check the email first.',
    targeting: { apps: ['desk'], screens: ['desk:user'] },
  }),
  item({
    id: 'tip',
    type: 'tip',
    title: 'Priority field',
    body: 'Set the priority first.',
  }),
  item({
    id: 'lesson',
    type: 'lesson',
    title: 'Onboarding',
    body: 'Welcome',
    objectives: ['Know the desk'],
    steps: [
      { title: 'A', body: 'Disputes come later' },
      { title: 'B', body: 'Then escalations' },
    ],
  }),
];
const index = buildIndex(ITEMS.map(itemToSearchDoc));
const page = (subject?: string, screen: string | null = 'ticket'): Detection => ({
  app: 'desk',
  screen,
  record: { type: 'ticket', id: '1' },
  context: subject === undefined ? {} : { subject },
});
const ids = (list: Suggestion[]) => list.map((s) => s.item.id);
const suggest = (subject?: string, screen?: string | null) =>
  suggestForPage(ITEMS, page(subject, screen), index);
const find = (subject: string, id: string) => {
  const { relevant, more } = suggest(subject);
  return [...relevant, ...more].find((s) => s.item.id === id);
};

describe('suggestForPage: which words of the subject count', () => {
  it('counts a short code with letters (P45, 4G) as a topic word', () => {
    expect(ids(suggest('Lost my P45').relevant)).toEqual(['p45']);
    expect(suggest('Lost my P45').relevant[0]?.matches).toEqual(['p45']);
    expect(suggest('No 4G signal').relevant[0]?.matches).toEqual(['4g', 'signal']);
  });

  it('ignores a number however short: "12" matches nothing and counts as no subject', () => {
    expect(find('12', 'warranty')?.matches).toEqual([]);
    expect(ids(suggest('12').relevant)).toEqual(ids(suggest().relevant));
    expect(
      [...suggest('12').relevant, ...suggest('12').more].every((s) => s.matches.length === 0),
    ).toBe(true);
  });

  it('matches words in a lesson’s steps, not only its introduction', () => {
    expect(find('disputes and escalations', 'lesson')?.matches).toEqual([
      'disputes',
      'escalations',
    ]);
    expect(find('welcome', 'lesson')?.matches).toEqual(['welcome']);
  });
});

describe('suggestForPage: what is relevant now', () => {
  it('with no subject, lists four items aimed at this screen (tips aside): articles, then by title', () => {
    const { relevant, more } = suggest();
    expect(MAX_RELEVANT).toBe(4);
    // Without text, articles come before lessons, items for this screen before the app's others,
    // and equal ones go by title: 12…, 4G…, Card basics, Card payments, P45….
    expect(ids(relevant)).toEqual(['warranty', 'fourg', 'summary', 'tagged']);
    expect(ids(more)).toEqual([
      'titled',
      'p45',
      'lesson',
      'invoice',
      'other-screen',
      'tip',
      'user-tip',
    ]);
  });

  it('never counts an item without a matching word as relevant, however the subject reads', () => {
    const { relevant } = suggest('chargeback');
    expect(ids(relevant).sort()).toEqual(['summary', 'tagged', 'titled']);
    expect(relevant.every((s) => s.matches.includes('chargeback'))).toBe(true);
  });

  it('ranks the word in a title first, then among the tags, then in the summary', () => {
    expect(ids(suggest('chargeback').relevant)).toEqual(['titled', 'tagged', 'summary']);
  });

  it('on a screen with few items, lists only those aimed at it (tips aside) when there is no subject', () => {
    const { relevant, more } = suggest(undefined, 'user');
    expect(ids(relevant)).toEqual(['invoice', 'other-screen']);
    expect(ids(more)).toContain('user-tip');
  });

  it('on an app page of no known screen, calls nothing relevant or exact without a subject', () => {
    const { relevant, more } = suggest(undefined, null);
    expect(relevant).toEqual([]);
    expect(more.some((s) => s.exactScreen)).toBe(false);
  });

  it('returns nothing for a page without items', () => {
    expect(suggestForPage([], page('refund'), index)).toEqual({ relevant: [], more: [] });
  });

  it('does not show a vocabulary word an item has only in its body as a match', () => {
    // "money back" → refund; the invoice item says "refund" in its body only.
    expect(find('money back', 'invoice')?.matches).toEqual([]);
    expect(suggest('money back').relevant).toEqual([]);
  });

  it('shows at most four matched words, in the subject’s order', () => {
    const best = suggest('reprint invoice refund credit note layout', 'user').relevant[0];
    expect(best?.item.id).toBe('invoice');
    expect(best?.matches).toEqual(['reprint', 'invoice', 'refund', 'credit']);
  });

  it('leaves a weak match beside a much stronger one out of "relevant now"', () => {
    const { relevant, more } = suggest('reprint invoice refund credit note layout', 'user');
    expect(ids(relevant)).toEqual(['invoice']);
    expect(more[0]?.item.id).toBe('other-screen');
    expect(more[0]?.matches).toEqual(['note']);
  });

  it('flags only items aimed at this very screen as exact', () => {
    expect(find('order notes', 'other-screen')?.exactScreen).toBe(false);
    expect(find('order notes', 'p45')?.exactScreen).toBe(true);
  });

  it('ranks the best text match first and returns every fitting item once', () => {
    const { relevant, more } = suggest('order notes');
    expect(ids(relevant)).toEqual(['other-screen']);
    expect([...ids(relevant), ...ids(more)].sort()).toEqual(ITEMS.map((i) => i.id).sort());
  });
});
