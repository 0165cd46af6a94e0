import { beforeEach, describe, expect, it } from 'vitest';
import { getSetting, setSetting, type WaymarkDatabase } from '@/lib/db';
import { testDatabase } from '@/lib/db/test-support';
import { sendAcknowledgements } from './acknowledgements';

let db: WaymarkDatabase;
beforeEach(() => {
  db = testDatabase();
});

/** A server answering each announcement's acknowledgement with the status given for its id. */
function server(statuses: Record<string, number>) {
  const calls: string[] = [];
  const fetch = (url: string, init?: RequestInit) => {
    calls.push(`${init?.method} ${url} ${new Headers(init?.headers).get('Authorization')}`);
    const id = /\/v1\/items\/([^/]+)\/acknowledge$/.exec(url)?.[1] ?? '';
    return Promise.resolve(new Response('{}', { status: statuses[id] ?? 500 }));
  };
  return { fetch, calls };
}

const deps = (fetch: ReturnType<typeof server>['fetch'], log: string[] = []) => ({
  db,
  serverUrl: 'https://waymark.example.com/',
  token: 'wmk_t',
  fetch,
  log: (line: string) => log.push(line),
});

describe('sendAcknowledgements', () => {
  it('forgets confirmed and refused acknowledgements and keeps the rest for the next flush', async () => {
    await setSetting(db, 'pendingAcknowledgements', ['confirmed', 'gone', 'busy', 'signed-out']);
    const { fetch, calls } = server({ confirmed: 200, gone: 404, busy: 503, 'signed-out': 401 });
    const log: string[] = [];
    expect(await sendAcknowledgements(deps(fetch, log))).toEqual({ sent: 1, dropped: 1, kept: 2 });
    expect(await getSetting(db, 'pendingAcknowledgements')).toEqual(['busy', 'signed-out']);
    expect(calls[0]).toBe(
      'POST https://waymark.example.com/v1/items/confirmed/acknowledge Bearer wmk_t',
    );
    expect(log).toEqual(['the server refused the acknowledgement of "gone", dropped']);
  });

  it('keeps everything when the server cannot be reached', async () => {
    await setSetting(db, 'pendingAcknowledgements', ['policy']);
    const offline = () => Promise.reject(new TypeError('Failed to fetch'));
    expect(await sendAcknowledgements(deps(offline))).toEqual({ sent: 0, dropped: 0, kept: 1 });
    expect(await getSetting(db, 'pendingAcknowledgements')).toEqual(['policy']);
  });

  it('sends nothing to a static feed, which has no server to count them', async () => {
    await setSetting(db, 'pendingAcknowledgements', ['policy']);
    const { fetch, calls } = server({ policy: 200 });
    const result = await sendAcknowledgements({
      ...deps(fetch),
      serverUrl: 'https://cdn.example.com/waymark/head.json',
    });
    expect(result).toEqual({ sent: 0, dropped: 0, kept: 0 });
    expect(calls).toEqual([]);
  });
});
