import {
  viewTables,
  type ImpactView,
  type LearningView,
  type TeamsView,
} from '@/lib/insights/views';
import { barChart } from './charts';
import { h, type Html } from './html';
import { figure, percent, tableNamed, tableTwin, type PageContext } from './layout';
import { placeName } from './pages-gaps';

/** The Learning, Teams and Impact views: where the people minimums apply. */

export function learningPage(view: LearningView, ctx: PageContext): Html {
  const tables = viewTables(view);
  const funnels = view.lessons.slice(0, 6).map(
    (l) =>
      h`<h3>${l.title ?? l.lesson}</h3>${barChart(`Completion funnel of ${l.title ?? l.lesson}`, [
        ...l.steps.map((s) => ({
          label: `step ${s.step + 1}`,
          value: s.reached,
          shown: `${s.reached}${s.drop_off === undefined || s.drop_off === 0 ? '' : ` (−${percent(s.drop_off)} since the step before)`}`,
        })),
        {
          label: 'completed',
          value: l.completed,
          shown: `${l.completed} (${percent(l.completion_rate)})`,
        },
      ])}`,
  );
  const hard = view.questions.flatMap((q) => ('suppressed' in q ? [] : [q])).slice(0, 10);
  const difficulty = barChart(
    'Wrong at the first attempt, per question',
    hard.map((q) => ({
      label: `${q.lesson}: ${q.prompt ?? q.question}`,
      value: q.wrong_first_time ?? 0,
      shown: `${percent(q.wrong_first_time)} of ${q.answers}`,
    })),
    1,
  );
  return h`<p class="lead">Question and path figures about fewer than ${view.min_people} people are suppressed.</p>
${figure('Completion funnel', h`${funnels}`, h`${tableTwin('learning', tableNamed(tables, 'lessons'), 'Lessons', ctx.search)}${tableTwin('learning', tableNamed(tables, 'steps'), 'Step drop-off', ctx.search)}`)}
${figure('Question difficulty', difficulty, h`${tableTwin('learning', tableNamed(tables, 'questions'), 'Questions', ctx.search)}${tableTwin('learning', tableNamed(tables, 'choices'), 'Choices picked at a first attempt (distractors)', ctx.search)}`)}
<section><h2>Time to complete a path (new hires)</h2>${tableTwin('learning', tableNamed(tables, 'paths'), 'Paths', ctx.search)}</section>`;
}

export function teamsPage(view: TeamsView, ctx: PageContext): Html {
  const tables = viewTables(view);
  const chart = barChart(
    'Weekly active share per team (last week of the period)',
    view.teams.map((t) =>
      'suppressed' in t
        ? { label: t.team ?? 'no team', value: 0, shown: 'suppressed' }
        : {
            label: t.team ?? 'no team',
            value: t.active_share ?? 0,
            shown: `${percent(t.active_share)} of ${t.eligible}`,
          },
    ),
    1,
  );
  return h`<p class="lead">Teams with fewer than ${view.min_people} people, and cells about fewer, are suppressed. Individuals are never listed.</p>
${figure('Weekly active vs eligible', chart, h`${tableTwin('teams', tableNamed(tables, 'teams'), 'Teams', ctx.search)}${tableTwin('teams', tableNamed(tables, 'weeks'), 'Active people per week', ctx.search)}`)}`;
}

export function impactPage(view: ImpactView, ctx: PageContext): Html {
  const tables = viewTables(view);
  const i = view.indicators;
  const figures: [string, string][] = [
    ['Self-serve rate', percent(i.self_serve_rate)],
    ['Failed-search rate', percent(i.failed_rate)],
    ['Coverage', percent(i.coverage)],
    ['Quiz mastery', percent(i.quiz_mastery)],
  ];
  const screens = barChart(
    'Failed-search rate per screen',
    i.failed_rate_by_screen.slice(0, 15).map((s) => ({
      label: placeName(s),
      value: s.failed_rate ?? 0,
      shown: `${percent(s.failed_rate)} of ${s.searches}`,
    })),
    1,
  );
  const association = view.helpdesk.association;
  const experiment = view.helpdesk.experiment;
  return h`<dl class="indicators">${figures.map(([k, v]) => h`<div><dt>${k}</dt><dd>${v}</dd></div>`)}</dl>
${figure('Failed searches per screen', screens, tableTwin('impact', tableNamed(tables, 'screens'), 'Screens', ctx.search))}
${tableTwin('impact', tableNamed(tables, 'indicators'), 'Always-on indicators', ctx.search)}
<section><h2>Gaps closed</h2>${tableTwin('impact', tableNamed(tables, 'gaps-closed'), 'Failed-search rate before and after an answer was published', ctx.search)}</section>
<section><h2>Helpdesk outcomes</h2>${association === undefined ? h`<p>No helpdesk export imported: an admin uploads one (see README, Insights).</p>` : h`<p class="note"><strong>Association, not cause.</strong> ${association.note}</p>${tableTwin('impact', tableNamed(tables, 'cohorts'), `Cohorts (at least ${view.min_people} agents)`, ctx.search)}`}
${experiment === undefined ? '' : h`<p class="note"><strong>Experiment (${experiment.design}).</strong> ${experiment.note}</p>${tableTwin('impact', tableNamed(tables, 'effects'), 'Difference-in-differences, 95 % intervals', ctx.search)}`}</section>`;
}
