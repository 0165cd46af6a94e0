import type { Detection } from '@/lib/context';
import { recordEvents, type Vote, type WaymarkDatabase } from '@/lib/db';
import {
  applyPolicy,
  dayOf,
  EVENT_VERSION,
  hashRecord,
  hourOf,
  insightEventSchema,
  searchEvent,
  type CollectionPolicy,
  type FeedbackReason,
  type InsightEvent,
  type OpenSource,
  type SearchOutcome,
} from '@/lib/insights';
import type { PanelInsight } from '@/lib/messages';
import type { TabPages } from './tab-pages';

/** What recording needs to know at the moment: the policy in force and the organisation key. */
export interface InsightContext {
  policy: CollectionPolicy;
  /** The helpdesk join's organisation key (policy `impact` only). */
  impactKey?: string | undefined;
}

/** Where a tab is, as events may name it: slugs from the catalogue, never the URL or the record. */
function place(detection: Detection | undefined): { app?: string; screen?: string } {
  if (detection?.app == null) return {};
  return detection.screen === null
    ? { app: detection.app }
    : { app: detection.app, screen: detection.screen };
}

/**
 * Turns what happens in the extension into insight events and queues them: it stamps the day
 * (and hour), names apps and screens from the tab's detection, applies the collection policy,
 * checks every event against its schema, and drops what may not be sent before it is stored.
 * Page content, URLs and record ids never reach an event (record ids only as a keyed hash).
 */
export class InsightRecorder {
  constructor(
    private readonly db: WaymarkDatabase,
    private readonly tabs: TabPages,
    private readonly context: () => Promise<InsightContext>,
    private readonly now: () => number = Date.now,
    private readonly log: (text: string) => void = console.warn,
  ) {}

  #base() {
    return { v: EVENT_VERSION, day: dayOf(this.now()) } as const;
  }

  async #where(tabId: number | undefined) {
    return place(tabId === undefined ? undefined : await this.tabs.get(tabId));
  }

  /** Queues what the policy allows; an event that fails its schema is logged and skipped. */
  async record(events: readonly InsightEvent[]): Promise<void> {
    const { policy } = await this.context();
    const kept: InsightEvent[] = [];
    for (const event of events) {
      const allowed = applyPolicy(policy, event);
      if (allowed === undefined) continue;
      const parsed = insightEventSchema.safeParse(allowed);
      if (parsed.success) kept.push(parsed.data);
      else this.log(`Waymark insights: skipped a ${event.type} event: ${parsed.error.message}`);
    }
    await recordEvents(this.db, kept, { at: this.now() });
  }

  /**
   * A page reported by a tab's content script. A new record (ticket, case…) on it counts as a
   * record view on a screen with or without help; under policy `impact` the record's keyed hash
   * starts its guidance row (opened: false until guidance is opened on it).
   */
  async pageViewed(previous: Detection | undefined, detection: Detection, helpCount: number) {
    const { record, app } = detection;
    if (record === null || app === null) return;
    if (previous?.app === app && JSON.stringify(previous.record) === JSON.stringify(record)) return;
    const events: InsightEvent[] = [
      {
        type: 'record_view',
        ...this.#base(),
        app,
        ...place(detection),
        help: helpCount > 0,
        count: 1,
      },
    ];
    const guidance = await this.#guidance(detection, false);
    await this.record(guidance === undefined ? events : [...events, guidance]);
  }

  async #guidance(detection: Detection | undefined, opened: boolean) {
    if (detection?.app == null || detection.record === null) return undefined;
    const { policy, impactKey } = await this.context();
    if (impactKey === undefined || !policy.classes.has('impact')) return undefined;
    const { app } = detection;
    const record = await hashRecord(impactKey, { app, ...detection.record });
    return { type: 'record_guidance', ...this.#base(), app, record, opened } as const;
  }

  /** Items listed under "For this page" on the tab's page. */
  async shown(tabId: number | undefined, items: readonly string[]): Promise<void> {
    const where = await this.#where(tabId);
    if (where.app === undefined) return;
    const { app } = where;
    await this.record(
      [...new Set(items)].map((item) => ({
        type: 'suggestion_shown',
        ...this.#base(),
        ...where,
        app,
        item,
        count: 1,
      })),
    );
  }

  /** An item opened; guidance opened on the tab's record, for the helpdesk join. */
  async opened(tabId: number | undefined, item: string, source: OpenSource, rank?: number) {
    const detection = tabId === undefined ? undefined : await this.tabs.get(tabId);
    const opened: InsightEvent = {
      type: 'suggestion_opened',
      ...this.#base(),
      hour: hourOf(this.now()),
      ...place(detection),
      item,
      source,
      ...(rank === undefined ? {} : { rank: Math.min(rank, 100) }),
    };
    const guidance = await this.#guidance(detection, true);
    await this.record(guidance === undefined ? [opened] : [opened, guidance]);
  }

  async read(tabId: number | undefined, item: string): Promise<void> {
    const where = await this.#where(tabId);
    await this.record([{ type: 'item_read', ...this.#base(), ...where, item, count: 1 }]);
  }

  async searched(tabId: number | undefined, outcome: SearchOutcome): Promise<void> {
    const where = await this.#where(tabId);
    await this.record([searchEvent(outcome, { at: this.now(), ...where })]);
  }

  /** A vote, as a change to the counts: what it `replaces` is the answer the server counted. */
  async feedback(
    item: string,
    answer: { helpful: boolean; reason?: FeedbackReason | undefined },
    previous?: Vote,
  ) {
    if (previous?.helpful === answer.helpful && previous.reason === answer.reason) return;
    const replaces = previous && {
      helpful: previous.helpful,
      ...(previous.reason ? { reason: previous.reason } : {}),
    };
    await this.record([
      {
        type: 'feedback',
        ...this.#base(),
        item,
        helpful: answer.helpful,
        ...(answer.reason ? { reason: answer.reason } : {}),
        ...(replaces ? { replaces } : {}),
      },
    ]);
  }

  /** A tip shown on its element, dismissed, or whose element was not found, on the tab's page. */
  async tip(kind: 'shown' | 'dismissed', tabId: number | undefined, tips: readonly string[]) {
    const where = await this.#where(tabId);
    if (where.app === undefined) return;
    const { app } = where;
    await this.record(
      [...new Set(tips)].map((tip) =>
        kind === 'shown'
          ? { type: 'tip_shown', ...this.#base(), ...where, app, tip, count: 1 }
          : { type: 'tip_dismissed', ...this.#base(), ...where, app, tip },
      ),
    );
  }

  async tipUnresolved(tip: string, app: string, screen: string | null): Promise<void> {
    await this.record([
      {
        type: 'tip_unresolved',
        ...this.#base(),
        app,
        ...(screen === null ? {} : { screen }),
        tip,
        count: 1,
      },
    ]);
  }

  /** What the side panel or popup reported (bg:insight). */
  async panel(insight: PanelInsight): Promise<void> {
    switch (insight.kind) {
      case 'shown':
        return this.shown(insight.tabId, insight.items);
      case 'opened':
        return this.opened(insight.tabId, insight.item, insight.source, insight.rank);
      case 'read':
        return this.read(insight.tabId, insight.item);
      case 'search':
        return this.searched(insight.tabId, insight.outcome);
    }
  }

  /** Learning records (lesson_step, lesson_completed, quiz_answer, path_completed) as they are. */
  async learning(events: readonly LearningFact[]): Promise<void> {
    await this.record(events.map((fact): InsightEvent => ({ ...fact, ...this.#base() })));
  }
}

type Learning = Extract<
  InsightEvent,
  { type: 'lesson_step' | 'lesson_completed' | 'quiz_answer' | 'path_completed' }
>;
/** A learning record without its version and day, which the recorder stamps. */
export type LearningFact = Learning extends infer E
  ? E extends Learning
    ? Omit<E, 'v' | 'day'>
    : never
  : never;
