import { createApp } from '@/server/app';
import { views } from '@/server/insights/routes';
import type { Store } from '@/server/store';

export interface ViewTiming {
  view: string;
  since: string;
  ms: number[];
  bytes: number;
}

/** Each view as served (GET /v1/insights/<view>, an admin's token, in process), `repeat` times. */
export async function timeViews(
  store: Store,
  since: string,
  repeat: number,
  only?: readonly string[],
): Promise<ViewTiming[]> {
  const app = createApp(store, { log: false });
  const token = await store.addUser({
    email: `admin-${since}@example.com`,
    role: 'admin',
    team: undefined,
    rotate: true, // a reused year (INSIGHTS_BENCH_YEAR_DB) has this admin from its last run
  });
  const out: ViewTiming[] = [];
  for (const view of Object.keys(views)) {
    if (only !== undefined && !only.includes(view)) continue;
    const timing: ViewTiming = { view, since, ms: [], bytes: 0 };
    // One untimed request first: p95 is of a warm server (statements prepared, pages cached).
    for (let i = -1; i < repeat; i++) {
      const start = performance.now();
      const res = await app.request(`/v1/insights/${view}?since=${since}`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      const body = await res.text();
      if (i >= 0) timing.ms.push(performance.now() - start);
      if (res.status !== 200) throw new Error(`${view} ${since}: HTTP ${res.status} ${body}`);
      timing.bytes = body.length;
    }
    out.push(timing);
  }
  return out;
}
