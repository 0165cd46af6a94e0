/**
 * The insights bench's view timings alone, on a year kept from an earlier fill (no ingestion runs,
 * no fill): `npx tsx bench/insights/views-only.ts <year.db> [repeat=7] [view,view…]`. Each view as
 * served (timeViews), over 30 days and "1y", as of the fill's last day; p95 and the load average
 * beside it, since the machine may be shared. Opening the file migrates it to this schema.
 */
import { loadavg } from 'node:os';
import { openStore } from '@/server/store';
import { p } from './ingest-runs';
import { filledDays } from './raw-sqlite';
import { timeViews } from './view-runs';

const [path, repeat = '7', only] = process.argv.slice(2);
if (path === undefined) throw new Error('usage: views-only.ts <year.db> [repeat] [view,view…]');
const { last } = filledDays(path);
const store = await openStore(path, { now: () => new Date(`${last}T12:00:00.000Z`) });
const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
for (const since of ['30d', '1y'])
  for (const t of await timeViews(store, since, Number(repeat), only?.split(',')))
    console.log(
      `${t.view} ${since}: p95 ${Math.round(p(t.ms, 95))} ms, min ${Math.round(Math.min(...t.ms))} ms, ${t.bytes} B; load ${load()}`,
    );
await store.close();
