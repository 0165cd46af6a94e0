import { z } from 'zod';
import { eventTypes, type EventClass, type FirefoxDataCategory } from './event-types';
import type { InsightEvent } from './events';

/**
 * The organisation's analytics level (managed policy `analytics`), from nothing to the helpdesk
 * join. Each level sends what the one below sends, plus:
 * - `off`: nothing is recorded or sent; what was queued is deleted. Zero analytics requests.
 * - `aggregate`: anonymous usage events (no user id): suggestions, opens, reads, searches (the
 *   words of failed ones, scrubbed), feedback, tips, record views for coverage, outbox drops.
 * - `learning`: lesson steps and completions, knowledge-check answers, paths completed — named by
 *   the server from the sign-in, as in an LMS, and shown to the learner first.
 * - `impact`: with an organisation key (`impactRecordKey`), keyed hashes of record ids and whether
 *   guidance was opened on them, for the helpdesk join.
 */
export const analyticsLevels = ['off', 'aggregate', 'learning', 'impact'] as const;
export type AnalyticsLevel = (typeof analyticsLevels)[number];

/** Without a managed policy: anonymous usage only; nothing named, no helpdesk join. */
export const DEFAULT_ANALYTICS_LEVEL: AnalyticsLevel = 'aggregate';

const LEVEL_CLASSES: { readonly [L in AnalyticsLevel]: readonly EventClass[] } = {
  off: [],
  aggregate: ['usage', 'service'],
  learning: ['usage', 'learning', 'service'],
  impact: ['usage', 'learning', 'impact', 'service'],
};

/**
 * The analytics part of the managed policy (chrome.storage.managed; public/managed-schema.json).
 * A key shorter than 32 characters is refused: it would make record hashes guessable.
 */
export const analyticsPolicySchema = z.object({
  analytics: z.enum(analyticsLevels).optional(),
  /** false: users may not turn usage events off (the options page shows it as set). */
  analyticsUserOptOut: z.boolean().optional(),
  impactRecordKey: z.string().min(32).max(512).optional(),
});
export type AnalyticsPolicy = z.output<typeof analyticsPolicySchema>;

/**
 * The managed policy's analytics keys, each read on its own and failing closed: an unreadable
 * level means `off`, an unreadable opt-out switch leaves users their choice, an unreadable key
 * means no record hashes. `problems` names what was ignored, for the console.
 */
export function readAnalyticsPolicy(raw: unknown): AnalyticsPolicy & { problems: string[] } {
  const fields = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const { shape } = analyticsPolicySchema;
  const problems: string[] = [];
  const read = <K extends keyof AnalyticsPolicy>(key: K): AnalyticsPolicy[K] => {
    const parsed = shape[key].safeParse(fields[key]);
    if (parsed.success) return parsed.data as AnalyticsPolicy[K];
    problems.push(`${key}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    return undefined;
  };
  const analytics = read('analytics') ?? (fields.analytics === undefined ? undefined : 'off');
  const analyticsUserOptOut = read('analyticsUserOptOut');
  const impactRecordKey = read('impactRecordKey');
  return {
    ...(analytics === undefined ? {} : { analytics }),
    ...(analyticsUserOptOut === undefined ? {} : { analyticsUserOptOut }),
    ...(impactRecordKey === undefined ? {} : { impactRecordKey }),
    problems,
  };
}

export interface CollectionInputs {
  /** The managed policy's level; DEFAULT_ANALYTICS_LEVEL when there is none. */
  level: AnalyticsLevel;
  /** The user turned usage events off (settings.usageEventsEnabled === false). */
  usageOptedOut: boolean;
  /** Whether the policy lets users opt out of usage events (true unless it says otherwise). */
  optOutAllowed: boolean;
  /** Whether an organisation key for record hashes is configured. */
  hasImpactKey: boolean;
  /**
   * Firefox's built-in data-collection consent: the categories the user granted. Undefined where
   * the browser has no such consent (Chrome), so only the policy and the user's choice apply.
   */
  browserConsent?: ReadonlySet<FirefoxDataCategory> | undefined;
}

/** What may be recorded and sent, decided once from the policy, the user and the browser. */
export interface CollectionPolicy {
  level: AnalyticsLevel;
  classes: ReadonlySet<EventClass>;
  /** The user's opt-out is in force (and allowed by the policy). */
  usageOptedOut: boolean;
  browserConsent?: ReadonlySet<FirefoxDataCategory> | undefined;
}

export function collectionPolicy(inputs: CollectionInputs): CollectionPolicy {
  const usageOptedOut = inputs.usageOptedOut && inputs.optOutAllowed;
  const classes = new Set(LEVEL_CLASSES[inputs.level]);
  if (usageOptedOut) {
    classes.delete('usage');
    classes.delete('impact');
  }
  if (!inputs.hasImpactKey) classes.delete('impact');
  // Drops are reported only alongside something else: alone they would be noise from a device
  // that otherwise sends nothing.
  if (classes.size === 1 && classes.has('service')) classes.clear();
  return {
    level: inputs.level,
    classes,
    usageOptedOut,
    ...(inputs.browserConsent ? { browserConsent: inputs.browserConsent } : {}),
  };
}

/** Whether anything at all may leave the device (policy `off` → false → no requests). */
export function sendsAnything(policy: CollectionPolicy): boolean {
  return policy.classes.size > 0;
}

/** Whether events of `type` may be recorded and sent at all under `policy`. */
export function allowsType(policy: CollectionPolicy, type: InsightEvent['type']): boolean {
  const info = eventTypes[type];
  if (!policy.classes.has(info.class)) return false;
  const consent = policy.browserConsent;
  return consent === undefined || info.firefox.every((category) => consent.has(category));
}

/**
 * The event as it may be recorded and sent under `policy`, or undefined when it may not: its
 * class must be allowed, and in Firefox its data categories consented to; an optional field whose
 * category was not consented to (a failed search's words) is left out.
 */
export function applyPolicy<E extends InsightEvent>(
  policy: CollectionPolicy,
  event: E,
): E | undefined {
  if (!allowsType(policy, event.type)) return undefined;
  const consent = policy.browserConsent;
  if (consent === undefined) return event;
  const stripped: Record<string, unknown> = { ...event };
  for (const [field, category] of Object.entries(eventTypes[event.type].fieldConsent ?? {}))
    if (!consent.has(category)) delete stripped[field];
  return stripped as E;
}
