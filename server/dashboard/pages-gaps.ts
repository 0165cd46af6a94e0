import {
  GAP_QUERIES_SHOWN,
  gapStatuses,
  viewTables,
  type Gap,
  type GapsView,
} from '@/lib/insights/views';
import { barChart, trendChart } from './charts';
import { h, type Html } from './html';
import { figure, percent, query, tableNamed, tableTwin, type PageContext } from './layout';

/** The Gaps view: failed searches by app and screen, their trend, status and whether they closed. */

export const placeName = (g: { app?: string | undefined; screen?: string | undefined }) =>
  `${g.app ?? 'no app'} / ${g.screen ?? 'any screen'}`;

function closedText(g: Gap): Html {
  if (g.closed === undefined) return h``;
  const { before, after, change } = g.closed;
  const delta =
    change === undefined
      ? 'not enough searches yet'
      : `${change > 0 ? '+' : ''}${Math.round(change * 1000) / 10} points`;
  return h`<p class="closed">Gap closed? Published ${g.closed.published_on}: failed ${percent(before.failed_rate)} before → ${percent(after.failed_rate)} after (<strong>${delta}</strong>)</p>`;
}

function actions(g: Gap, ctx: PageContext): Html {
  const base = `/insights/gaps/${g.app ?? '-'}/${g.screen ?? '-'}`;
  const back = query(ctx.search);
  const create =
    g.item === undefined && g.app !== undefined
      ? h`<form method="post" action="${base}/draft${back}"><input type="hidden" name="csrf" value="${ctx.csrf}"><button type="submit" class="primary">Create content</button></form>`
      : '';
  const options = gapStatuses.map(
    (s) => h`<option value="${s}"${s === g.status ? h` selected` : ''}>${s}</option>`,
  );
  return h`${create}<form method="post" action="${base}/status${back}" class="status"><input type="hidden" name="csrf" value="${ctx.csrf}"><label>Status <select name="status">${options}</select></label> <button type="submit">Save</button></form>`;
}

function gapRow(g: Gap, ctx: PageContext): Html {
  const trend = trendChart(
    `Failed searches per week on ${placeName(g)}`,
    g.weeks.map((w) => ({
      label: `week of ${w.week}`,
      value: w.failed,
      shown: `${w.failed} of ${w.searches}`,
    })),
  );
  const queries = g.queries.map(
    (q) => h`<li>“${q.query}” <span class="muted">${q.searches}× by ${q.people} people</span></li>`,
  );
  const more = g.more_queries ?? 0;
  if (more > 0)
    queries.push(
      h`<li class="more">and ${more} more — <a href="/insights/gaps.csv${query(ctx.search, { table: 'queries' })}" download>all in the CSV</a></li>`,
    );
  const item =
    g.item === undefined
      ? ''
      : h`<p>Answer: <code>${g.item}</code>${g.addressed_on === undefined ? ' (not published yet)' : h` published ${g.addressed_on}`}</p>`;
  return h`<tr data-gap="${g.key}"><th scope="row">${placeName(g)}</th><td>${g.failed} of ${g.searches}<br><span class="muted">${percent(g.failed_rate)} (before: ${percent(g.previous.failed_rate)})</span></td><td>${trend}</td><td>${queries.length === 0 ? h`<span class="muted">none past the k rule</span>` : h`<ul class="queries">${queries}</ul>`}</td><td><span class="badge ${g.status}">${g.status}</span>${item}${closedText(g)}</td><td>${actions(g, ctx)}</td></tr>`;
}

export function gapsPage(view: GapsView, ctx: PageContext): Html {
  const tables = viewTables(view);
  const t = view.totals;
  const chart = barChart(
    'Failed searches by app and screen',
    view.gaps.map((g) => ({
      label: placeName(g),
      value: g.failed,
      shown: `${g.failed} of ${g.searches}`,
    })),
  );
  const rows = view.gaps.map((g) => gapRow(g, ctx));
  return h`<p class="lead">${t.failed} of ${t.searches} searches failed (${percent(t.failed_rate)}). A query is shown once at least <strong>${view.k}</strong> people typed it within 30 days.</p>
<section><h2>Screens where people did not find an answer</h2><table class="gaps"><thead><tr><th scope="col">App / screen</th><th scope="col">Failed</th><th scope="col">Trend</th><th scope="col">What they searched for</th><th scope="col">Status</th><th scope="col">Act</th></tr></thead><tbody>${rows.length === 0 ? h`<tr><td colspan="6">No failed searches in this period.</td></tr>` : rows}</tbody></table></section>
${figure('Failed searches by screen', chart, tableTwin('gaps', tableNamed(tables, 'gaps'), 'Gaps', ctx.search))}
${tableTwin('gaps', tableNamed(tables, 'queries'), `Each screen’s ${GAP_QUERIES_SHOWN} most searched queries past the k rule (the CSV has them all)`, ctx.search)}
${tableTwin('gaps', tableNamed(tables, 'weeks'), 'Failed searches per week', ctx.search)}`;
}
