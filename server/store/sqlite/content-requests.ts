import type { ContentRequest } from '@/lib/insights';
import type { ContentRequestsResult } from '../insight-types';
import type { Db } from './database';

/** Content requests on SQLite: one transaction, a request stored only under a new id. */
export function appendContentRequests(
  db: Db,
  requests: readonly ContentRequest[],
): ContentRequestsResult {
  const insert = db.prepare(
    `INSERT OR IGNORE INTO ins_content_requests (id, day, app, screen, query, text)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  return db.transaction(() => {
    const result: ContentRequestsResult = { inserted: [], duplicates: [] };
    for (const r of requests) {
      const { changes } = insert.run(
        r.id,
        r.day,
        r.app ?? '',
        r.screen ?? '',
        r.query ?? null,
        r.text,
      );
      (changes === 1 ? result.inserted : result.duplicates).push(r.id);
    }
    return result;
  })();
}
