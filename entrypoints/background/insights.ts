import {
  countEvents,
  getSettings,
  lastBatch,
  purgeEvents,
  setSetting,
  type WaymarkDatabase,
} from '@/lib/db';
import {
  allowsType,
  analyticsPolicySchema,
  applyPolicy,
  collectionPolicy,
  DEFAULT_ANALYTICS_LEVEL,
  readAnalyticsPolicy,
  eventTypes,
  type AnalyticsPolicy,
  type InsightEventType,
} from '@/lib/insights';
import { InsightRecorder, type InsightContext, type TabPages } from '@/lib/knowledge';
import type { InsightsView } from '@/lib/messages';
import {
  dexieOutbox,
  dexieRequestQueue,
  sendAcknowledgements,
  sendContentRequests,
  sendInsights,
  staticFeedBase,
} from '@/lib/sync';
import { readAccount, type Account } from './account';
import { browserDataConsent } from './data-consent';

const FLUSH_ALARM = 'waymark-events';
/** Besides after every sync: a flush on its own schedule, for events recorded between syncs. */
const FLUSH_EVERY_MINUTES = 30;

/** The analytics keys of the managed policy (chrome.storage.managed); {} without a policy. */
async function readManagedAnalytics(): Promise<AnalyticsPolicy> {
  let stored: unknown;
  try {
    stored = await browser.storage.managed.get(Object.keys(analyticsPolicySchema.shape));
  } catch {
    // No managed storage (e.g. Firefox without a policy): the defaults apply.
    return {};
  }
  const { problems, ...policy } = readAnalyticsPolicy(stored);
  if (problems.length > 0)
    console.warn(`Waymark: parts of the analytics policy are unreadable: ${problems.join('; ')}`);
  return policy;
}

/** Only a real server takes events: a static feed (…/head.json) or no account has nowhere to send. */
const sendsTo = (account: Account | undefined) =>
  account !== undefined && staticFeedBase(account.serverUrl) === undefined ? account : undefined;

/**
 * Insights wiring: the recorder the knowledge and lesson services use, the collection policy
 * (managed policy, the user's choice, Firefox's data consent, a server to send to), the flush (the
 * outbox, then learners' content requests) after each sync and on its own alarm, and "What
 * Waymark sends" for the options page.
 */
export function createInsights(db: WaymarkDatabase, tabs: TabPages) {
  async function context(): Promise<
    InsightContext & { managed: AnalyticsPolicy; connected: boolean }
  > {
    const [managed, settings, account, consent] = [
      await readManagedAnalytics(),
      await getSettings(db),
      await readAccount(),
      await browserDataConsent(),
    ];
    const connected = sendsTo(account) !== undefined;
    const policy = collectionPolicy({
      level: connected ? (managed.analytics ?? DEFAULT_ANALYTICS_LEVEL) : 'off',
      usageOptedOut: !settings.usageEventsEnabled,
      optOutAllowed: managed.analyticsUserOptOut ?? true,
      hasImpactKey: managed.impactRecordKey !== undefined,
      browserConsent: consent,
    });
    return { policy, impactKey: managed.impactRecordKey, managed, connected };
  }

  const recorder = new InsightRecorder(db, tabs, context);
  let flushing: Promise<void> | undefined;

  /** Sends the outbox (one flush at a time); never throws, failures wait for the next one. */
  const flush = (): Promise<void> =>
    (flushing ??= (async () => {
      const account = sendsTo(await readAccount());
      if (account === undefined) return;
      const { policy } = await context();
      const common = {
        serverUrl: account.serverUrl,
        token: account.token,
        fetch: (input: string, init?: RequestInit) => globalThis.fetch(input, init),
        log: (text: string) => console.warn(`Waymark insights: ${text}`),
        now: Date.now,
      };
      await sendInsights({ ...common, outbox: dexieOutbox(db), policy });
      // Asked for by the learner, not usage analytics: sent whatever the analytics level.
      await sendContentRequests({ ...common, queue: dexieRequestQueue(db) });
      // Acknowledged announcements: the reader's own confirmation, sent whatever the level.
      await sendAcknowledgements({ ...common, db });
    })()
      .catch((error: unknown) => console.warn('Waymark: could not send insight events', error))
      .finally(() => {
        flushing = undefined;
      }));

  /** Deletes queued events the policy (or the user) no longer allows. */
  async function purge(): Promise<void> {
    const { policy, connected } = await context();
    if (connected) await purgeEvents(db, (event) => applyPolicy(policy, event) !== undefined);
  }

  async function view(): Promise<InsightsView> {
    const { policy, managed, connected } = await context();
    const batch = await lastBatch(db);
    const types = Object.keys(eventTypes) as InsightEventType[];
    return {
      level: managed.analytics ?? DEFAULT_ANALYTICS_LEVEL,
      levelManaged: managed.analytics !== undefined,
      connected,
      usageEvents: {
        enabled: (await getSettings(db)).usageEventsEnabled,
        canOptOut: managed.analyticsUserOptOut ?? true,
      },
      sends: types.filter((type) => allowsType(policy, type)).map((type) => eventTypes[type].what),
      queued: await countEvents(db),
      ...(batch ? { lastBatch: batch } : {}),
    };
  }

  async function setUsageEvents(enabled: boolean): Promise<InsightsView> {
    await setSetting(db, 'usageEventsEnabled', enabled);
    await purge();
    return view();
  }

  function start(): void {
    void browser.alarms.create(FLUSH_ALARM, { periodInMinutes: FLUSH_EVERY_MINUTES });
    browser.alarms.onAlarm.addListener((alarm) => {
      if (alarm.name === FLUSH_ALARM) void flush();
    });
    // A policy lowered by the organisation takes what it no longer allows out of the queue.
    browser.storage.onChanged.addListener((_changes, area) => {
      if (area === 'managed') void purge();
    });
  }

  return { recorder, flush, view, setUsageEvents, start };
}
