import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, waymark } from '../test-support';

const scratch = mkdtempSync(join(tmpdir(), 'waymark-serve-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Starts `waymark serve` as a child process and resolves with the URL it prints. */
function startServe(args: string[]) {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'waymark.mjs'), 'serve', ...args], {
    cwd: ROOT,
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(stdout);
      if (match?.[1] !== undefined) resolve(match[1]);
    });
    void exited.then((code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
  });
  return { child, url, exited, output: () => ({ stdout, stderr }) };
}

describe('waymark serve', () => {
  it('seeds an empty database, serves /healthz and exits 0 on SIGTERM', async () => {
    const db = join(scratch, 'new-dir', 'waymark.db');
    const serve = startServe(['--db', db, '--port', '0']);
    const url = await serve.url;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${url}/healthz`);
    expect(await res.json()).toEqual({ ok: true });
    serve.child.kill('SIGTERM');
    expect(await serve.exited).toBe(0);
    const { stdout, stderr } = serve.output();
    expect(stderr).toMatch(/seeded .* \d+ apps, \d+ items, 10 templates/);
    expect(stdout).toMatch(/"path":"\/healthz"/);
  });

  it('exits 1 listing every problem when the seed content is invalid', async () => {
    const content = join(scratch, 'bad-content');
    mkdirSync(join(content, 'articles'), { recursive: true });
    writeFileSync(join(content, 'articles', 'broken.md'), '# no front matter\n');
    const { code, stdout, stderr } = await waymark(
      'serve',
      '--db',
      join(scratch, 'bad.db'),
      '--seed',
      content,
    );
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/broken\.md:1: the file must start with/);
    expect(stderr).toMatch(/nothing was seeded/);
  });

  it('exits 2 when the port is not a number', async () => {
    const { code, stderr } = await waymark('serve', '--port', 'http');
    expect(code).toBe(2);
    expect(stderr).toMatch(/--port must be a port number/);
  });
});

describe('waymark serve identity options', () => {
  it('exits 2 naming the flag when an issuer comes without an audience', async () => {
    const { code, stderr } = await waymark('serve', '--oidc-issuer', 'https://idp.example.com');
    expect(code).toBe(2);
    expect(stderr).toMatch(/--oidc-issuer and --oidc-audience go together/);
  });

  it('exits 2 naming the file and field when the config file is wrong', async () => {
    const file = join(scratch, 'waymark.yaml');
    writeFileSync(file, 'groups:\n  roles:\n    Admins: superuser\n');
    const { code, stderr } = await waymark('serve', '--config', file);
    expect(code).toBe(2);
    expect(stderr).toContain(`${file}: groups.roles.Admins:`);
  });
});
