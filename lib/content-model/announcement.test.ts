import { describe, expect, it } from 'vitest';
import { announcementLive, announcementSchema, itemSchema } from './index';

const announcement = {
  type: 'announcement',
  id: 'refund-approvals',
  title: 'Refund approvals change',
  body: 'Refunds above 200 EUR need a second approver.',
  owner: 'ops@example.com',
  status: 'published',
  verify_by: '2027-01-01',
  updated_at: '2026-06-01',
  version: 1,
  starts_at: '2026-06-01',
  ends_at: '2026-06-30',
};
const problems = (value: unknown) =>
  itemSchema.safeParse(value).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

describe('announcementSchema', () => {
  it('accepts an announcement and asks for no acknowledgement unless told', () => {
    const parsed = announcementSchema.parse(announcement);
    expect(parsed.acknowledge).toBe(false);
    expect(parsed.targeting).toEqual({ apps: [], screens: [], roles: [], teams: [] });
  });

  it('accepts date-times with an offset as well as dates', () => {
    expect(
      problems({
        ...announcement,
        starts_at: '2026-06-01T08:00:00+02:00',
        ends_at: '2026-06-01T18:00:00+02:00',
      }),
    ).toEqual([]);
  });

  it('names the field when the end is not after the start', () => {
    expect(problems({ ...announcement, starts_at: '2026-07-01', ends_at: '2026-06-30' })).toEqual([
      'ends_at: must be after starts_at (2026-07-01)',
    ]);
  });

  it('refuses an announcement without dates or body, each at its field', () => {
    const undated: Record<string, unknown> = { ...announcement };
    delete undated.starts_at;
    delete undated.ends_at;
    expect(problems({ ...undated, body: ' ' })).toEqual([
      'starts_at: must be a date (YYYY-MM-DD) or an ISO date-time with offset',
      'ends_at: must be a date (YYYY-MM-DD) or an ISO date-time with offset',
    ]);
    expect(problems({ ...announcement, body: ' ' })).toEqual([
      'body: an announcement needs a body',
    ]);
  });
});

describe('announcementLive', () => {
  const dates = { starts_at: '2026-06-01', ends_at: '2026-06-30' };

  it('starts at 00:00 UTC on its first day and includes the whole of its last day', () => {
    expect(announcementLive(dates, new Date('2026-05-31T23:59:59Z'))).toBe(false);
    expect(announcementLive(dates, new Date('2026-06-01T00:00:00Z'))).toBe(true);
    expect(announcementLive(dates, new Date('2026-06-30T23:59:59Z'))).toBe(true);
    expect(announcementLive(dates, new Date('2026-07-01T00:00:00Z'))).toBe(false);
  });

  it('ends at the very instant a date-time end names', () => {
    const window = { starts_at: '2026-06-01T08:00:00Z', ends_at: '2026-06-01T18:00:00+02:00' };
    expect(announcementLive(window, new Date('2026-06-01T15:59:59Z'))).toBe(true);
    expect(announcementLive(window, new Date('2026-06-01T16:00:00Z'))).toBe(false);
  });
});
