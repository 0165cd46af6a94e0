import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'waymark.mjs');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
    server.on('error', reject);
  });
}

/** A throwaway PostgreSQL cluster (scripts/pg-cluster.sh) with an empty `waymark` database. */
export function startPostgres(): { url: string; stop: () => void } {
  // /tmp itself, not a private mkdtemp folder: the cluster runs as the postgres user.
  const dir = join(tmpdir(), `waymark-scale-pg-${process.pid}`);
  const script = join(ROOT, 'scripts', 'pg-cluster.sh');
  const started = spawnSync(script, ['start', dir], {
    encoding: 'utf8',
    env: { ...process.env, PG_MAX_CONNECTIONS: '100' },
  });
  if (started.status !== 0) throw new Error(`PostgreSQL did not start: ${started.stderr}`);
  const server = started.stdout.trim();
  spawnSync('psql', [server, '-qc', 'CREATE DATABASE waymark'], { encoding: 'utf8' });
  return {
    url: server.replace(/\/postgres$/, '/waymark'),
    stop: () => void spawnSync(script, ['stop', dir]),
  };
}

/** One `waymark serve` process; resolves once it listens. */
export class ServerInstance {
  private child: ChildProcess | undefined;

  constructor(
    readonly db: string,
    readonly port: number,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const args = ['serve', '--db', this.db, '--port', String(this.port), '--drain', '1'];
    const child = spawn(process.execPath, [BIN, ...args, '--request-log', 'off'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    let output = '';
    await new Promise<void>((resolve, reject) => {
      child.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('listening on')) resolve();
      });
      child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${output}`)));
    });
  }

  /** SIGTERM: drains (readyz 503, connections closed after responses), then exits. */
  async stop(): Promise<void> {
    const child = this.child;
    if (child === undefined || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}

/** Debian's nginx on loopback, balancing over the instances with keep-alive upstreams. */
export async function startNginx(upstreams: number[]): Promise<{ url: string; stop: () => void }> {
  const prefix = mkdtempSync(join(tmpdir(), 'waymark-scale-nginx-'));
  const port = await freePort();
  const servers = upstreams
    .map((p) => `server 127.0.0.1:${p} max_fails=1 fail_timeout=2s;`)
    .join('\n    ');
  writeFileSync(
    join(prefix, 'nginx.conf'),
    `user root;
worker_processes 1;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${prefix}/body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  upstream waymark {
    ${servers}
    keepalive 128;
    keepalive_timeout 60s;
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://waymark;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_buffers 16 32k;
      # A request that never reached an instance (it was stopping) goes to the other one; writes
      # are based on a version (If-Match), so a retried one is refused with 409, never doubled.
      proxy_next_upstream error timeout http_502 http_503 non_idempotent;
      proxy_next_upstream_tries 2;
    }
  }
}
`,
  );
  const child = spawn(
    '/usr/sbin/nginx',
    ['-p', prefix, '-c', join(prefix, 'nginx.conf'), '-g', 'daemon off;'],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  await new Promise((resolve) => setTimeout(resolve, 300));
  if (child.exitCode !== null) throw new Error(`nginx did not start: ${stderr}`);
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => {
      child.kill('SIGQUIT');
      rmSync(prefix, { recursive: true, force: true });
    },
  };
}
