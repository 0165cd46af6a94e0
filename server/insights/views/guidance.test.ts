import { describe, expect, it } from 'vitest';
import type { TipTotal } from '../../store';
import { tipHealth } from './guidance';

const total = (over: Partial<TipTotal>): TipTotal => ({
  app: 'zendesk',
  screen: 'ticket',
  tip: 'merge',
  shown: 10,
  unresolved: 3,
  dismissed: 1,
  first_failed: '2026-06-02',
  last_shown: '2026-06-08',
  clean_days: 4,
  ...over,
});

describe('tip health from the database sums', () => {
  it('dates the failing run from the first failing day after the tip was last shown', () => {
    const health = tipHealth(total({}), ['2026-06-02', '2026-06-11', '2026-06-09'], undefined);
    expect(health).toMatchObject({
      shown: 10,
      unresolved: 3,
      failure_rate: 3 / 13,
      first_failed_on: '2026-06-02',
      failing_since: '2026-06-09',
      clean_days_before: 4,
    });
  });

  it('has no failing run when the tip was shown after its last failure', () => {
    const health = tipHealth(total({ last_shown: '2026-06-12' }), ['2026-06-09'], undefined);
    expect(health).toMatchObject({ failing_since: undefined, clean_days_before: 0 });
  });

  it('fails since its first day when it was never shown', () => {
    const never = total({
      shown: 0,
      last_shown: undefined,
      clean_days: 0,
      first_failed: '2026-06-03',
    });
    const health = tipHealth(never, ['2026-06-05', '2026-06-03'], undefined);
    expect(health).toMatchObject({
      failing_since: '2026-06-03',
      clean_days_before: 0,
      failure_rate: 1,
    });
  });
});
