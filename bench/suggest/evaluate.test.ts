import { describe, expect, it } from 'vitest';
import { loadContent } from '@/lib/content-files';
import {
  evaluate,
  HOLDOUT,
  readCases,
  searchOrderRanker,
  SUBJECTS,
  waymarkRanker,
} from './evaluate';

const content = await loadContent('content');
const items = content.items.map((located) => located.value);

describe('suggestions for a record (the starter pack against realistic subjects)', () => {
  it('has at least 60 development subjects across Zendesk, Salesforce and ServiceNow, each answered by a published item', () => {
    const cases = readCases(SUBJECTS);
    expect(cases.length).toBeGreaterThanOrEqual(60);
    expect(new Set(cases.map((c) => c.app))).toEqual(
      new Set(['zendesk', 'salesforce', 'servicenow']),
    );
    const published = new Set(items.filter((i) => i.status === 'published').map((i) => i.id));
    expect(cases.filter((c) => !published.has(c.expect))).toEqual([]);
  });

  it.each([
    { name: 'development', file: SUBJECTS },
    { name: 'holdout', file: HOLDOUT },
  ])(
    'puts the answer in the top 3 for at least 9 in 10 $name subjects, above plain search order',
    ({ file }) => {
      const cases = readCases(file);
      const ours = evaluate(items, cases, waymarkRanker);
      expect(ours.top3).toBeGreaterThanOrEqual(0.9);
      expect(ours.mrr).toBeGreaterThan(evaluate(items, cases, searchOrderRanker).mrr);
    },
  );
});
