import { viewTables, type ContentView, type GuidanceView } from '@/lib/insights/views';
import { barChart } from './charts';
import { h, type Html } from './html';
import { figure, percent, tableNamed, tableTwin, type PageContext } from './layout';

/** The Content and Guidance health views. */

export function contentPage(view: ContentView, ctx: PageContext): Html {
  const tables = viewTables(view);
  const top = view.items.slice(0, 12);
  const opens = barChart(
    'Opens per item (most used first)',
    top.map((i) => ({
      label: i.title ?? i.item,
      value: i.opened,
      shown: `${i.opened} opened, ${i.reads} read`,
    })),
  );
  const voted = view.items.filter((i) => i.helpful + i.not_helpful > 0).slice(0, 12);
  const helpful = barChart(
    'Helpful share of votes per item',
    voted.map((i) => ({
      label: i.title ?? i.item,
      value: i.helpful_share ?? 0,
      shown: `${percent(i.helpful_share)} of ${i.helpful + i.not_helpful} votes`,
    })),
    1,
  );
  const stale =
    view.hot_but_stale.length === 0
      ? h`<p>No heavily used item is past its verify-by date.</p>`
      : h`<ul>${view.hot_but_stale.map((s) => h`<li><code>${s}</code></li>`)}</ul>`;
  return h`${figure('Usage', opens, tableTwin('content', tableNamed(tables, 'items'), 'Items used in the period', ctx.search))}
${figure('Helpful or not', helpful, tableTwin('content', tableNamed(tables, 'reasons'), 'Votes by reason', ctx.search))}
<section><h2>Hot but stale</h2>${stale}</section>
<section><h2>Never opened</h2><details><summary>${view.never_opened.length} published items nobody opened or read in the period</summary>${tableTwin('content', tableNamed(tables, 'never-opened'), 'Published items nobody opened or read', ctx.search)}</details></section>`;
}

export function guidancePage(view: GuidanceView, ctx: PageContext): Html {
  const tables = viewTables(view);
  const chart = barChart(
    'Failure rate per tip (its element not found)',
    view.tips.slice(0, 15).map((t) => ({
      label: t.title ?? t.tip,
      value: t.failure_rate ?? 0,
      shown: `${percent(t.failure_rate)} (${t.unresolved} of ${t.shown + t.unresolved})`,
    })),
    1,
  );
  const broke = view.tips.filter((t) => t.failing_since !== undefined && t.clean_days_before > 0);
  const changed =
    broke.length === 0
      ? h`<p>No tip that used to work has started failing.</p>`
      : h`<ul>${broke.map((t) => h`<li><strong>${t.title ?? t.tip}</strong> on ${t.app}${t.screen === undefined ? '' : ` / ${t.screen}`}: failing since ${t.failing_since ?? ''} after ${t.clean_days_before} clean days — likely a change to the app's screen.</li>`)}</ul>`;
  return h`<p class="lead">A tip fails when the element it points at is not found on the page.</p>
${figure('Failing tips', chart, tableTwin('guidance', tableNamed(tables, 'tips'), 'Tips shown or failing', ctx.search))}
<section><h2>First seen after a UI change</h2>${changed}</section>`;
}
