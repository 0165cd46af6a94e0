import { EVENTS_PATH } from '@/lib/insights';
import { rawEvents, rollupsAgainstRaw } from '@/server/insights/test-support';
import type { RunningServer } from '@/server/main';
import type { Store } from '@/server/store';
import { tally, type Fault } from './delivery-harness';
import type { Fetch } from './types';

/**
 * Test-only: the real server as the receiver of the delivery client's property tests (lib/sync/
 * deliver-events.property.test.ts), with the same faults the reference receiver is given: a
 * request that never arrives, an answer lost after the server stored the batch, a request
 * delivered twice.
 */
export function serverReceiver(server: RunningServer, store: Store, token: string) {
  const post = (init?: RequestInit) =>
    fetch(`${server.url}${EVENTS_PATH}`, {
      ...init,
      headers: { ...(init?.headers as Record<string, string>), Authorization: `Bearer ${token}` },
    });
  return {
    name: 'the real server (SQLite file, over HTTP)',
    fetch(faults: Fault[] = []): Fetch {
      return async (_url, init) => {
        const fault = faults.shift() ?? 'ok';
        if (fault === 'network') throw new TypeError('fetch failed');
        let response = await post(init);
        if (fault === 'twice') {
          await response.arrayBuffer();
          response = await post(init);
        }
        if (fault === 'lost-answer') {
          await response.arrayBuffer();
          throw new TypeError('network error: the answer was lost');
        }
        return response;
      };
    },
    /** Occurrences stored from `install`, as the reference receiver tallies them. */
    async tally(install: string) {
      return tally(
        (await rawEvents(store)).filter((r) => r.install === install).map((r) => r.event),
      );
    },
    /** The rollups hold exactly the raw rows' counts. */
    async rollups() {
      return rollupsAgainstRaw(store);
    },
  };
}
