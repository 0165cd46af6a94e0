import type { ContentRequest } from '@/lib/insights';
import type { ContentRequestsResult } from '../insight-types';
import type { Tx } from './connect';

/** Content requests on PostgreSQL: in the caller's transaction, a request stored only under a new id. */
export async function appendContentRequests(
  tx: Tx,
  requests: readonly ContentRequest[],
): Promise<ContentRequestsResult> {
  const col = (pick: (r: ContentRequest) => string) => requests.map(pick);
  const stored = await tx<{ id: string }[]>`
    INSERT INTO ins_content_requests (id, day, app, screen, query, text)
    SELECT id, day, app, screen, NULLIF(query, ''), text FROM unnest(
      ${col((r) => r.id)}::text[], ${col((r) => r.day)}::text[], ${col((r) => r.app ?? '')}::text[],
      ${col((r) => r.screen ?? '')}::text[], ${col((r) => r.query ?? '')}::text[],
      ${col((r) => r.text)}::text[]
    ) AS r(id, day, app, screen, query, text)
    ON CONFLICT (id) DO NOTHING RETURNING id`;
  const inserted = new Set(stored.map((row) => row.id));
  return {
    inserted: requests.map((r) => r.id).filter((id) => inserted.has(id)),
    duplicates: requests.map((r) => r.id).filter((id) => !inserted.has(id)),
  };
}
