import {
  DEFAULT_INSIGHT_SETTINGS,
  insightSettingsSchema,
  type InsightSettings,
  type SettingsChange,
} from '@/lib/insights/views';

/**
 * The insights settings as stored (one row per key, JSON) and what a change writes and audits:
 * one rule for both backends. A stored value that no longer parses falls back to the default
 * (fail safe: the threshold is then 5, never lower).
 */
export type SettingKey = keyof InsightSettings;
const KEYS: readonly SettingKey[] = ['query_k', 'analytics', 'holdout'];

export function readSettings(rows: readonly { key: string; value: string }[]): InsightSettings {
  const settings: Record<string, unknown> = { ...DEFAULT_INSIGHT_SETTINGS };
  for (const { key, value } of rows) {
    if (!(KEYS as readonly string[]).includes(key)) continue;
    const candidate = { ...settings, [key]: JSON.parse(value) as unknown };
    if (insightSettingsSchema.safeParse(candidate).success) settings[key] = candidate[key];
  }
  return insightSettingsSchema.parse(settings);
}

const describe = (value: unknown): string =>
  typeof value === 'string' || typeof value === 'number'
    ? String(value)
    : (JSON.stringify(value) ?? 'none');

export interface SettingsPlan {
  next: InsightSettings;
  /** Keys to write (value JSON) or delete (undefined). */
  writes: { key: SettingKey; value: string | undefined }[];
  /** One audit comment per setting changed, e.g. "query threshold: 5 → 3". */
  audit: string[];
}

const LABELS: Record<SettingKey, string> = {
  query_k: 'query threshold',
  analytics: 'analytics level',
  holdout: 'holdout',
};

export function planSettingsChange(current: InsightSettings, change: SettingsChange): SettingsPlan {
  const next: Record<string, unknown> = { ...current };
  const plan: SettingsPlan = { next: current, writes: [], audit: [] };
  for (const key of KEYS) {
    if (!(key in change)) continue;
    const value = change[key] ?? undefined;
    if (JSON.stringify(value) === JSON.stringify(current[key])) continue;
    next[key] = value;
    plan.writes.push({ key, value: value === undefined ? undefined : JSON.stringify(value) });
    plan.audit.push(`${LABELS[key]}: ${describe(current[key])} → ${describe(value)}`);
  }
  if (next.holdout === undefined) delete next.holdout;
  return { ...plan, next: insightSettingsSchema.parse(next) };
}
