import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventIngest } from '@/server/insights/ingest';
import {
  failedSearch,
  installOf,
  learner,
  movableClock,
  sendEvents,
} from '@/server/insights/test-support';
import { testBackends, type TempStore } from '@/server/test-fixtures';
import { waymark } from '../test-support';

const scratch = mkdtempSync(join(tmpdir(), 'waymark-insights-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const PERIOD = ['--since', '2026-05-17', '--until', '2026-06-15'];
const TICKET = { app: 'zendesk', screen: 'ticket' };

describe.each(testBackends())('waymark insights on $name', (backend) => {
  let env: TempStore;
  beforeAll(async () => {
    const clock = movableClock('2026-06-10T10:00:00.000Z');
    env = await backend.open(clock.now);
    const ingest = new EventIngest(env.store);
    // Four people typed "refund for jane": never shown. Five typed "merge tickets".
    for (const person of [1, 2, 3, 4])
      await sendEvents(
        env.store,
        learner(`p${person}@example.com`),
        [failedSearch('2026-06-10', 'refund for jane', TICKET)],
        { install: installOf(person), ingest },
      );
    for (const person of [5, 6, 7, 8, 9])
      await sendEvents(
        env.store,
        learner(`p${person}@example.com`),
        [failedSearch('2026-06-10', 'merge tickets', TICKET)],
        { install: installOf(person), ingest },
      );
    await env.store.close();
  });
  afterAll(() => env.cleanup());

  it('prints the gaps as a table, CSV and JSON, with the words of five people and never of four', async () => {
    const table = await waymark('insights', 'gaps', ...PERIOD, '--db', env.location);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^gaps\napp +screen +searches +failed +failed_rate/);
    expect(table.stdout).toMatch(/zendesk +ticket +9 +9 +1 /);
    const csv = await waymark(
      'insights',
      'gaps',
      ...PERIOD,
      '--format',
      'csv',
      '--table',
      'queries',
      '--db',
      env.location,
    );
    expect(csv.stdout).toBe(
      'app,screen,query,searches,people\r\nzendesk,ticket,merge tickets,5,5\n',
    );
    const json = await waymark(
      'insights',
      'gaps',
      ...PERIOD,
      '--app',
      'zendesk',
      '--format',
      'json',
      '--db',
      env.location,
    );
    expect(JSON.parse(json.stdout)).toMatchObject({
      view: 'gaps',
      app: 'zendesk',
      k: 5,
      totals: { searches: 9, failed: 9 },
    });
    for (const output of [table, csv, json])
      expect(output.stdout + output.stderr).not.toContain('jane');
    for (const view of ['content', 'guidance', 'learning', 'teams', 'impact']) {
      const other = await waymark('insights', view, ...PERIOD, '--db', env.location);
      expect(other.code, view).toBe(0);
      expect(other.stdout).not.toContain('jane');
    }
    // Eight runs of the CLI, each starting Node and tsx.
  }, 120_000);

  it('imports a helpdesk export with the key from a file, hashing and dropping the ids', async () => {
    const file = join(scratch, `${backend.name}-tickets.csv`);
    const keyFile = join(scratch, 'key');
    writeFileSync(keyFile, `${'k'.repeat(40)}\n`);
    writeFileSync(
      file,
      'Ticket ID,Solved at,Full resolution time (min)\n9001,2026-06-11,42\n,2026-06-11,5\n',
    );
    const result = await waymark(
      'insights',
      'import-helpdesk',
      file,
      '--key-file',
      keyFile,
      '--db',
      env.location,
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('imported 1 tickets (0 matched');
    expect(result.stderr).toContain('line 3: no ticket id');
    expect(result.stdout + result.stderr).not.toContain('9001');
    const noKey = await waymark('insights', 'import-helpdesk', file, '--db', env.location);
    expect(noKey.code).toBe(2);
  }, 60_000);
});
