import { insightEventSchema, type InsightEvent } from '@/lib/insights';

/**
 * Synthetic insight events for the insights bench: every event type in the proportions a help
 * desk produces them (suggestions and record views most, quiz answers and path completions least),
 * over the cardinality of a year of a large organisation — apps × screens, items, tips, lessons,
 * queries — so rollups grow as they would. Deterministic for a seed; every event passes the wire
 * schema (checked once by `checkSample`).
 */
export const CARDINALITY = {
  apps: [
    'zendesk',
    'salesforce',
    'servicenow',
    'jira',
    'hubspot',
    'dynamics',
    'workday',
    'freshdesk',
  ],
  screensPerApp: 10,
  items: 3_000,
  tips: 400,
  lessons: 40,
  questionsPerLesson: 5,
  paths: 12,
  queries: 4_000,
} as const;

const WORDS = [
  'refund',
  'merge',
  'escalate',
  'macro',
  'sla',
  'priority',
  'invoice',
  'address',
  'password',
  'reset',
  'warranty',
  'return',
  'shipping',
  'contract',
  'renewal',
  'discount',
  'tax',
  'export',
  'report',
  'queue',
  'tag',
  'form',
  'view',
  'trigger',
  'chat',
  'call',
  'email',
  'survey',
  'holiday',
  'overtime',
  'badge',
  'laptop',
  'vpn',
  'access',
  'license',
  'billing',
];

/** mulberry32: small, fast and seeded. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Index in [0, n) skewed towards 0 (a few items and queries are most of the use). */
const skewed = (r: () => number, n: number) => Math.min(n - 1, Math.floor(n * r() ** 3));
const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;

function query(i: number): string {
  const words = [WORDS[i % WORDS.length]!, WORDS[Math.floor(i / WORDS.length) % WORDS.length]!];
  if (i >= WORDS.length ** 2) words.push(WORDS[(i * 7) % WORDS.length]!);
  return words.join(' ');
}

function place(r: () => number) {
  const app = pick(r, CARDINALITY.apps);
  return { app, screen: `screen-${skewed(r, CARDINALITY.screensPerApp)}` };
}

/** Of failed queries, the share drawn from every screen's words (the rest are the screen's own). */
const SHARED_QUERIES = 0.1;

/**
 * A failed query typed on a screen: people ask about what that screen does, so query i belongs to
 * screen i mod 80 (app × screen, as `tip`) and is drawn, skewed, from that screen's 50; one in ten
 * is any query (words every screen hears, "password reset"). One draw, as before, so every other
 * event of a seed stays the same. (Drawing the query independently of the screen, as before,
 * spread all 4,000 queries over all 80 screens: ≈ 50,000 screen × query rows in 30 days.)
 */
function queryOn(r: () => number, at: { app: string; screen: string }): string {
  const u = r();
  const skew = (v: number, n: number) => Math.min(n - 1, Math.floor(n * v ** 3));
  if (u < SHARED_QUERIES) return query(skew(u / SHARED_QUERIES, CARDINALITY.queries));
  const screens = CARDINALITY.apps.length * CARDINALITY.screensPerApp;
  const own = CARDINALITY.queries / screens;
  const screen =
    CARDINALITY.apps.indexOf(at.app as never) * CARDINALITY.screensPerApp +
    Number(at.screen.slice('screen-'.length));
  const v = (u - SHARED_QUERIES) / (1 - SHARED_QUERIES);
  return query(screen + screens * skew(v, own));
}

/**
 * A tip is authored on one screen of one app (its anchor lives there), so its events carry that
 * place: tip i sits on app i mod 8, screen (i div 8) mod 10. (Drawing the place independently, as
 * before, spread every tip over all 80 screens — 80× the tip-day rows a real catalogue makes.)
 */
function tip(r: () => number) {
  const i = skewed(r, CARDINALITY.tips);
  const apps = CARDINALITY.apps;
  const screen = Math.floor(i / apps.length) % CARDINALITY.screensPerApp;
  return { app: apps[i % apps.length]!, screen: `screen-${screen}`, tip: `tip-${i}` };
}

type Maker = (r: () => number, day: string) => InsightEvent;
const item = (r: () => number) => `item-${skewed(r, CARDINALITY.items)}`;
const lesson = (r: () => number) => `lesson-${skewed(r, CARDINALITY.lessons)}`;

/** Event makers with their weights (per 100 events). */
const MAKERS: [number, Maker][] = [
  [
    22,
    (r, day) => ({
      type: 'suggestion_shown',
      v: 1,
      day,
      ...place(r),
      item: item(r),
      count: 1 + Math.floor(r() * 4),
    }),
  ],
  [
    8,
    (r, day) => ({
      type: 'suggestion_opened',
      v: 1,
      day,
      hour: Math.floor(r() * 24),
      app: pick(r, CARDINALITY.apps),
      item: item(r),
      source: pick(r, ['page', 'search', 'tip', 'path', 'link'] as const),
      rank: 1 + Math.floor(r() * 5),
    }),
  ],
  [7, (r, day) => ({ type: 'item_read', v: 1, day, item: item(r), count: 1 })],
  [
    12,
    (r, day) => {
      const failed = r() < 0.3;
      if (failed) {
        const hour = Math.floor(r() * 24);
        const at = place(r);
        return {
          type: 'search',
          v: 1,
          day,
          hour,
          ...at,
          results: '0',
          ended: 'idle',
          query: queryOn(r, at),
        };
      }
      return {
        type: 'search',
        v: 1,
        day,
        hour: Math.floor(r() * 24),
        ...place(r),
        results: '2-5',
        ended: 'open',
        opened: 1 + Math.floor(r() * 3),
      };
    },
  ],
  [
    3,
    (r, day) =>
      r() < 0.8
        ? { type: 'feedback', v: 1, day, item: item(r), helpful: true, reason: 'solved-it' }
        : { type: 'feedback', v: 1, day, item: item(r), helpful: false, reason: 'outdated' },
  ],
  [
    10,
    (r, day) => ({
      type: 'tip_shown',
      v: 1,
      day,
      ...tip(r),
      count: 1 + Math.floor(r() * 3),
    }),
  ],
  [
    2,
    (r, day) => {
      const { app, tip: id } = tip(r);
      return { type: 'tip_dismissed', v: 1, day, app, tip: id };
    },
  ],
  [
    1,
    (r, day) => ({
      type: 'tip_unresolved',
      v: 1,
      day,
      ...tip(r),
      count: 1,
    }),
  ],
  [
    4,
    (r, day) => ({ type: 'lesson_step', v: 1, day, lesson: lesson(r), step: Math.floor(r() * 6) }),
  ],
  [
    1,
    (r, day) => ({
      type: 'lesson_completed',
      v: 1,
      day,
      lesson: lesson(r),
      questions: 5,
      correct: Math.floor(r() * 6),
    }),
  ],
  [
    3,
    (r, day) => ({
      type: 'quiz_answer',
      v: 1,
      day,
      lesson: lesson(r),
      question: `q${Math.floor(r() * CARDINALITY.questionsPerLesson)}`,
      choices: [pick(r, ['a', 'b', 'c', 'd'])],
      correct: r() < 0.7,
      attempt: 1 + Math.floor(r() * 2),
    }),
  ],
  [
    1,
    (r, day) => ({
      type: 'path_completed',
      v: 1,
      day,
      path: `path-${Math.floor(r() * CARDINALITY.paths)}`,
    }),
  ],
  [
    26,
    (r, day) => ({
      type: 'record_view',
      v: 1,
      day,
      ...place(r),
      help: r() < 0.6,
      count: 1 + Math.floor(r() * 5),
    }),
  ],
];
const TOTAL_WEIGHT = MAKERS.reduce((sum, [w]) => sum + w, 0);

/** `n` events on `day`, drawn from `r`. */
export function events(r: () => number, day: string, n: number): InsightEvent[] {
  const out: InsightEvent[] = [];
  for (let i = 0; i < n; i++) {
    let x = r() * TOTAL_WEIGHT;
    const [, make] = MAKERS.find(([w]) => (x -= w) < 0) ?? MAKERS[0]!;
    out.push(make(r, day));
  }
  return out;
}

/** Throws naming the first event the wire schema refuses: the bench measures only good events. */
export function checkSample(sample: readonly InsightEvent[]): void {
  for (const [i, event] of sample.entries()) {
    const parsed = insightEventSchema.safeParse(event);
    if (!parsed.success)
      throw new Error(`synthetic event ${i} (${event.type}) is invalid: ${parsed.error.message}`);
  }
}
