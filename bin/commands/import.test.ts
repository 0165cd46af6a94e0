import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_FIXTURES } from '@/lib/import/test-fixtures';
import { startServer, type RunningServer } from '@/server/main';
import { tempStore, tokenFor } from '@/server/test-fixtures';
import { main } from '../main';

const scratch = mkdtempSync(join(tmpdir(), 'waymark-import-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const fixture = (name: string) => join(IMPORT_FIXTURES, name);

describe('waymark import --into', () => {
  it.each([
    ['zendesk', 'zendesk', 4, 1],
    ['confluence', 'confluence-space', 3, 0],
    ['guru', 'guru-collection', 3, 0],
    ['html', 'html-site', 3, 0],
    ['markdown', 'markdown-wiki', 3, 0],
  ])(
    'imports a %s export as drafts that content check accepts, and a re-import changes nothing',
    async (system, name, count, problems) => {
      const dir = join(scratch, system);
      const first = await run('import', system, fixture(name), '--into', dir);
      expect(first.err).toMatch(
        new RegExp(
          `: ${count} new, 0 updated \\(as drafts for review\\), 0 unchanged, ${problems} failed$`,
        ),
      );
      expect(first.code).toBe(problems === 0 ? 0 : 1);
      const check = await run('content', 'check', dir);
      expect(check.out).toBe('');
      expect(check.code).toBe(0);
      const again = await run('import', system, fixture(name), '--into', dir);
      expect(again.err).toMatch(
        new RegExp(`: 0 new, 0 updated \\(as drafts for review\\), ${count} unchanged`),
      );
    },
  );

  it('writes Confluence macros, tasks, code and links as Markdown, and names unknown macros by line', async () => {
    const dir = join(scratch, 'confluence-base');
    const result = await run(
      'import',
      'confluence',
      fixture('confluence-space'),
      '--into',
      dir,
      '--base-url',
      'https://northwind.atlassian.net/wiki',
    );
    expect(result.out).toMatch(
      /confluence-space\/entities\.xml:88: unknown macro "roadmap-planner": dropped/,
    );
    const text = readFileSync(join(dir, 'articles', 'escalation-process-98306.md'), 'utf8');
    expect(text).toContain(
      '> **Info: Before you escalate**\n>\n> Check the status page and the [current rota](../articles/on-call-rota-98307.md).',
    );
    expect(text).toContain(
      '- [x] Set the ticket priority to **Urgent**\n- [ ] Page the on-call engineer',
    );
    expect(text).toContain(
      '```bash\ncurl -X POST https://pager.northwind.example/v1/page \\\n  -d \'{"team": "platform", "msg": "<b>P1</b> | checkout down"}\'\n```',
    );
    expect(text).toContain(
      '![The escalation button on a ticket](https://northwind.atlassian.net/wiki/download/attachments/98306/escalate%20button.png)',
    );
    expect(text).toContain(
      'source:\n  system: confluence\n  id: "98306"\n  url: https://northwind.atlassian.net/wiki/spaces/SUP/pages/98306\n',
    );
    expect(text).not.toMatch(/javascript:|onclick|roadmap/);
  });

  it('publishes with --status published, each with a verify-by date', async () => {
    const dir = join(scratch, 'published');
    const result = await run(
      'import',
      'guru',
      fixture('guru-collection'),
      '--into',
      dir,
      '--status',
      'published',
    );
    expect(result.err).toMatch(/3 new, 0 updated \(published\)/);
    const text = readFileSync(join(dir, 'articles', 'returns-faq-14387f08.md'), 'utf8');
    expect(text).toMatch(/\nstatus: published\nverify_by: \d{4}-\d{2}-\d{2}\n/);
  });

  it('refuses an unknown system and a missing export as usage errors', async () => {
    expect((await run('import', 'notion', fixture('zendesk'))).code).toBe(2);
    const missing = await run('import', 'zendesk', join(scratch, 'nope'), '--into', scratch);
    expect([missing.code, missing.err]).toEqual([
      2,
      expect.stringMatching(/cannot read .*nope: no such file or folder/),
    ]);
  });
});

describe('waymark import --server', () => {
  let env: Awaited<ReturnType<typeof tempStore>>;
  let server: RunningServer;
  let author: string;
  beforeAll(async () => {
    env = await tempStore();
    author = await tokenFor(env.store, 'author@example.com', 'author');
    server = await startServer(env.store, { host: '127.0.0.1', port: 0, log: () => {} });
  });
  afterAll(async () => {
    await server.close();
    await env.cleanup();
  });

  it('sends the items as drafts under the workflow, then updates instead of duplicating', async () => {
    const args = [
      'import',
      'markdown',
      fixture('markdown-wiki'),
      '--server',
      server.url,
      '--token',
      author,
    ];
    const first = await run(...args);
    expect(first.err).toMatch(
      /: 3 new, 0 updated \(as drafts for review\), 0 unchanged, 0 failed$/,
    );
    expect(await env.store.getItem('escalations-4327ea3c')).toMatchObject({
      status: 'draft',
      owner: 'author@example.com',
      source: { system: 'markdown', id: 'guides/escalations.md' },
    });
    const again = await run(...args);
    expect(again.err).toMatch(
      /: 0 new, 0 updated \(as drafts for review\), 3 unchanged, 0 failed$/,
    );
  });

  it('leaves publishing to the server workflow: --status published with --server is a usage error', async () => {
    const result = await run(
      'import',
      'markdown',
      fixture('markdown-wiki'),
      '--server',
      server.url,
      '--token',
      author,
      '--status',
      'published',
    );
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/on a server the workflow decides/);
  });
});
