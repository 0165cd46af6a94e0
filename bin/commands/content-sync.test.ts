import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '@/lib/content-files';
import { startServer, type RunningServer } from '@/server/main';
import { tempStore, tokenFor } from '@/server/test-fixtures';
import { DEFAULT_CONTENT_DIR } from '../io';
import { main } from '../main';

/** The repository's own content pushed to, and pulled from, a real server on 127.0.0.1. */
let env: Awaited<ReturnType<typeof tempStore>>;
let server: RunningServer;
let token: string;
let adminToken: string;
const scratch = mkdtempSync(join(tmpdir(), 'waymark-sync-'));

beforeAll(async () => {
  env = await tempStore();
  token = await tokenFor(env.store, 'author@example.com', 'author');
  adminToken = await tokenFor(env.store, 'admin@example.com', 'admin');
  // Apps have no write API: a server gets them from its seed, so the test seeds them likewise.
  for (const { value } of (await loadContent(DEFAULT_CONTENT_DIR, { appsOnly: true })).apps)
    await env.store.upsertApp(value);
  server = await startServer(env.store, { host: '127.0.0.1', port: 0, log: () => {} });
});
afterAll(async () => {
  await server.close();
  await env.cleanup();
  rmSync(scratch, { recursive: true, force: true });
});

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const remote = (dir: string) => [dir, '--server', server.url, '--token', token];

describe('waymark content push / pull', () => {
  it('pushes every item as a draft, then skips them all when nothing changed', async () => {
    const first = await run('content', 'push', ...remote(DEFAULT_CONTENT_DIR));
    expect(first.err).toMatch(/: 81 created, 0 updated \(as drafts\), 0 unchanged, 0 failed\n/);
    expect(first.code).toBe(0);
    expect(await env.store.getItem('password-reset-policy')).toMatchObject({
      status: 'draft',
      version: 1,
    });
    const again = await run('content', 'push', ...remote(DEFAULT_CONTENT_DIR));
    expect(again.err).toMatch(/0 created, 0 updated \(as drafts\), 81 unchanged/);
  });

  it("skips the templates of a non-admin's push, saying why, and sends them with an admin token", async () => {
    const author = await run('content', 'push', ...remote(DEFAULT_CONTENT_DIR));
    expect(author.err).toMatch(
      /\ntemplates: 10 changed, not sent: changing templates needs an admin token \(this one is author author@example\.com\); 0 unchanged$/,
    );
    expect(author.code).toBe(0);
    const args = [DEFAULT_CONTENT_DIR, '--server', server.url, '--token', adminToken];
    const admin = await run('content', 'push', ...args);
    expect(admin.err).toMatch(
      /81 unchanged, 0 failed\ntemplates: 10 created, 0 updated, 0 unchanged, 0 failed$/,
    );
    expect(admin.code).toBe(0);
    expect((await run('content', 'push', ...args)).err).toMatch(
      /templates: 0 created, 0 updated, 10 unchanged/,
    );
  });

  it('pulls files that `content check` accepts, rewriting only what changed', async () => {
    const dir = join(scratch, 'pulled');
    const pulled = await run('content', 'pull', ...remote(dir));
    expect(pulled.code).toBe(0);
    expect(pulled.err).toMatch(/: 101 written, 0 unchanged$/);
    const checked = await run('content', 'check', dir);
    expect(checked.out).toBe('');
    expect(checked.code).toBe(0);
    expect((await run('content', 'pull', ...remote(dir))).err).toMatch(/0 written, 101 unchanged/);
    const file = readFileSync(join(dir, 'articles', 'password-reset-policy.md'), 'utf8');
    expect(file).toMatch(/^---\nid: password-reset-policy\ntype: article\ntemplate: policy\n/);
    const templates = async (from: string) =>
      (await loadContent(from)).templates.map((t) => t.value);
    expect(await templates(dir)).toEqual(await templates(DEFAULT_CONTENT_DIR));
  });

  it('pushes an edited pulled file as a new draft version, and refuses a stale one with 409', async () => {
    const dir = join(scratch, 'pulled');
    const path = join(dir, 'articles', 'password-reset-policy.md');
    writeFileSync(path, `${readFileSync(path, 'utf8')}\nOne more line.\n`);
    const pushed = await run('content', 'push', ...remote(dir));
    expect(pushed.err).toMatch(/0 created, 1 updated \(as drafts\), 80 unchanged, 0 failed/);
    expect((await env.store.getItem('password-reset-policy'))?.version).toBe(2);
    // The file still says version 1: a second edit based on it would overwrite version 2.
    writeFileSync(path, `${readFileSync(path, 'utf8')}Another.\n`);
    const stale = await run('content', 'push', ...remote(dir));
    expect(stale.code).toBe(1);
    expect(stale.out).toMatch(
      /password-reset-policy\.md: 409 conflict: .*\(pull, merge and push again\)/,
    );
  });

  it('refuses to push content with problems, listing them all and sending nothing', async () => {
    const dir = join(scratch, 'broken');
    const articles = join(dir, 'articles');
    await run('content', 'pull', ...remote(dir));
    writeFileSync(join(articles, 'bad-one.md'), '---\ntitle: x\n---\n');
    writeFileSync(join(articles, 'bad-two.md'), 'no front matter');
    const res = await run('content', 'push', ...remote(dir));
    expect(res.code).toBe(1);
    expect(res.out).toMatch(/bad-one\.md/);
    expect(res.out).toMatch(/bad-two\.md/);
    expect(res.err).toMatch(/nothing was sent/);
  });

  it('needs --server and a token', async () => {
    expect((await run('content', 'push', scratch, '--token', 't')).code).toBe(2);
  });
});
