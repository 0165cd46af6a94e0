/**
 * `npm run bench:server`: requests/s and p99 latency of the content server (the real Hono app on
 * a temp SQLite file seeded from content/ plus generated articles) for the requests a fleet of
 * extensions makes, next to a plain node:http server answering the same bytes from memory with
 * the same headers — the practical ceiling on this machine, measured in the same run.
 *
 * Load comes from autocannon in a worker thread, so it does not share the servers' event loop.
 * ~1 minute: 4 scenarios × 2 servers × 5 s, plus seeding.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import {
  createServer,
  request,
  type IncomingHttpHeaders,
  type OutgoingHttpHeaders,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadContent } from '@/lib/content-files';
import { startServer } from '@/server/main';
import { seedFromContent } from '@/server/seed';
import { openStore } from '@/server/store';
import { budget, writePart, type Cell } from './report';
import { generatedArticle } from './lib/generated-article';
import { loadTest, type LoadResult } from './lib/load-test';

const DURATION_S = 5;
const CONNECTIONS = 10;
const GENERATED_ITEMS = 1000;
const PAGE_LIMIT = 200;

const dir = mkdtempSync(join(tmpdir(), 'waymark-bench-server-'));
const store = await openStore(join(dir, 'waymark.db'));
const seeded = await seedFromContent(store, join(import.meta.dirname, '..', 'content'), (d) =>
  loadContent(d),
);
await store.upsertItems(
  Array.from({ length: GENERATED_ITEMS }, (_, i) => generatedArticle(i)),
  undefined,
);
const token = await store.addUser({
  email: 'learner@example.com',
  role: 'learner',
  team: undefined,
  rotate: false,
});
const running = await startServer(store, {
  host: '127.0.0.1',
  port: 0,
  log: () => undefined,
  // The 401 scenario fails sign-in on purpose, thousands of times a second.
  authFailuresPerMinute: Number.MAX_SAFE_INTEGER,
});

const feedUrl = `${running.url}/v1/feed?limit=${PAGE_LIMIT}`;
const auth = { authorization: `Bearer ${token}` };
const page = await rawGet(feedUrl, auth);
const etag = String(page.headers.etag);
const scenarios = [
  { name: 'feed 304 (If-None-Match)', status: 304, headers: { ...auth, 'if-none-match': etag } },
  { name: `feed page, ${PAGE_LIMIT} items`, status: 200, headers: auth },
  {
    name: `feed page, ${PAGE_LIMIT} items, br`,
    status: 200,
    headers: { ...auth, 'accept-encoding': 'br' },
  },
  { name: 'bad token (401)', status: 401, headers: { authorization: 'Bearer wmk_not-a-token' } },
];

// The ceiling: each scenario's response exactly as the real server sent it, replayed from memory.
const canned = await Promise.all(scenarios.map((s) => rawGet(feedUrl, s.headers)));
const ceiling = createServer((req, res) => {
  const i = scenarios.findIndex((s) =>
    Object.entries(s.headers).every(([k, v]) => req.headers[k] === v),
  );
  const reply = canned[i] ?? canned[canned.length - 1]!;
  res.writeHead(reply.status, replayable(reply.headers));
  res.end(reply.body);
});
await new Promise<void>((resolve) => ceiling.listen(0, '127.0.0.1', resolve));
const ceilingUrl = `http://127.0.0.1:${(ceiling.address() as AddressInfo).port}/v1/feed?limit=${PAGE_LIMIT}`;

const measured: { scenario: string; bytes: number; ours: LoadResult; ceiling: LoadResult }[] = [];
for (const [i, s] of scenarios.entries()) {
  if (canned[i]?.status !== s.status)
    throw new Error(`${s.name}: the server answered ${canned[i]?.status}, expected ${s.status}`);
  const options = {
    headers: s.headers,
    status: s.status,
    seconds: DURATION_S,
    connections: CONNECTIONS,
  };
  const ours = await loadTest(feedUrl, options);
  const base = await loadTest(ceilingUrl, options);
  console.error(`server ${s.name}: ${ours.requestsPerSecond} req/s vs ${base.requestsPerSecond}`);
  measured.push({ scenario: s.name, bytes: canned[i].body.length, ours, ceiling: base });
}
await running.close();
await new Promise((resolve) => ceiling.close(resolve));
rmSync(dir, { recursive: true, force: true });

const rows: Cell[][] = measured.map((m) => [
  m.scenario,
  m.bytes,
  m.ours.requestsPerSecond,
  m.ceiling.requestsPerSecond,
  `${Math.round((m.ours.requestsPerSecond / m.ceiling.requestsPerSecond) * 100)}%`,
  m.ours.latencyMs.p99,
  m.ceiling.latencyMs.p99,
  m.ours.unexpected + m.ceiling.unexpected,
]);
// Issue 15's budget: a 200-item page at ≥ 25 % of the static ceiling, i.e. the ceiling at most 4×.
const pageRun = measured.find((m) => m.scenario === `feed page, ${PAGE_LIMIT} items`);
const pageRatio =
  pageRun === undefined
    ? Infinity
    : pageRun.ceiling.requestsPerSecond / pageRun.ours.requestsPerSecond;
writePart({
  part: 'server',
  budgets: [
    budget(
      `feed page (${PAGE_LIMIT} items): static ceiling ÷ ours`,
      4,
      Math.round(pageRatio * 100) / 100,
      '×',
    ),
  ],
  title: 'Content server: waymark vs a static node:http ceiling',
  tables: [
    {
      columns: [
        'scenario',
        'body bytes',
        'req/s',
        'static req/s',
        'of ceiling',
        'p99 ms',
        'static p99 ms',
        'unexpected',
      ],
      rows,
    },
  ],
  notes: [
    `autocannon ${DURATION_S} s per scenario, ${CONNECTIONS} connections, keep-alive, 127.0.0.1, load generated in a worker thread; both servers in the bench process.`,
    `Database: content/ (${seeded?.items ?? 0} items, ${seeded?.apps ?? 0} apps) plus ${GENERATED_ITEMS} generated articles; learner token; a page is ${PAGE_LIMIT} items.`,
    'Static: node:http replaying the real response (status, headers, body bytes) from memory; "br" there serves the already-compressed bytes, so that row shows the cost of compressing per request.',
    '"unexpected": responses with another status than the scenario expects (both servers), or errors. p99 in whole ms (autocannon’s resolution).',
  ],
  data: { seeded, generated: GENERATED_ITEMS, measured },
});

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** GET with node:http (fetch would decode a compressed body; the ceiling needs the bytes sent). */
function rawGet(url: string, headers: Record<string, string>): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    })
      .on('error', reject)
      .end();
  });
}

/** Response headers minus the per-connection ones node:http sets itself. */
function replayable(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const skip = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);
  return Object.fromEntries(Object.entries(headers).filter(([k]) => !skip.has(k)));
}
