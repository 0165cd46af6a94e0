import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { meSchema } from '@/lib/content-model';
import { ROOT } from '../test-support';

const scratch = mkdtempSync(join(tmpdir(), 'waymark-start-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('waymark start', () => {
  it('serves the seeded content and prints the extension folder, the endpoint and two working tokens', async () => {
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
    expect(stdout).toMatch(/Extension: +\S+\.output\/chrome-mv3/);
    const url = /Content server: +(http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1];
    const admin = /Admin token: +(wmk_\S+)/.exec(stdout)?.[1];
    const learner = /Learner token: +(wmk_\S+)/.exec(stdout)?.[1];
    expect([url, admin, learner].every(Boolean)).toBe(true);
    const me = async (token: string | undefined) =>
      meSchema.parse(
        await (
          await fetch(`${url}/v1/me`, { headers: { Authorization: `Bearer ${token}` } })
        ).json(),
      );
    expect(await me(admin)).toMatchObject({ email: 'admin@example.com', role: 'admin' });
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
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
