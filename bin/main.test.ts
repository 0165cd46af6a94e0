import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, waymark } from './test-support';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleSchema } from '@/lib/content-model';

/** Runs the real CLI in a child process; resolves with its exit code and both streams. */

const scratch = mkdtempSync(join(tmpdir(), 'waymark-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('waymark detect', () => {
  it('prints the app and record for a Zendesk ticket URL', async () => {
    const { code, stdout } = await waymark('detect', 'https://acme.zendesk.com/agent/tickets/123');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      app: 'zendesk',
      screen: 'ticket',
      record: { type: 'ticket', id: '123' },
      context: {},
    });
  });

  it.each([
    'https://acme.zendesk.com.evil.example/agent/tickets/123',
    'https://evil.example/?u=https://acme.zendesk.com/agent/tickets/1',
  ])('prints app null and exits 0 for the spoofed URL %s', async (url) => {
    const { code, stdout } = await waymark('detect', url);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ app: null, screen: null, record: null, context: {} });
  });

  it('reads context from a saved page with --html and explains with --explain', async () => {
    const html = join(scratch, 'ticket.html');
    writeFileSync(
      html,
      readFileSync(join(ROOT, 'lib', 'context', 'fixtures', 'pages', 'zendesk-ticket.html')),
    );
    const { code, stdout } = await waymark(
      'detect',
      'https://acme.zendesk.com/agent/tickets/123',
      '--html',
      html,
      '--explain',
    );
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as {
      context: { subject?: string };
      explain: { host: { pattern: string } };
    };
    expect(out.context.subject).toBe('Refund not received for order 4411');
    expect(out.explain.host.pattern).toBe('*.zendesk.com');
  });

  it.each([
    [[], /expected exactly one URL, got 0/],
    [['a', 'b'], /expected exactly one URL, got 2/],
    [
      ['https://acme.zendesk.com/', '--html', '/no/such/page.html'],
      /cannot read --html \/no\/such\/page\.html: ENOENT/,
    ],
    [['https://acme.zendesk.com/', '--bogus'], /Unknown option '--bogus'/],
  ])('exits 2 with a message on stderr for bad arguments %j', async (args, message) => {
    const { code, stdout, stderr } = await waymark('detect', ...args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });
});

describe('waymark content', () => {
  it('passes check on the starter pack', async () => {
    const { code, stdout, stderr } = await waymark('content', 'check');
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^content ok: 10 apps, /);
    expect(code).toBe(0);
  });

  it('names each broken file and line of a broken copy and exits 1', async () => {
    const copy = join(scratch, 'broken');
    cpSync(join(ROOT, 'content'), copy, { recursive: true });
    const merge = join(copy, 'articles', 'merge-duplicate-tickets.md');
    writeFileSync(
      merge,
      readFileSync(merge, 'utf8').replace(/^status: published$/m, 'status: shipped'),
    );
    writeFileSync(join(copy, 'articles', 'no-front-matter.md'), '# Missing front matter\n');
    writeFileSync(
      join(copy, 'apps', 'zendesk.yaml'),
      `${readFileSync(join(copy, 'apps', 'zendesk.yaml'), 'utf8')}\nsurprise: true\n`,
    );
    const { code, stdout } = await waymark('content', 'check', copy);
    expect(code).toBe(1);
    const lines = stdout.trim().split('\n');
    expect(lines).toContainEqual(
      expect.stringMatching(/articles\/merge-duplicate-tickets\.md:\d+: status: /),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/articles\/no-front-matter\.md:1: the file must start with/),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/apps\/zendesk\.yaml:\d+: unknown field "surprise"/),
    );
  });

  it('builds a bundle that the shared schema accepts', async () => {
    const out = join(scratch, 'bundle.json');
    const { code } = await waymark('content', 'build', '--out', out);
    expect(code).toBe(0);
    const bundle = bundleSchema.parse(JSON.parse(readFileSync(out, 'utf8')));
    expect(bundle.apps).toHaveLength(10);
    expect(bundle.items.filter((i) => i.status === 'published').length).toBeGreaterThanOrEqual(60);
  });

  it('refuses to build from broken content and writes nothing', async () => {
    const out = join(scratch, 'never.json');
    const { code, stderr } = await waymark(
      'content',
      'build',
      join(scratch, 'broken'),
      '--out',
      out,
    );
    expect(code).toBe(1);
    expect(stderr).toMatch(/content build refused: \d+ problem\(s\); nothing was written/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('waymark', () => {
  it('exits 2 for an unknown command', async () => {
    const { code, stderr } = await waymark('frobnicate');
    expect(code).toBe(2);
    expect(stderr).toMatch(/unknown command "frobnicate"/);
  });
});
