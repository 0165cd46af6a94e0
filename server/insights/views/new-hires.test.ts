import { describe, expect, it } from 'vitest';
import type { InsightEvent } from '@/lib/insights';
import { testBackends, tokenFor } from '../../test-fixtures';
import { EventIngest } from '../ingest';
import { viewQuery } from '../range';
import { installOf, learner, movableClock, sendEvents } from '../test-support';
import { learningView, NEW_HIRE_DAYS } from './learning';

const step = (day: string): InsightEvent => ({
  type: 'lesson_step',
  v: 1,
  day,
  lesson: 'triage',
  step: 0,
});
const completed = (day: string, path = 'onboarding'): InsightEvent => ({
  type: 'path_completed',
  v: 1,
  day,
  path,
});

describe.each(testBackends())('new hires’ path times on $name', (backend) => {
  it('counts the days from first record to completion for learners whose account is at most 30 days older than their first record, in the period only', async () => {
    expect(NEW_HIRE_DAYS).toBe(30);
    const clock = movableClock('2026-05-01T09:00:00.000Z');
    const env = await backend.open(clock.now);
    try {
      const ingest = new EventIngest(env.store);
      const seqs = new Map<string, number>();
      const send = async (email: string, day: string, events: InsightEvent[]) => {
        clock.set(`${day}T10:00:00.000Z`);
        const first = (seqs.get(email) ?? 0) + 1;
        seqs.set(email, first + events.length - 1);
        await sendEvents(env.store, learner(email), events, {
          install: installOf([...seqs.keys()].indexOf(email) + 1),
          firstSeq: first,
          ingest,
        });
      };
      // Joined 2026-01-01, first record 2026-05-10: not a new hire.
      clock.set('2026-01-01T09:00:00.000Z');
      await tokenFor(env.store, 'old1@example.com', 'learner');
      clock.set('2026-05-01T09:00:00.000Z');
      for (let n = 1; n <= 6; n++)
        await tokenFor(
          env.store,
          n === 5 ? 'Hire5@Example.com' : `hire${n}@example.com`,
          'learner',
        );
      // hire1–5 start on 05-10 and finish 20–28 days later; hire1 also finished a path before
      // the period. hire6 starts 35 days after joining. none1 has no account.
      for (let n = 1; n <= 5; n++)
        await send(`hire${n}@example.com`, '2026-05-10', [step('2026-05-10')]);
      await send('hire1@example.com', '2026-05-12', [completed('2026-05-12', 'basics')]);
      const finished = ['2026-05-30', '2026-06-01', '2026-06-03', '2026-06-05', '2026-06-07'];
      for (const [i, day] of finished.entries())
        await send(`hire${i + 1}@example.com`, day, [completed(day)]);
      await send('hire6@example.com', '2026-06-05', [step('2026-06-05')]);
      await send('hire6@example.com', '2026-06-10', [completed('2026-06-10')]);
      await send('old1@example.com', '2026-05-10', [step('2026-05-10')]);
      await send('old1@example.com', '2026-06-10', [completed('2026-06-10')]);
      await send('none1@example.com', '2026-05-10', [step('2026-05-10')]);
      await send('none1@example.com', '2026-06-10', [completed('2026-06-10')]);

      const view = await learningView(env.store, viewQuery({ since: '30d' }, '2026-06-15'));
      expect(view.paths).toEqual([
        {
          path: 'onboarding',
          title: undefined,
          completed: 8,
          new_hires: { learners: 5, median_days: 24, p75_days: 26 },
        },
      ]);
    } finally {
      await env.cleanup();
    }
  });
});
