import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../main';

/** In-process (no child Node per case): the messages a person sees for a wrong invocation. */
const scratch = mkdtempSync(join(tmpdir(), 'waymark-insights-errors-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const DB = join(scratch, 'waymark.db');
const KEY_FILE = join(scratch, 'key');
writeFileSync(KEY_FILE, `${'k'.repeat(40)}\n`);

async function run(...args: string[]) {
  let out = '';
  let err = '';
  const code = await main(['insights', ...args], {
    out: (text) => (out += `${text}\n`),
    err: (text) => (err += `${text}\n`),
  });
  return { code, out, err };
}

function csv(name: string, text: string): string {
  const file = join(scratch, name);
  writeFileSync(file, text);
  return file;
}

describe('waymark insights (bad invocations)', () => {
  it.each([
    [['gaps', '--since', 'last week'], '--since: must be like 30d'],
    [['gaps', '--format', 'xml'], '--format must be table, csv or json'],
    [['gaps', '--app', 'Zendesk Support'], '--app: '],
    [['gaps', '--until', '2026-13-40'], '--until: '],
    [['gaps', 'extra'], 'insights gaps takes no positional arguments'],
    [['gaps', '--colour'], "Unknown option '--colour'"],
    [['funnels'], 'unknown insights subcommand "funnels"'],
    [[], 'insights needs a view (gaps, content, guidance, learning, teams, impact)'],
    [['import-helpdesk'], 'insights import-helpdesk takes one CSV file'],
  ])('exits 2 for %j and says "%s"', async (args, message) => {
    const result = await run(...args, '--db', DB);
    expect(result.code).toBe(2);
    expect(result.err).toContain(message);
    expect(result.out).toBe('');
  });

  it('exits 2 naming both ends when --since falls after --until', async () => {
    const result = await run('gaps', '--since', '2026-06-20', '--until', '2026-06-10', '--db', DB);
    expect(result.code).toBe(2);
    expect(result.err).toContain('--since: 2026-06-20 is after until (2026-06-10)');
  });

  it('exits 2 for a period longer than the rollups are kept', async () => {
    const result = await run('content', '--since', '3y', '--db', DB);
    expect(result.code).toBe(2);
    expect(result.err).toContain('--since: at most 762 days');
  });

  it('exits 2 naming the table choices for an unknown --table', async () => {
    const result = await run('gaps', '--table', 'nope', '--format', 'csv', '--db', DB);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/--table must be one of gaps, /);
  });

  it('exits 2 for a missing export file, naming it', async () => {
    const file = join(scratch, 'absent.csv');
    const result = await run('import-helpdesk', file, '--key-file', KEY_FILE, '--db', DB);
    expect(result.code).toBe(2);
    expect(result.err).toContain(`cannot read ${file}: ENOENT`);
  });

  it('exits 2 for a key that is too short, naming where it came from', async () => {
    const file = csv('short-key.csv', 'Ticket ID,Solved at\n1,2026-06-10\n');
    const keyFile = join(scratch, 'short-key');
    writeFileSync(keyFile, 'secret\n');
    const result = await run('import-helpdesk', file, '--key-file', keyFile, '--db', DB);
    expect(result.code).toBe(2);
    expect(result.err).toContain(`--key-file ${keyFile} has 6 characters; it needs at least 32`);
  });

  it.each([
    ['no-id.csv', 'Solved at,Replies\n2026-06-10,3\n', 'no ticket id column (one of ticket_id'],
    ['no-day.csv', 'Ticket ID,Replies\n1,3\n', 'no date column (one of solved_at'],
    ['empty.csv', '', 'the export is empty'],
    ['open-quote.csv', 'Ticket ID,Solved at\n1,"2026-06-10\n2,2026-06-11\n', 'line 2: a quoted'],
  ])(
    'exits 1 for %s, naming the file and the problem, and imports nothing',
    async (name, text, message) => {
      const file = csv(name, text);
      const result = await run('import-helpdesk', file, '--key-file', KEY_FILE, '--db', DB);
      expect(result.code).toBe(1);
      expect(result.err).toContain(`${file}: ${message}`);
      expect(result.out).not.toContain('imported');
    },
  );

  it('imports the good rows and reports each bad one by line, exiting 1', async () => {
    const file = csv(
      'mixed.csv',
      'Ticket ID,Solved at,Replies\n1,2026-06-10,3\n2,someday,1\n3,2026-06-11,-2\n4,2026-06-11,0\n',
    );
    const result = await run('import-helpdesk', file, '--key-file', KEY_FILE, '--db', DB);
    expect(result.code).toBe(1);
    expect(result.out).toContain('imported 2 tickets');
    expect(result.out).toContain('2 skipped');
    expect(result.err).toContain(`${file}: line 3: the date "someday" is not a date`);
    expect(result.err).toContain(`${file}: line 4: replies "-2" is not a number`);
  });
});
