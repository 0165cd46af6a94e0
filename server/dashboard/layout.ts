import type { Cell, ViewTable } from '@/lib/insights/views';
import { h, type Html, type Part } from './html';

/** The dashboard's page shell, its navigation and the table twins of its charts. */

export const VIEW_PAGES = [
  ['gaps', 'Gaps'],
  ['content', 'Content'],
  ['guidance', 'Guidance health'],
  ['learning', 'Learning'],
  ['teams', 'Teams'],
  ['impact', 'Impact'],
] as const;
export type PageName = (typeof VIEW_PAGES)[number][0];

export interface PageContext {
  user: { email: string; role: string };
  /** The current query string (since, until, app), kept on links and CSV exports. */
  search: URLSearchParams;
  csrf: string;
  notice?: string | undefined;
}

export const PERIODS = ['7d', '30d', '90d', '1y'] as const;

function periodForm(active: PageName, search: URLSearchParams): Html {
  const since = search.get('since') ?? '30d';
  const options = PERIODS.map(
    (p) => h`<option value="${p}"${since === p ? h` selected` : ''}>Last ${p}</option>`,
  );
  return h`<form class="period" method="get" action="/insights/${active}"><label>Period <select name="since">${options}</select></label> <label>App <input name="app" value="${search.get('app') ?? ''}" placeholder="all apps" size="12" pattern="[a-z0-9-]*"></label> <button type="submit">Show</button></form>`;
}

export function shell(title: string, body: Part, ctx?: PageContext, active?: PageName): Html {
  const nav =
    ctx === undefined
      ? ''
      : h`<nav aria-label="Insights views"><ul>${VIEW_PAGES.map(
          ([name, label]) =>
            h`<li><a href="/insights/${name}${query(ctx.search)}"${name === active ? h` aria-current="page"` : ''}>${label}</a></li>`,
        )}</ul></nav><form class="signout" method="post" action="/insights/sign-out"><input type="hidden" name="csrf" value="${ctx.csrf}"><span>${ctx.user.email} (${ctx.user.role})</span> <button type="submit">Sign out</button></form>`;
  const notice =
    ctx?.notice === undefined ? '' : h`<p class="notice" role="status">${ctx.notice}</p>`;
  const period = ctx !== undefined && active !== undefined ? periodForm(active, ctx.search) : '';
  return h`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} · Waymark Insights</title><link rel="stylesheet" href="/insights/dashboard.css"></head><body><header><p class="brand">Waymark Insights</p>${nav}</header><main><h1>${title}</h1>${notice}${period}${body}</main></body></html>`;
}

/** `?since=…&app=…` (only the period and app) or '' — plus any extra parameters. */
export function query(search: URLSearchParams, extra: Record<string, string> = {}): string {
  const kept = new URLSearchParams();
  for (const name of ['since', 'until', 'app']) {
    const value = search.get(name);
    if (value !== null && value !== '') kept.set(name, value);
  }
  for (const [name, value] of Object.entries(extra)) kept.set(name, value);
  const text = kept.toString();
  return text === '' ? '' : `?${text}`;
}

const SHARE_COLUMN = /(rate|share|coverage|mastery|click_through|drop_off|wrong_first_time|score)$/;

export const percent = (x: number | undefined): string =>
  x === undefined ? '–' : `${Math.round(x * 1000) / 10} %`;

function cell(column: string, value: Cell, rowName: Cell): Part {
  if (value === undefined || value === '') return '';
  // A share, by its column's name or (in a name/value table) by its row's.
  const named = column === 'value' && typeof rowName === 'string' ? rowName : column;
  if (typeof value === 'number' && SHARE_COLUMN.test(named)) return percent(value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return value;
}

/**
 * A table twin: one of the view's CSV tables (lib/insights/view-tables.ts) as HTML, with the link
 * that downloads exactly it — so chart, table and CSV always show the same numbers.
 */
export function tableTwin(
  view: PageName,
  table: ViewTable | undefined,
  caption: string,
  search: URLSearchParams,
): Html {
  if (table === undefined) return h``;
  const csv = `/insights/${view}.csv${query(search, { table: table.name })}`;
  const head = table.columns.map((c) => h`<th scope="col">${c.replaceAll('_', ' ')}</th>`);
  const rows =
    table.rows.length === 0
      ? h`<tr><td colspan="${table.columns.length}">Nothing in this period.</td></tr>`
      : table.rows.map(
          (r) =>
            h`<tr>${r.map((v, i) => h`<td>${cell(table.columns[i] ?? '', v, r[0])}</td>`)}</tr>`,
        );
  return h`<div class="twin"><table><caption>${caption} <a class="csv" href="${csv}" download>CSV</a></caption><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></div>`;
}

/** A chart and its table twin, as one figure. */
export function figure(caption: string, chart: Html, twin: Html): Html {
  return h`<section class="figure"><h2>${caption}</h2>${chart}${twin}</section>`;
}

export const tableNamed = (tables: readonly ViewTable[], name: string) =>
  tables.find((t) => t.name === name);
