// Times GET /v1/insights/<view>?since=<since> `repeat` times (after one warm-up): p95/min and load.
import { loadavg } from 'node:os';
import { openStore } from '@/server/store';
import { createApp } from '@/server/app';
import { filledDays } from './bench/insights/raw-sqlite';
const [path, view, since, repeat = '5'] = process.argv.slice(2) as [string, string, string, string];
const { last } = filledDays(path);
const store = await openStore(path, { now: () => new Date(`${last}T12:00:00.000Z`) });
const app = createApp(store, { log: false });
const token = await store.addUser({ email: 'admin-learn@example.com', role: 'admin', team: undefined, rotate: true });
const ms: number[] = [];
let body = '';
for (let i = -1; i < Number(repeat); i++) {
  const s = performance.now();
  const res = await app.request(`/v1/insights/${view}?since=${since}`, { headers: { Authorization: `Bearer ${token}` } });
  body = await res.text();
  if (i >= 0) ms.push(performance.now() - s);
}
ms.sort((a, b) => a - b);
const p95 = ms[Math.min(ms.length - 1, Math.ceil(ms.length * 0.95) - 1)]!;
console.log(`${view} ${since}: p95 ${Math.round(p95)} ms, min ${Math.round(ms[0]!)} ms, ${body.length} B; load ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
const v = JSON.parse(body);
if (v.paths) console.log(JSON.stringify(v.paths.slice(0, 2).map((p: { path: string; new_hires: unknown }) => [p.path, p.new_hires])));
await store.close();
