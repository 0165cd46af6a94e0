import { describe, expect, it } from 'vitest';
import { hashRecord, keyedHash } from './keyed-hash';
import { recordHashSchema } from './events';

describe('keyedHash', () => {
  it('returns the first 128 bits of HMAC-SHA-256 as base64url (RFC 4231 test case 2)', async () => {
    // HMAC-SHA-256("Jefe", "what do ya want for nothing?") = 5bdcc146bf60754e6a042426089575c7…
    expect(await keyedHash('Jefe', 'what do ya want for nothing?')).toBe('W9zBRr9gdU5qBCQmCJV1xw');
  });
});

describe('hashRecord', () => {
  const key = '0123456789abcdef0123456789abcdef';

  it('returns a record hash the event schema accepts, the same for the same record', async () => {
    const hash = await hashRecord(key, { app: 'zendesk', type: 'ticket', id: '4711' });
    expect(hash).toBe('p0TvI2pHdFiaYlbJBM-9Zw');
    expect(recordHashSchema.safeParse(hash).success).toBe(true);
  });

  it('returns another hash under another key or for another record', async () => {
    const record = { app: 'zendesk', type: 'ticket', id: '4711' };
    const base = await hashRecord(key, record);
    expect(await hashRecord(`${key}x`, record)).not.toBe(base);
    expect(await hashRecord(key, { ...record, id: '4712' })).not.toBe(base);
  });
});
