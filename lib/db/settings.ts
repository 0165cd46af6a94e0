import { z } from 'zod';
import { localeSchema, slugSchema } from '@/lib/content-model';
import type { WaymarkDatabase } from './database';

/**
 * Every setting, with its schema and default. A stored value is parsed on read: one written by
 * an older release, or damaged, reads as the default instead of reaching the code.
 */
export const settingSchemas = {
  /** Show tips and beacons on business-app pages. */
  tipsEnabled: z.boolean().default(true),
  /** Queue usage events (views, votes, lesson progress) in the outbox for the content server. */
  usageEventsEnabled: z.boolean().default(true),
  /** Minutes between background syncs (chrome.alarms): 5 to 1440, 15 by default. */
  syncIntervalMinutes: z.number().int().min(5).max(1440).default(15),
  /** The content server to sync from; unset means the starter pack only. */
  serverUrl: z.url({ protocol: /^https?$/ }).optional(),
  /** The learner's role and team, for targeting (`targeting.roles` / `targeting.teams`). */
  role: slugSchema.optional(),
  team: slugSchema.optional(),
  /** Where and how the learner left the launcher, per app (see lib/knowledge/launcher-prefs.ts). */
  launcher: z
    .record(
      z.string().max(80),
      z.object({
        dock: z.object({ edge: z.enum(['left', 'right']), y: z.number().min(0).max(1) }).optional(),
        minimised: z.boolean().default(false),
        snoozedUntil: z.number().optional(),
      }),
    )
    .default({}),
  /** Sites (host names) where the learner hid the launcher. */
  hiddenSites: z.array(z.string().max(253)).max(500).default([]),
  /**
   * The organisation's default content language (BCP 47): the language of an item without
   * `locale`, and the learner's fallback. Written by the sync (`setContentDefaultLocale`).
   */
  contentDefaultLocale: localeSchema.default('en'),
  /** When the learner last looked at "What's new" (epoch ms); unset before the first look. */
  whatsNewSeenAt: z.number().optional(),
  /**
   * Content requests the learner made, oldest first, waiting to reach the authors (the newest 50;
   * lib/knowledge/whats-new.ts). Their own words, and the app and screen ids — nothing of the page.
   */
  pendingContentRequests: z
    .array(
      z.object({
        /** The idempotency key on the server; made when queued (older queues: when first sent). */
        id: z.uuid().optional(),
        text: z.string().min(1).max(2_000),
        query: z.string().max(200),
        app: slugSchema.optional(),
        screen: slugSchema.optional(),
        at: z.number(),
      }),
    )
    .max(50)
    .default([]),
  /**
   * Announcements the learner dismissed or acknowledged (epoch ms), by id: never shown again.
   * Kept until the announcement is gone from the store (lib/knowledge/announcements.ts).
   */
  announcementsDone: z
    .record(slugSchema, z.object({ at: z.number(), acknowledged: z.boolean() }))
    .default({}),
  /** Acknowledgements not yet confirmed by the server, oldest first (lib/sync/acknowledgements.ts). */
  pendingAcknowledgements: z.array(slugSchema).max(500).default([]),
} as const;

type Schemas = typeof settingSchemas;
export type SettingKey = keyof Schemas;
export type Settings = { [K in SettingKey]: z.output<Schemas[K]> };

/** How a setting is stored. `value` is whatever was written, checked again on every read. */
export interface SettingRow {
  key: string;
  value: unknown;
}

export const settingKeys = Object.keys(settingSchemas) as SettingKey[];

function parseSetting<K extends SettingKey>(key: K, value: unknown): Settings[K] {
  // Indexing the map by a generic key loses the link between key and schema; the map's type
  // (Settings) restores it.
  const schema: z.ZodType = settingSchemas[key];
  const parsed = schema.safeParse(value);
  return (parsed.success ? parsed.data : schema.parse(undefined)) as Settings[K];
}

export function defaultSetting<K extends SettingKey>(key: K): Settings[K] {
  return parseSetting(key, undefined);
}

export async function getSetting<K extends SettingKey>(
  db: WaymarkDatabase,
  key: K,
): Promise<Settings[K]> {
  return parseSetting(key, (await db.settings.get(key))?.value);
}

export async function getSettings(db: WaymarkDatabase): Promise<Settings> {
  const rows = await db.settings.bulkGet(settingKeys);
  const entries = settingKeys.map((key, i) => [key, parseSetting(key, rows[i]?.value)] as const);
  return Object.fromEntries(entries) as Settings;
}

/**
 * Stores a setting after checking it against its schema (throws a ZodError when it does not
 * fit). Writing `undefined` removes the row, so the default applies again.
 */
export async function setSetting<K extends SettingKey>(
  db: WaymarkDatabase,
  key: K,
  value: Settings[K],
): Promise<void> {
  if (value === undefined) {
    await db.settings.delete(key);
    return;
  }
  await db.settings.put({ key, value: settingSchemas[key].parse(value) });
}
