import type { Context } from 'hono';
import {
  csvLines,
  viewTables,
  type GapsView,
  type InsightView,
  type ViewTable,
} from '@/lib/insights/views';
import { HttpError } from '../http';
import type { Store } from '../store';
import { gapKey } from './gap-state';
import type { ViewQuery } from './range';
import { byText, groupBy } from './views/common';

/** CSV lines sent per chunk of a streamed export. */
const LINES_PER_CHUNK = 1_000;

/**
 * Every visible query of every gap, in the view's order (gaps as listed, each most searched
 * first): the Gaps view lists only each gap's top queries, its CSV has them all. The same read
 * and threshold (`view.k`) as the view, so nothing under the k rule is exported either.
 */
async function allGapQueries(store: Store, q: ViewQuery, view: GapsView): Promise<ViewTable> {
  const byGap = groupBy(await store.insights.visibleQueries(q, view.k), (r) =>
    gapKey(r.app, r.screen),
  );
  const rows = view.gaps.flatMap((g) =>
    (byGap.get(g.key) ?? [])
      .sort((a, b) => b.searches - a.searches || byText(a.query, b.query))
      .map((r) => [g.app, g.screen, r.query, r.searches, r.people]),
  );
  return { name: 'queries', columns: ['app', 'screen', 'query', 'searches', 'people'], rows };
}

/**
 * The table named `name` (default: the view's first) as its CSV export holds it: the view's own
 * table, or — for a table the view shows only the top of — the whole of it. Undefined when the
 * view has no such table.
 */
export async function exportTable(
  store: Store,
  q: ViewQuery,
  view: InsightView,
  name: string | undefined,
): Promise<ViewTable | undefined> {
  const tables = viewTables(view);
  const chosen = name === undefined ? tables[0] : tables.find((t) => t.name === name);
  if (view.view === 'gaps' && chosen?.name === 'queries') return allGapQueries(store, q, view);
  return chosen;
}

/** A table's CSV as a download, streamed in chunks (a year's queries run to megabytes). */
export function csvDownload(c: Context, view: InsightView, table: ViewTable): Response {
  const { from, to } = view.period;
  c.header('Content-Type', 'text/csv; charset=utf-8');
  c.header(
    'Content-Disposition',
    `attachment; filename="waymark-${view.view}-${table.name}-${from}-${to}.csv"`,
  );
  const lines = csvLines(table);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      let chunk = '';
      for (let i = 0; i < LINES_PER_CHUNK; i++) {
        const next = lines.next();
        if (next.done === true) {
          if (chunk !== '') controller.enqueue(encoder.encode(chunk));
          controller.close();
          return;
        }
        chunk += next.value;
      }
      controller.enqueue(encoder.encode(chunk));
    },
  });
  return c.body(body);
}

/**
 * The CSV download of the view's table `name` (default: its first), whole as `exportTable` gives
 * it; 400 naming the view's tables when it has no such table.
 */
export async function tableDownload(
  c: Context,
  store: Store,
  q: ViewQuery,
  view: InsightView,
  name: string | undefined,
): Promise<Response> {
  const chosen = await exportTable(store, q, view, name);
  if (chosen === undefined)
    throw new HttpError(
      400,
      'bad_request',
      `table: one of ${viewTables(view)
        .map((t) => t.name)
        .join(', ')}`,
    );
  return csvDownload(c, view, chosen);
}
