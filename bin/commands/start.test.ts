import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { meSchema } from '@/lib/content-model';
import { ROOT } from '../test-support';

const scratch = mkdtempSync(join(tmpdir(), 'waymark-start-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs `waymark start` until it says it is ready; returns its output and a way to stop it. */
async function start(): Promise<{ stdout: string; stop: () => Promise<number | null> }> {
  // --skip-build: the extension build itself is exercised by the browser tests.
  const child = spawn(
    process.execPath,
    [
      join(ROOT, 'bin', 'waymark.mjs'),
      'start',
      '--skip-build',
      '--port',
      '0',
      '--db',
      join(scratch, 'waymark.db'),
    ],
    { cwd: ROOT },
  );
  let stdout = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('Stop with Ctrl+C')) resolve();
    });
    void exited.then((code) => reject(new Error(`start exited ${code}`)));
  });
  return {
    stdout,
    stop: () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

const tokenOf = (stdout: string, role: string) =>
  new RegExp(`${role} token: +(wmk_\\S+)`).exec(stdout)?.[1];

describe('waymark start', () => {
  it('serves the seeded content with an admin, author, reviewer and learner whose tokens survive a restart', async () => {
    const first = await start();
    const { stdout } = first;
    expect(stdout).toMatch(/Extension: +\S+\.output\/chrome-mv3/);
    const url = /Content server: +(http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1];
    const me = async (token: string | undefined) =>
      meSchema.parse(
        await (
          await fetch(`${url}/v1/me`, { headers: { Authorization: `Bearer ${token}` } })
        ).json(),
      );
    for (const [role, email] of [
      ['Admin', 'admin@example.com'],
      ['Author', 'author@example.com'],
      ['Reviewer', 'reviewer@example.com'],
    ] as const)
      expect(await me(tokenOf(stdout, role))).toMatchObject({ email, role: role.toLowerCase() });
    const learner = tokenOf(stdout, 'Learner');
    expect(await me(learner)).toMatchObject({
      email: 'learner@example.com',
      role: 'learner',
      team: 'tier1',
    });
    const feed = (await (
      await fetch(`${url}/v1/feed`, { headers: { Authorization: `Bearer ${learner}` } })
    ).json()) as { items: { status: string }[] };
    expect(feed.items.length).toBeGreaterThan(0);
    expect(feed.items.every((item) => item.status === 'published')).toBe(true);
    expect(await first.stop()).toBe(0);

    const second = await start();
    expect(tokenOf(second.stdout, 'Learner')).toBe(learner);
    expect(second.stdout).toContain('The same tokens as last time');
    expect(await second.stop()).toBe(0);
  });
});
