import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Item } from '@/lib/content-model';
import type { Detection } from '@/lib/context';
import { fitsAudience, fitsPage, suggestForPage } from '@/lib/knowledge';
import { buildIndex, itemToSearchDoc, type SearchIndex } from '@/lib/search';

/** One realistic record subject and the starter-pack item that answers it. */
export interface SubjectCase {
  app: string;
  screen: string;
  subject: string;
  expect: string;
}

export const SUBJECTS = join(import.meta.dirname, 'subjects.jsonl');
export const HOLDOUT = join(import.meta.dirname, 'holdout.jsonl');

export function readCases(file: string): SubjectCase[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      const c = JSON.parse(line) as Partial<SubjectCase>;
      if (![c.app, c.screen, c.subject, c.expect].every((v) => typeof v === 'string'))
        throw new Error(`${file}:${i + 1}: needs app, screen, subject and expect`);
      return c as SubjectCase;
    });
}

/** A page's ranked item ids, the way the background ranks them for a learner with no role set. */
export type Ranker = (items: readonly Item[], detection: Detection, index: SearchIndex) => string[];

export const waymarkRanker: Ranker = (items, detection, index) => {
  const { relevant, more } = suggestForPage(items, detection, index);
  return [...relevant, ...more].map((s) => s.item.id);
};

/**
 * The baseline, measured in the same run: the page's items in the search index's order for the
 * subject (what "For this page" listed before), then the rest by title.
 */
export const searchOrderRanker: Ranker = (items, detection, index) => {
  const ids = new Set(items.map((item) => item.id));
  const hits = index
    .search(`${detection.context.subject ?? ''} `, { limit: 100 })
    .map((hit) => hit.id)
    .filter((id) => ids.has(id));
  const rest = items
    .filter((item) => !hits.includes(item.id))
    .sort((a, b) => a.title.localeCompare(b.title))
    .map((item) => item.id);
  return [...hits, ...rest];
};

export interface Outcome {
  case: SubjectCase;
  /** 0-based rank of the expected item; -1 when it is not listed at all. */
  rank: number;
  top3: string[];
}

export interface Evaluation {
  cases: number;
  top1: number;
  top3: number;
  mrr: number;
  outcomes: Outcome[];
}

export function evaluate(items: readonly Item[], cases: SubjectCase[], rank: Ranker): Evaluation {
  const published = items.filter((item) => item.status === 'published');
  const index = buildIndex(published.map(itemToSearchDoc));
  const outcomes = cases.map((c) => {
    const detection: Detection = {
      app: c.app,
      screen: c.screen,
      record: { type: c.screen, id: '1' },
      context: { subject: c.subject },
    };
    const page = published.filter((item) => fitsPage(item, detection) && fitsAudience(item, {}));
    const ids = rank(page, detection, index);
    return { case: c, rank: ids.indexOf(c.expect), top3: ids.slice(0, 3) };
  });
  const share = (ok: (o: Outcome) => boolean) => outcomes.filter(ok).length / outcomes.length;
  return {
    cases: outcomes.length,
    top1: share((o) => o.rank === 0),
    top3: share((o) => o.rank >= 0 && o.rank < 3),
    mrr:
      outcomes.reduce((sum, o) => sum + (o.rank >= 0 ? 1 / (o.rank + 1) : 0), 0) / outcomes.length,
    outcomes,
  };
}
