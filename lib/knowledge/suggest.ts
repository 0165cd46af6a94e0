import type { Item } from '@/lib/content-model';
import type { Detection } from '@/lib/context';
import { stripMarkdown, type SearchIndex } from '@/lib/search';
import { tokens, type Token } from '@/lib/search/tokenize';
import { contextQuery } from './page-ranking';
import { relatedTerms, vocabularyWord } from './support-vocabulary';

/** One item for a page, with why it is there. */
export interface Suggestion {
  item: Item;
  score: number;
  /** Words of the page's context text the item matches, as written there ("refund", "order"). */
  matches: string[];
  /** The item is aimed at this very screen (not only the app). */
  exactScreen: boolean;
}

export interface PageSuggestions {
  /** The few strong matches for this record, best first: what the launcher counts. */
  relevant: Suggestion[];
  /** Everything else for this screen, ranked. */
  more: Suggestion[];
}

/** At most this many items are "relevant now". */
export const MAX_RELEVANT = 4;
/** A relevant item scores at least this, and at least this share of the best one. */
const MIN_RELEVANT = 0.45;
const RELATIVE_RELEVANT = 0.55;
/** What a vocabulary word (support-vocabulary.ts) counts next to a word actually written. */
const RELATED_WEIGHT = 0.5;
/** How much matching the title, tags or summary adds to full-text relevance. */
const ABOUT_WEIGHT = 0.6;
const EXACT_SCREEN = 0.04;
/** A word among an item's tags counts this much, next to 1 for its title or summary. */
const TAG_WEIGHT = 2;
/**
 * Full-text scores are compressed (square root of the share of the best) before they are added:
 * one rare word in one title ("received") must not bury every other item that matches the
 * subject's topic ("refund").
 */
const RELEVANCE_POWER = 0.5;
/** Articles answer a record's question; lessons teach; tips already sit on their fields. */
const TYPE_PRIOR: Record<Item['type'], number> = {
  article: 0.04,
  lesson: 0.02,
  path: 0,
  tip: 0,
  announcement: 0,
};

/** Order numbers, ticket ids and codes say nothing about the topic ("4411", "#88123", "SUMMER20"). */
const isIdLike = (word: string) => /\d/.test(word) && (word.length > 3 || /^\d+$/.test(word));
/**
 * Words that fill a subject line without naming its topic: greetings, reply and forward
 * prefixes, asking and chasing. Search keeps them (a searcher chose them); a subject did not.
 */
const FILLER = new Set(
  `hi hello hey dear thanks thank re fw fwd aw sv wg urgent asap help need needs needed want
  wants wanted getting having issue issues problem problems question query request regarding re
  still again already yet today yesterday week weeks day days month months ago please pls kindly
  hope someone anyone`.split(/\s+/),
);
const isTopic = (t: Token) => !isIdLike(t.word) && !FILLER.has(t.word);

/** The index keys of an item's short, curated fields, and of all its text. */
interface ItemTerms {
  /** Title and summary. */
  about: Set<string>;
  /** Tags: what the item is about, as its author labelled it. */
  tags: Set<string>;
  all: Set<string>;
}
const termCache = new Map<string, ItemTerms>();

function itemTerms(item: Item): ItemTerms {
  const key = `${item.id}@${item.version}@${item.updated_at}`;
  let cached = termCache.get(key);
  if (cached === undefined) {
    const keys = (text: string) => tokens(text).map((t) => t.term);
    const about = new Set(keys(`${item.title} ${item.summary}`));
    const tags = new Set(keys(item.tags.join(' ')));
    const body =
      item.type === 'lesson' ? [item.body, ...item.steps.map((s) => s.body)] : [item.body];
    const all = new Set([...about, ...tags, ...keys(stripMarkdown(body.join('\n')))]);
    cached = { about, tags, all };
    if (termCache.size > 2_000) termCache.clear();
    termCache.set(key, cached);
  }
  return cached;
}

/** Full-text relevance per item id (BM25F over title, summary, tags and body; typo-tolerant). */
function textScores(index: SearchIndex, query: string, detection: Detection): Map<string, number> {
  const scores = new Map<string, number>();
  if (query.trim() === '' || detection.app === null) return scores;
  const screen = detection.screen === null ? undefined : `${detection.app}:${detection.screen}`;
  // A trailing space: the subject is finished text, not a word still being typed.
  for (const hit of index.search(`${query} `, {
    limit: 100,
    boost: { app: detection.app, ...(screen ? { screen } : {}) },
  }))
    scores.set(hit.id, hit.score);
  return scores;
}

/** How rare a key is across the whole index (rarer words say more about a topic). */
function idf(index: SearchIndex, key: string): number {
  const id = index.index.termIds.get(key);
  const df = id === undefined ? 0 : index.index.df(id);
  return Math.log(1 + (index.size - df + 0.5) / (df + 0.5));
}

/**
 * Ranks a page's items for its record: full-text relevance to the context text (the ticket
 * subject), lifted when the words hit the item's title, tags or summary, plus what the support
 * vocabulary relates them to at a discount; then, lightly, items aimed at this exact screen and
 * articles first. The best few clear matches are "relevant now"; the rest are "more for this
 * screen". With no context text nothing is "relevant now" but what is aimed at this exact screen.
 */
export function suggestForPage(
  items: readonly Item[],
  detection: Detection,
  index: SearchIndex,
): PageSuggestions {
  const text = contextQuery(detection);
  const own = tokens(text).filter(isTopic);
  const related = relatedTerms(text);
  const base = textScores(index, own.map((t) => t.word).join(' '), detection);
  const extra = textScores(index, related.join(' '), detection);
  const textScore = (id: string) => (base.get(id) ?? 0) + RELATED_WEIGHT * (extra.get(id) ?? 0);
  const best = Math.max(0, ...items.map((item) => textScore(item.id)));
  const ownKeys = [...new Set(own.map((t) => t.term))];
  const weight = ownKeys.reduce((sum, key) => sum + idf(index, key), 0) || 1;
  const screenRef = detection.screen === null ? undefined : `${detection.app}:${detection.screen}`;

  // Company-wide items (no app) join a page only when its context makes them relevant.
  const fitting = items.filter((item) => item.targeting.apps.length > 0 || textScore(item.id) > 0);
  const ranked = fitting.map((item) => {
    const terms = itemTerms(item);
    // Title and summary count once, tags (the author's own labels of the topic) count more.
    const hit = (key: string) =>
      (terms.about.has(key) ? 1 : 0) + (terms.tags.has(key) ? TAG_WEIGHT : 0);
    const about =
      (ownKeys.reduce((s, k) => s + hit(k) * idf(index, k), 0) +
        RELATED_WEIGHT * related.reduce((s, k) => s + hit(k) * idf(index, k), 0)) /
      weight;
    const exactScreen = screenRef !== undefined && item.targeting.screens.includes(screenRef);
    const relevance = best > 0 ? (textScore(item.id) / best) ** RELEVANCE_POWER : 0;
    const score =
      relevance +
      ABOUT_WEIGHT * Math.min(1.5, about) +
      (exactScreen ? EXACT_SCREEN : 0) +
      TYPE_PRIOR[item.type];
    return { item, score, matches: matchedWords(own, related, terms), exactScreen, relevance };
  });
  ranked.sort((a, b) => b.score - a.score || a.item.title.localeCompare(b.item.title));
  return split(ranked, ownKeys.length > 0);
}

/** The context's own words the item contains (as written), then vocabulary words it matched. */
function matchedWords(own: Token[], related: string[], terms: ItemTerms): string[] {
  const words = own.filter((t) => terms.all.has(t.term)).map((t) => t.word);
  const extra = related
    .filter((key) => terms.about.has(key) || terms.tags.has(key))
    .map(vocabularyWord);
  return [...new Set([...words, ...extra])].slice(0, 4);
}

function split(
  ranked: (Suggestion & { relevance: number })[],
  hasContext: boolean,
): PageSuggestions {
  const top = ranked[0]?.score ?? 0;
  const clear = (s: Suggestion & { relevance: number }) =>
    hasContext
      ? s.matches.length > 0 && s.score >= MIN_RELEVANT && s.score >= RELATIVE_RELEVANT * top
      : s.exactScreen && s.item.type !== 'tip';
  const relevant = ranked.filter(clear).slice(0, MAX_RELEVANT);
  const chosen = new Set(relevant);
  const strip = ({ item, score, matches, exactScreen }: Suggestion) => ({
    item,
    score,
    matches,
    exactScreen,
  });
  return {
    relevant: relevant.map(strip),
    more: ranked.filter((s) => !chosen.has(s)).map(strip),
  };
}
