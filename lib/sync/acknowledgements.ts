import { getSetting, setSetting, type WaymarkDatabase } from '@/lib/db';
import { isRetryable } from './http-outcome';
import { postJson } from './post-events';
import { staticFeedBase } from './static-transport';
import { trimSlash } from './transport';
import type { Fetch } from './types';
import type { Log } from './validate-page';

export interface AcknowledgementDeps {
  db: WaymarkDatabase;
  serverUrl: string;
  token: string;
  fetch: Fetch;
  log: Log;
}

/** What became of one queued acknowledgement: confirmed, refused for good, or kept for later. */
type Outcome = 'confirmed' | 'refused' | 'kept';

async function send(deps: AcknowledgementDeps, id: string): Promise<Outcome> {
  const url = `${trimSlash(deps.serverUrl)}/v1/items/${encodeURIComponent(id)}/acknowledge`;
  const answer = await postJson(deps.fetch, url, deps.token, '{}');
  if ('unreachable' in answer) return 'kept';
  const { status } = answer;
  if (status === 200) return 'confirmed';
  // Gone, no longer for this learner, or not asking for acknowledgement: nothing to send.
  if (status === 404 || status === 400) return 'refused';
  // 401/403 (sign in again), 429/5xx, an older server (405): try at the next flush.
  if (isRetryable(status) || status === 401 || status === 403 || status === 405) return 'kept';
  return 'refused';
}

/**
 * Sends each queued acknowledgement (`POST /v1/items/:id/acknowledge`) and forgets exactly those
 * the server answered for good. The server keeps the first acknowledgement per person, so one
 * sent again after a lost answer is still counted once; one that could not be sent waits for the
 * next flush. A static feed has no server to tell.
 */
export async function sendAcknowledgements(
  deps: AcknowledgementDeps,
): Promise<{ sent: number; dropped: number; kept: number }> {
  const result = { sent: 0, dropped: 0, kept: 0 };
  if (staticFeedBase(deps.serverUrl) !== undefined) return result;
  const queued = await getSetting(deps.db, 'pendingAcknowledgements');
  const settled = new Set<string>();
  for (const id of new Set(queued)) {
    const outcome = await send(deps, id);
    if (outcome === 'kept') {
      result.kept++;
      continue;
    }
    settled.add(id);
    if (outcome === 'confirmed') result.sent++;
    else {
      result.dropped++;
      deps.log(`the server refused the acknowledgement of "${id}", dropped`);
    }
  }
  if (settled.size > 0)
    await deps.db.transaction('rw', deps.db.settings, async () => {
      const now = await getSetting(deps.db, 'pendingAcknowledgements');
      await setSetting(
        deps.db,
        'pendingAcknowledgements',
        now.filter((id) => !settled.has(id)),
      );
    });
  return result;
}
