/**
 * `npm run bench:scale`: several stateless servers on PostgreSQL behind a real load balancer, all
 * on loopback, under a fleet of simulated extensions and authors — checking correctness, not
 * only speed. PostgreSQL (a throwaway cluster) + 2 `waymark serve` instances behind Debian's
 * nginx; 5,000 agents each keeping their own synced state; 50 authors drafting, submitting and
 * publishing with If-Match; one instance restarted mid-run. After every phase each agent's items
 * are compared with what the database shows its role and team.
 *
 * Phases: steady (agents every 10 s, authors about 1/min), herd (a publish burst, then every agent
 * within 10 s), storm (authors 1/s each while agents keep polling), ceiling (idle syncs as fast as
 * they go). The same phases run against one `waymark serve` on SQLite for the baseline.
 * Bounded: about 6 minutes; every loop stops on its own. Loopback only.
 */
import { writeFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '@/server/store';
import { spread } from './scale/agents';
import { httpClient } from './scale/http';
import { AuthorPool } from './scale/author-pool';
import { ceiling, phase, polling, type PhaseResult, type Run } from './scale/phases';
import { prepareDatabase } from './scale/setup';
import { PhaseStats } from './scale/stats';
import { freePort, ServerInstance, startNginx, startPostgres } from './scale/topology';
import { targetRows, type Row } from './scale/targets';

const ROOT = join(import.meta.dirname, '..');
const AGENTS = Number(process.env.SCALE_AGENTS ?? 5000);

async function runPhases(run: Run, restart: (() => Promise<void>) | undefined) {
  const results: PhaseResult[] = [];
  await phase(run, 'setup', async (stats) => {
    await run.authors.run({ op: 'create' }, stats);
    await spread(run.agents, 15, (agent) => agent.sync(run.http, stats));
  });
  results.push(
    await phase(run, 'steady', async (stats) => {
      const restarting = restart && new Promise((r) => setTimeout(r, 15_000)).then(restart);
      const authoring = run.authors.run({ op: 'cycles', cycles: 1, interval: 40 }, stats);
      await Promise.all([polling(run, stats, 4, 10), authoring, restarting]);
    }),
  );
  results.push(
    await phase(run, 'herd', async (stats) => {
      await run.authors.run({ op: 'cycles', cycles: 1, interval: 0 }, new PhaseStats());
      await spread(run.agents, 10, (agent) => agent.sync(run.http, stats));
    }),
  );
  results.push(
    await phase(run, 'storm', async (stats) => {
      const authoring = run.authors.run({ op: 'cycles', cycles: 20, interval: 1 }, stats);
      await Promise.all([polling(run, stats, 2, 10), authoring]);
    }),
  );
  results.push(await phase(run, 'ceiling', (stats) => ceiling(run, stats, 10, 128)));
  return results;
}

type Prepared = Awaited<ReturnType<typeof prepareDatabase>> & { store: Run['store'] };

async function withStore(db: string, body: (prepared: Prepared) => Promise<PhaseResult[]>) {
  const store = await openStore(db, { max: 4 });
  try {
    console.error(
      `scale: seeding ${AGENTS} agents into ${db.startsWith('postgres') ? 'PostgreSQL' : 'SQLite'}…`,
    );
    const people = await prepareDatabase(store, join(ROOT, 'content'), AGENTS);
    return await body({ store, ...people });
  } finally {
    await store.close();
  }
}

async function postgresRun(): Promise<PhaseResult[]> {
  const pg = startPostgres();
  try {
    return await withStore(pg.url, async (run) => {
      const instances = [
        new ServerInstance(pg.url, await freePort()),
        new ServerInstance(pg.url, await freePort()),
      ];
      await Promise.all(instances.map((i) => i.start()));
      const nginx = await startNginx(instances.map((i) => i.port));
      const http = httpClient(nginx.url);
      const authors = new AuthorPool({ baseUrl: nginx.url, authors: run.authors });
      try {
        const restart = async () => {
          console.error('scale: restarting instance 1 (SIGTERM, drain, start)');
          await instances[0]!.stop();
          await instances[0]!.start();
        };
        return await runPhases({ ...run, http, authors }, restart);
      } finally {
        await authors.close();
        http.close();
        nginx.stop();
        await Promise.all(instances.map((i) => i.stop()));
      }
    });
  } finally {
    pg.stop();
  }
}

async function sqliteRun(): Promise<PhaseResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'waymark-scale-sqlite-'));
  try {
    return await withStore(join(dir, 'waymark.db'), async (run) => {
      const instance = new ServerInstance(join(dir, 'waymark.db'), await freePort());
      await instance.start();
      const http = httpClient(instance.url);
      const authors = new AuthorPool({ baseUrl: instance.url, authors: run.authors });
      try {
        return await runPhases({ ...run, http, authors }, undefined);
      } finally {
        await authors.close();
        http.close();
        await instance.stop();
      }
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const postgres = await postgresRun();
const sqlite = process.env.SCALE_SKIP_BASELINE === '1' ? [] : await sqliteRun();
const rows: Row[] = targetRows(postgres, sqlite);
const lines = [
  `| phase | figure | PostgreSQL + 2 instances + nginx | target | | SQLite, 1 process |`,
  `| --- | --- | ---: | ---: | --- | ---: |`,
  ...rows.map(
    (r) =>
      `| ${r.phase} | ${r.figure} | ${r.value} | ${r.target} | ${r.ok ? '✓' : '✗'} | ${r.baseline} |`,
  ),
];
console.log(
  `\nbench:scale — ${AGENTS} agents, 50 authors, Node ${process.version}\n\n${lines.join('\n')}\n`,
);
mkdirSync(join(import.meta.dirname, 'results'), { recursive: true });
writeFileSync(join(import.meta.dirname, 'results', 'scale.md'), `${lines.join('\n')}\n`);
const missed = rows.filter((r) => !r.ok);
if (missed.length > 0) {
  console.error(
    `bench:scale: ${missed.length} target(s) missed: ${missed.map((r) => `${r.phase} ${r.figure}`).join(', ')}`,
  );
  process.exitCode = 1;
}
