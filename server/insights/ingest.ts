import { dayOf, parseEventsRequest, type EventsResponse, type Rejection } from '@/lib/insights';
import type { Store, User } from '../store';
import { planBatch, weeksNeeded, type SenderHashes } from './ingest-plan';
import { oldestSaltWeek, personHash } from './people';

export type IngestAnswer = { status: 200; body: EventsResponse } | { status: 400; error: string };

/**
 * `POST /v1/events` past authentication: parse (wire.ts), decide what the server's analytics
 * level takes and what each event means (ingest-plan.ts), store it in one transaction. The
 * sender's account is used only to name learning records, to take the team from, and to hash
 * the person under the weekly salts; usage rows carry none of it.
 */
export class EventIngest {
  /** Salts by week, as stored: a salt never changes while it lives, so it may be kept here. */
  private readonly salts = new Map<string, string>();

  constructor(private readonly store: Store) {}

  async receive(body: unknown, user: User): Promise<IngestAnswer> {
    const today = dayOf(this.store.now().getTime());
    const parsed = parseEventsRequest(body, { today });
    if (!parsed.ok) return { status: 400, error: parsed.error };
    const { analytics } = await this.store.insightSettings();
    const hashes =
      analytics === 'off'
        ? new Map()
        : await this.hashes(user.email, weeksNeeded(parsed.events, today), today);
    const plan = planBatch(parsed.events, {
      sender: { email: user.email, team: user.team },
      level: analytics,
      today,
      hashes,
    });
    const stored =
      plan.rows.length === 0
        ? { inserted: [], duplicates: [] }
        : await this.store.appendInsightEvents({ install: parsed.install, today, rows: plan.rows });
    const rejected: Rejection[] = [...parsed.rejected, ...plan.rejected].sort(
      (a, b) => a.index - b.index,
    );
    return {
      status: 200,
      body: { accepted: stored.inserted, duplicates: stored.duplicates, rejected },
    };
  }

  private async hashes(email: string, weeks: string[], today: string): Promise<SenderHashes> {
    const oldest = oldestSaltWeek(today);
    for (const week of this.salts.keys()) if (week < oldest) this.salts.delete(week);
    const missing = weeks.filter((week) => !this.salts.has(week));
    if (missing.length > 0)
      for (const [week, salt] of await this.store.weekSalts(missing, oldest))
        this.salts.set(week, salt);
    const hashes = new Map<string, string>();
    for (const week of weeks) {
      const salt = this.salts.get(week);
      if (salt !== undefined) hashes.set(week, personHash(salt, email));
    }
    return hashes;
  }
}
