import type { ContentView, GapsView, GuidanceView } from './views-content';
import type { ImpactView, LearningView, TeamsView } from './views-people';
import type { ItemView, ScreenView } from './views-panel';

/**
 * Every view as flat tables — the table twin of each chart, the CSV export (`?format=csv&table=`)
 * and the CLI's output — so all three show the same numbers. A suppressed cell is empty with
 * `suppressed` = yes in its row; a share is a number from 0 to 1.
 */
export type InsightView =
  | GapsView
  | ContentView
  | GuidanceView
  | LearningView
  | TeamsView
  | ImpactView
  | ScreenView
  | ItemView;

export type Cell = string | number | boolean | undefined;
export interface ViewTable {
  name: string;
  columns: string[];
  rows: Cell[][];
}

const table = (name: string, columns: string[], rows: Cell[][]): ViewTable => ({
  name,
  columns,
  rows,
});
const round = (x: number | undefined) =>
  x === undefined ? undefined : Math.round(x * 10_000) / 10_000;
const yes = (suppressed: boolean) => (suppressed ? 'yes' : '');

function gapsTables(v: GapsView): ViewTable[] {
  return [
    table(
      'gaps',
      [
        'app',
        'screen',
        'searches',
        'failed',
        'failed_rate',
        'previous_failed_rate',
        'status',
        'item',
        'addressed_on',
        'closed_change',
        'top_queries',
        'requests',
      ],
      v.gaps.map((g) => [
        g.app,
        g.screen,
        g.searches,
        g.failed,
        round(g.failed_rate),
        round(g.previous.failed_rate),
        g.status,
        g.item,
        g.addressed_on,
        round(g.closed?.change),
        g.queries
          .slice(0, 5)
          .map((q) => q.query)
          .join('; '),
        g.requests ?? 0,
      ]),
    ),
    table(
      'queries',
      ['app', 'screen', 'query', 'searches', 'people'],
      v.gaps.flatMap((g) => g.queries.map((q) => [g.app, g.screen, q.query, q.searches, q.people])),
    ),
    table(
      'weeks',
      ['app', 'screen', 'week', 'searches', 'failed'],
      v.gaps.flatMap((g) => g.weeks.map((w) => [g.app, g.screen, w.week, w.searches, w.failed])),
    ),
    table(
      'requests',
      ['app', 'screen', 'day', 'text'],
      v.gaps.flatMap((g) => (g.requested ?? []).map((r) => [g.app, g.screen, r.day, r.text])),
    ),
  ];
}

const usageColumns = [
  'item',
  'title',
  'type',
  'owner',
  'shown',
  'opened',
  'opened_from_page',
  'click_through',
  'reads',
  'helpful',
  'not_helpful',
  'helpful_share',
  'verify_by',
  'overdue',
  'hot',
  'last_used',
];
const usageRow = (u: ContentView['items'][number]): Cell[] => [
  u.item,
  u.title,
  u.type,
  u.owner,
  u.shown,
  u.opened,
  u.opened_from_page,
  round(u.click_through),
  u.reads,
  u.helpful,
  u.not_helpful,
  round(u.helpful_share),
  u.verify_by,
  u.overdue,
  u.hot,
  u.last_used,
];

function contentTables(v: ContentView): ViewTable[] {
  return [
    table('items', usageColumns, v.items.map(usageRow)),
    table(
      'reasons',
      ['item', 'reason', 'helpful', 'count'],
      v.items.flatMap((u) => u.reasons.map((r) => [u.item, r.reason, r.helpful, r.count])),
    ),
    table(
      'never-opened',
      ['item', 'title', 'type', 'owner'],
      v.never_opened.map((i) => [i.item, i.title, i.type, i.owner]),
    ),
  ];
}

const tipColumns = [
  'tip',
  'title',
  'owner',
  'app',
  'screen',
  'shown',
  'unresolved',
  'dismissed',
  'failure_rate',
  'first_failed_on',
  'failing_since',
  'clean_days_before',
];
const tipRow = (t: GuidanceView['tips'][number]): Cell[] => [
  t.tip,
  t.title,
  t.owner,
  t.app,
  t.screen,
  t.shown,
  t.unresolved,
  t.dismissed,
  round(t.failure_rate),
  t.first_failed_on,
  t.failing_since,
  t.clean_days_before,
];

function learningTables(v: LearningView): ViewTable[] {
  const q = v.questions;
  return [
    table(
      'lessons',
      ['lesson', 'title', 'started', 'completed', 'completion_rate', 'average_score'],
      v.lessons.map((l) => [
        l.lesson,
        l.title,
        l.started,
        l.completed,
        round(l.completion_rate),
        round(l.average_score),
      ]),
    ),
    table(
      'steps',
      ['lesson', 'step', 'reached', 'drop_off'],
      v.lessons.flatMap((l) =>
        l.steps.map((s) => [l.lesson, s.step, s.reached, round(s.drop_off)]),
      ),
    ),
    table(
      'questions',
      ['lesson', 'question', 'learners', 'answers', 'wrong_first_time', 'suppressed'],
      q.map((s) =>
        'suppressed' in s
          ? [s.lesson, s.question, undefined, undefined, undefined, 'yes']
          : [s.lesson, s.question, s.learners, s.answers, round(s.wrong_first_time), ''],
      ),
    ),
    table(
      'choices',
      ['lesson', 'question', 'choice', 'picked', 'correct'],
      q.flatMap((s) =>
        'suppressed' in s
          ? []
          : s.choices.map((c) => [s.lesson, s.question, c.choice, c.picked, c.correct]),
      ),
    ),
    table(
      'paths',
      ['path', 'title', 'completed', 'new_hires', 'median_days', 'p75_days', 'suppressed'],
      v.paths.map((p) =>
        'suppressed' in p.new_hires
          ? [p.path, p.title, p.completed, undefined, undefined, undefined, 'yes']
          : [
              p.path,
              p.title,
              p.completed,
              p.new_hires.learners,
              p.new_hires.median_days,
              p.new_hires.p75_days,
              '',
            ],
      ),
    ),
  ];
}

function teamsTables(v: TeamsView): ViewTable[] {
  return [
    table(
      'teams',
      [
        'team',
        'eligible',
        'active_share',
        'searchers',
        'searches',
        'failed',
        'failed_rate',
        'quiz_learners',
        'answers',
        'wrong_first_time',
        'suppressed',
      ],
      v.teams.map((t) => {
        if ('suppressed' in t)
          return [
            t.team,
            undefined,
            undefined,
            undefined,
            undefined,
            undefined,
            undefined,
            undefined,
            undefined,
            undefined,
            'yes',
          ];
        const s = 'suppressed' in t.searching ? undefined : t.searching;
        const q = 'suppressed' in t.questions ? undefined : t.questions;
        return [
          t.team,
          t.eligible,
          round(t.active_share),
          s?.people,
          s?.searches,
          s?.failed,
          round(s?.failed_rate),
          q?.learners,
          q?.answers,
          round(q?.wrong_first_time),
          yes(s === undefined || q === undefined),
        ];
      }),
    ),
    table(
      'weeks',
      ['team', 'week', 'active'],
      v.teams.flatMap((t) =>
        'suppressed' in t ? [] : t.weeks.map((w) => [t.team, w.week, w.active]),
      ),
    ),
  ];
}

function impactTables(v: ImpactView): ViewTable[] {
  const i = v.indicators;
  const { association, experiment } = v.helpdesk;
  const estimate = (e: { estimate: number; ci95: [number, number] } | undefined) => [
    round(e?.estimate),
    round(e?.ci95[0]),
    round(e?.ci95[1]),
  ];
  return [
    table(
      'indicators',
      ['indicator', 'value'],
      [
        ['searches', i.searches],
        ['self_serve_rate', round(i.self_serve_rate)],
        ['failed_rate', round(i.failed_rate)],
        ['record_views', i.record_views],
        ['coverage', round(i.coverage)],
        ['lessons_completed', i.lessons_completed],
        ['quiz_mastery', round(i.quiz_mastery)],
      ],
    ),
    table(
      'screens',
      ['app', 'screen', 'searches', 'failed', 'failed_rate'],
      i.failed_rate_by_screen.map((s) => [
        s.app,
        s.screen,
        s.searches,
        s.failed,
        round(s.failed_rate),
      ]),
    ),
    table(
      'gaps-closed',
      ['app', 'screen', 'item', 'published_on', 'before_rate', 'after_rate', 'change'],
      i.gaps_closed.map((g) => [
        g.app,
        g.screen,
        g.item,
        g.published_on,
        round(g.before_rate),
        round(g.after_rate),
        round(g.change),
      ]),
    ),
    table(
      'cohorts',
      ['label', 'cohort', 'tickets', 'agents', 'metric', 'mean', 'ci_low', 'ci_high', 'suppressed'],
      (association?.cohorts ?? []).flatMap((c) =>
        'suppressed' in c
          ? [
              [
                'association',
                c.cohort,
                undefined,
                undefined,
                undefined,
                undefined,
                undefined,
                undefined,
                'yes',
              ],
            ]
          : Object.entries(c.means).map(([metric, e]) => [
              'association',
              c.cohort,
              c.tickets,
              c.agents,
              metric,
              ...estimate(e),
              '',
            ]),
      ),
    ),
    table(
      'effects',
      ['label', 'metric', 'estimate', 'ci_low', 'ci_high'],
      [
        ...Object.entries(association?.difference ?? {}).map(([m, e]) => [
          'association: guidance − no guidance',
          m,
          ...estimate(e),
        ]),
        ...Object.entries(experiment?.effects ?? {}).map(([m, e]) => [
          `causal (${experiment!.design})`,
          m,
          ...estimate(e),
        ]),
      ],
    ),
  ];
}

/** The tables of a view, the first being its main one. */
export function viewTables(view: InsightView): ViewTable[] {
  switch (view.view) {
    case 'gaps':
      return gapsTables(view);
    case 'content':
      return contentTables(view);
    case 'guidance':
      return [table('tips', tipColumns, view.tips.map(tipRow))];
    case 'learning':
      return learningTables(view);
    case 'teams':
      return teamsTables(view);
    case 'impact':
      return impactTables(view);
    case 'screen':
      return [
        table(
          'queries',
          ['query', 'searches', 'people'],
          view.queries.map((q) => [q.query, q.searches, q.people]),
        ),
        table('broken-tips', tipColumns, view.broken_tips.map(tipRow)),
        table(
          'top-items',
          ['item', 'title', 'shown', 'opened', 'reads', 'helpful_share'],
          view.top_items.map((t) => [
            t.item,
            t.title,
            t.shown,
            t.opened,
            t.reads,
            round(t.helpful_share),
          ]),
        ),
      ];
    case 'item':
      return [
        table('item', usageColumns, [usageRow(view.usage)]),
        table(
          'weeks',
          ['week', 'shown', 'opened', 'reads'],
          view.weeks.map((w) => [w.week, w.shown, w.opened, w.reads]),
        ),
      ];
  }
}

/** A cell as CSV text: quoted when needed; text that a spreadsheet would run as a formula is defused. */
function csvCell(cell: Cell): string {
  if (cell === undefined) return '';
  const text = typeof cell === 'string' && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV lines (each with its CRLF) of one table, the header row first. */
export function* csvLines(t: ViewTable): Generator<string> {
  yield t.columns.map(csvCell).join(',') + '\r\n';
  for (const row of t.rows) yield row.map(csvCell).join(',') + '\r\n';
}

/** RFC 4180 CSV (CRLF line ends) of one table, with a header row. */
export function toCsv(t: ViewTable): string {
  return [...csvLines(t)].join('');
}
