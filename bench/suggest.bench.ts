/**
 * `npm run bench:suggest`: how often "For this page" puts the answer to a record at the top. Over
 * realistic Zendesk ticket subjects, Salesforce case subjects and ServiceNow incident short
 * descriptions (bench/suggest/subjects.jsonl), each with the starter-pack item that answers it,
 * the page's items are ranked exactly as the background ranks them (lib/knowledge/suggest.ts) and
 * compared with the baseline measured in the same run: the search index's order for the subject.
 * A second set (holdout.jsonl) was written apart from the development set and is reported on its
 * own. Budget: the answer in the top 3 for at least 90 % of each set.
 */
import { loadContent } from '@/lib/content-files';
import type { Cell } from './report';
import { budget, writePart } from './report';
import {
  evaluate,
  HOLDOUT,
  readCases,
  searchOrderRanker,
  SUBJECTS,
  waymarkRanker,
  type Evaluation,
  type SubjectCase,
} from './suggest/evaluate';

const TOP3_AT_LEAST = 0.9;
const pct = (share: number) => Math.round(share * 1000) / 10;

const content = await loadContent('content');
if (content.problems.length > 0)
  throw new Error(`content/ has problems: run npm run content:check`);
const items = content.items.map((located) => located.value);
const sets: [string, SubjectCase[]][] = [
  ['development', readCases(SUBJECTS)],
  ['holdout', readCases(HOLDOUT)],
];

const rows: Cell[][] = [];
const byApp: Cell[][] = [];
const misses: string[] = [];
const results: Record<string, { ours: Evaluation; baseline: Evaluation }> = {};
for (const [name, cases] of sets) {
  const ours = evaluate(items, cases, waymarkRanker);
  const baseline = evaluate(items, cases, searchOrderRanker);
  results[name] = { ours, baseline };
  rows.push(
    [`${name} (${cases.length} subjects)`, 'Waymark', pct(ours.top1), pct(ours.top3), ours.mrr],
    ['', 'search order', pct(baseline.top1), pct(baseline.top3), baseline.mrr],
  );
  for (const app of [...new Set(cases.map((c) => c.app))]) {
    const some = ours.outcomes.filter((o) => o.case.app === app);
    const share = (ok: (rank: number) => boolean) =>
      some.filter((o) => ok(o.rank)).length / some.length;
    byApp.push([
      name,
      app,
      some.length,
      pct(share((r) => r === 0)),
      pct(share((r) => r >= 0 && r < 3)),
    ]);
  }
  for (const o of ours.outcomes.filter((o) => o.rank < 0 || o.rank > 2))
    misses.push(
      `${name}: “${o.case.subject}” (${o.case.app}) → ${o.top3.join(', ')}; answer ${o.case.expect} at ${o.rank < 0 ? 'none' : o.rank + 1}`,
    );
}

const dev = results.development!.ours;
const holdout = results.holdout!.ours;
writePart({
  part: 'suggest',
  title: 'Suggestions for the record ("For this page")',
  tables: [
    { columns: ['subjects', 'ranking', 'top-1 %', 'top-3 %', 'MRR'], rows },
    {
      title: 'By app (Waymark)',
      columns: ['set', 'app', 'subjects', 'top-1 %', 'top-3 %'],
      rows: byApp,
    },
  ],
  notes: [
    'Each subject is a record on its app’s screen (Zendesk ticket, Salesforce case, ServiceNow incident); the learner has no role set.',
    ...misses.map((m) => `not in the top 3 — ${m}`),
  ],
  budgets: [
    budget(
      'suggestions: development subjects without the answer in the top 3',
      pct(1 - TOP3_AT_LEAST),
      pct(1 - dev.top3),
      '%',
    ),
    budget(
      'suggestions: holdout subjects without the answer in the top 3',
      pct(1 - TOP3_AT_LEAST),
      pct(1 - holdout.top3),
      '%',
    ),
  ],
  data: {
    development: { top1: dev.top1, top3: dev.top3, mrr: dev.mrr, cases: dev.cases },
    holdout: { top1: holdout.top1, top3: holdout.top3, mrr: holdout.mrr, cases: holdout.cases },
  },
});
console.log(
  `suggest: top-1 ${pct(dev.top1)} %, top-3 ${pct(dev.top3)} % over ${dev.cases} subjects (holdout ${holdout.cases}: ${pct(holdout.top1)} % / ${pct(holdout.top3)} %)`,
);
