import { describe, expect, it } from 'vitest';
import type { Detection } from '@/lib/context';
import { buildIndex, itemToSearchDoc } from '@/lib/search';
import { suggestForPage, type Suggestion } from './suggest';
import { deskArticle, publishedItem } from './test-fixture';

/**
 * Scores worked out by hand from suggest.ts's weights, on corpora small enough to count:
 *   score = relevance + 0.6 × min(1.5, about) + 0.04 (aimed at this screen) + 0.04 (article)
 *   relevance = √(text score / best text score on the page) — 1 for the page's best, or its only, item
 *   about = Σ hit × idf over the subject's words (+ ½ × the same over vocabulary words) / Σ idf
 *           of the subject's words, hit = 1 in title or summary, + 2 among the tags
 *   idf = ln(1 + (N − df + 0.5) / (df + 0.5)), N documents in the index, df of them holding the word
 * Each test uses items of its own: suggest.ts keeps an item's words once computed, so the test
 * that computes them first is the one that checks how.
 */
const article = deskArticle;
const page = (subject: string, screen: string | null = 'ticket', app: string | null = 'desk') =>
  ({ app, screen, record: null, context: { subject } }) satisfies Detection;
const ids = (list: Suggestion[]) => list.map((s) => s.item.id);
const scores = (list: Suggestion[]) => list.map((s) => Number(s.score.toFixed(6)));

describe('suggestForPage: the title, tags and summary part of a score', () => {
  // N = 4. "printer" is in 3 documents, "toner" in 1; "money", "back" in none, "refund" in 1.
  const CORPUS = [
    article('toner-swap', 'Replace the toner'),
    article('printer-jam', 'Printer paper jam'),
    article('printer-driver', 'Printer driver install'),
    article('printer-refund', 'Printer refund'),
  ];
  const index = buildIndex(CORPUS.map(itemToSearchDoc));

  it('weighs each subject word by its rarity: the rare word in a title is most of the subject', () => {
    // idf(toner) = ln(1 + 3.5/1.5) = 1.203973, idf(printer) = ln(1 + 1.5/3.5) = 0.356675;
    // about = 1.203973 / 1.560648 = 0.771457; score = 1 + 0.462874 + 0.04 + 0.04.
    const { relevant } = suggestForPage([CORPUS[0]!], page('Printer toner'), index);
    expect(ids(relevant)).toEqual(['toner-swap']);
    expect(relevant[0]?.score).toBeCloseTo(1.542874, 5);
  });

  it('leaves a code of letters and digits (PR2041) out of the subject: the same score as without it', () => {
    // Were "pr2041" a subject word (idf ln 10, in no document), about would fall to 0.311.
    const { relevant } = suggestForPage([CORPUS[0]!], page('Printer toner PR2041'), index);
    expect(relevant[0]?.matches).toEqual(['toner']);
    expect(relevant[0]?.score).toBeCloseTo(1.542874, 5);
  });

  it('counts a vocabulary word ("money back" → refund) at half a written word', () => {
    // own words money, back: idf = ln(1 + 4.5/0.5) = 2.302585 each; refund: 1.203973.
    // about = 0.5 × 1.203973 / 4.605170 = 0.130719; score = 1 + 0.078432 + 0.08.
    const { relevant } = suggestForPage([CORPUS[3]!], page('Money back please'), index);
    expect(ids(relevant)).toEqual(['printer-refund']);
    expect(relevant[0]?.matches).toEqual(['refund']);
    expect(relevant[0]?.score).toBeCloseTo(1.158432, 5);
  });
});

describe('suggestForPage: which of an item’s words it is matched on', () => {
  const LESSON = publishedItem({
    id: 'first-shift',
    type: 'lesson',
    title: 'Your first shift',
    body: 'Start with the queue',
    objectives: ['Work the queue'],
    steps: [
      { title: 'Escalate', body: 'Escalations go to tier two' },
      { title: 'Close', body: 'Close solved tickets' },
    ],
    targeting: { apps: ['desk'], screens: ['desk:ticket'] },
  });
  const CORPUS = [
    LESSON,
    article('handover', 'Handover notes', { body: 'Escalations need a ticket link.' }),
    article('keypad', 'Locker help', { tags: ['locker', 'keypad'] }),
  ];
  const index = buildIndex(CORPUS.map(itemToSearchDoc));

  it('matches a lesson’s introduction and each of its steps, and an article’s body', () => {
    const pageItems = [LESSON, CORPUS[1]!];
    const { relevant, more } = suggestForPage(pageItems, page('queue escalations'), index);
    const matches = Object.fromEntries([...relevant, ...more].map((s) => [s.item.id, s.matches]));
    expect(matches).toEqual({
      'first-shift': ['queue', 'escalations'],
      handover: ['escalations'],
    });
  });

  it('counts any of an item’s tags, each twice a title word (capped at 1.5)', () => {
    // about = 2 × idf(keypad) / idf(keypad) = 2, capped at 1.5: score = 1 + 0.9 + 0.04 + 0.04.
    const { relevant } = suggestForPage([CORPUS[2]!], page('keypad'), index);
    expect(ids(relevant)).toEqual(['keypad']);
    expect(relevant[0]?.matches).toEqual(['keypad']);
    expect(relevant[0]?.score).toBeCloseTo(1.98, 6);
  });
});

describe('suggestForPage: this app and this screen', () => {
  // One text, four targetings. The meaning re-rank is off here: it rescales the hits and adds
  // a similarity, where without it a hit's score is its BM25F score × the search's boost for
  // this screen (1.3) or this app (1.15), so the twins' text scores differ by the boost alone.
  const twin = (id: string, targeting: Record<string, unknown>) =>
    article(id, 'Locker code', { targeting });
  const SCREEN = twin('locker-screen', { apps: ['desk'], screens: ['desk:ticket'] });
  const APP = twin('locker-app', { apps: ['desk'] });
  const COMPANY = twin('locker-company', {});
  const NULL_SCREEN = twin('locker-null', { apps: ['desk'], screens: ['desk:null'] });
  const index = buildIndex([SCREEN, APP, COMPANY, NULL_SCREEN].map(itemToSearchDoc), {
    semantic: false,
  });

  it('lifts an item aimed at this screen over its app-wide twin, and that over a company-wide one', () => {
    // Both words in every title: about = 1 (0.6). relevance: 1, √(1.15/1.3) = 0.940540,
    // √(1/1.3) = 0.877058; only the first is aimed at this screen (+0.04); all are articles.
    const { relevant } = suggestForPage([COMPANY, APP, SCREEN], page('locker code'), index);
    expect(ids(relevant)).toEqual(['locker-screen', 'locker-app', 'locker-company']);
    expect(scores(relevant)).toEqual([1.68, 1.58054, 1.517058]);
  });

  it('on an app page of no known screen, counts no item as aimed at it (not even a screen named "null")', () => {
    // Both get the app's boost only: relevance 1 each, score 1 + 0.6 + 0.04.
    const { relevant } = suggestForPage([NULL_SCREEN, APP], page('locker code', null), index);
    expect(scores(relevant)).toEqual([1.64, 1.64]);
    expect(relevant.map((s) => s.exactScreen)).toEqual([false, false]);
  });

  it('on a page of no known app, suggests nothing, however well the subject matches', () => {
    const off = page('locker code', null, null);
    expect(suggestForPage([COMPANY], off, index)).toEqual({ relevant: [], more: [] });
  });
});

describe('suggestForPage: items the search index does not hold yet', () => {
  // An index built before a sync brought these items: no text score, so the title alone decides.
  // N = 0: every word's idf is ln 2, and about is the share of the subject's words in the title.
  const tip = (id: string, title: string) =>
    publishedItem({ id, type: 'tip', title, body: 'See the desk.', targeting: { apps: ['desk'] } });
  const FULL = tip('locker-reset', 'Reset a locker code');
  const PART = tip('locker-codes', 'Locker code');

  it('calls one relevant only when its words score 0.45: all three words yes, two of three no', () => {
    // Tips get no prior; neither is aimed at this screen: scores 0.6 × 3/3 and 0.6 × 2/3. The
    // second clears 55 % of the best (0.33) but not the floor of 0.45.
    const { relevant, more } = suggestForPage(
      [PART, FULL],
      page('locker code reset'),
      buildIndex([]),
    );
    expect(ids(relevant)).toEqual(['locker-reset']);
    expect(ids(more)).toEqual(['locker-codes']);
    expect(scores([...relevant, ...more])).toEqual([0.6, 0.4]);
    expect(more[0]?.matches).toEqual(['locker', 'code']);
  });
});
