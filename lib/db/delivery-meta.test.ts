import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WaymarkDatabase } from './database';
import { installId, lastBatch, saveLastBatch } from './delivery-meta';
import type { MetaRow } from './meta';
import { testDatabase } from './test-support';

let db: WaymarkDatabase;
beforeEach(() => {
  db = testDatabase();
});
afterEach(() => db.close());

describe('installId', () => {
  it('returns a UUID made once and the same one afterwards', async () => {
    const id = await installId(db);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(await installId(db)).toBe(id);
  });

  it('returns a new id when the stored one is damaged', async () => {
    const damaged: MetaRow = { key: 'install', id: 'not-a-uuid' };
    await db.meta.put(damaged);
    expect(await installId(db)).not.toBe('not-a-uuid');
  });
});

describe('lastBatch', () => {
  it('returns undefined before anything was sent, then the batch saved', async () => {
    expect(await lastBatch(db)).toBeUndefined();
    const batch = {
      at: '2026-06-15T09:30:00.000Z',
      url: 'https://w.example/v1/events',
      body: '{}',
      outcome: '1 accepted',
    };
    await saveLastBatch(db, batch);
    expect(await lastBatch(db)).toEqual(batch);
  });
});
