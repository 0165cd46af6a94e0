import { IMPACT_MIN_PEOPLE } from '@/lib/insights';
import type { ImpactView } from '@/lib/insights/views';
import type { Store } from '../../store';
import { association, experiment } from '../helpdesk-analysis';
import { periodOf, shareOf, type ViewQuery } from '../range';
import { byText, groupBy, orNone, sumSearches } from './common';
import { gapsClosed } from './gap-closed';

/** Screens listed in the failed-rate table, most searched first. */
const SCREENS_LISTED = 20;

/**
 * The impact ladder: (1) indicators that are always on, (2) the helpdesk join as an association,
 * (3) a holdout's difference-in-differences as a causal estimate — each labelled as what it is.
 */
export async function impactView(store: Store, q: ViewQuery): Promise<ImpactView> {
  const [days, completions, imports, moments, agents, settings] = await Promise.all([
    store.insights.screenDays(q),
    store.insights.lessonCompletions(q),
    store.helpdeskImports(),
    store.insights.helpdeskMoments(q),
    store.insights.cohortAgents(q),
    store.insightSettings(),
  ]);
  const closed = await gapsClosed(store, q, days);
  const searches = sumSearches(days);
  const opened = days.reduce((n, d) => n + d.opened, 0);
  const views = days.reduce((n, d) => n + d.record_views, 0);
  const covered = days.reduce((n, d) => n + d.record_views_help, 0);
  const questions = completions.reduce((n, c) => n + c.questions, 0);
  const screens = [...groupBy(days, (d) => `${d.app}\n${d.screen}`).values()]
    .map((group) => ({
      app: orNone(group[0]!.app),
      screen: orNone(group[0]!.screen),
      ...sumSearches(group),
    }))
    .filter((s) => s.searches > 0)
    .sort(
      (a, b) => b.searches - a.searches || byText(`${a.app}/${a.screen}`, `${b.app}/${b.screen}`),
    )
    .slice(0, SCREENS_LISTED);
  return {
    view: 'impact',
    period: periodOf(q),
    app: q.app,
    generated_at: store.now().toISOString(),
    min_people: IMPACT_MIN_PEOPLE,
    indicators: {
      searches: searches.searches,
      self_serve_rate: shareOf(opened, searches.searches),
      failed_rate: searches.failed_rate,
      record_views: views,
      coverage: shareOf(covered, views),
      lessons_completed: completions.reduce((n, c) => n + c.n, 0),
      quiz_mastery: shareOf(
        completions.reduce((n, c) => n + c.correct, 0),
        questions,
      ),
      failed_rate_by_screen: screens,
      gaps_closed: closed.map(({ key, state, item, closed: c }) => ({
        key,
        app: orNone(state.app),
        screen: orNone(state.screen),
        item,
        published_on: c.published_on,
        before_rate: c.before.failed_rate,
        after_rate: c.after.failed_rate,
        change: c.change,
      })),
    },
    helpdesk: {
      imports,
      association: association(moments, agents),
      experiment:
        settings.holdout === undefined || moments.length === 0
          ? undefined
          : experiment(moments, settings.holdout),
    },
  };
}
