import { contentSettingsSchema } from '@/lib/content-model';
import { setContentDefaultLocale, type WaymarkDatabase } from '@/lib/db';
import type { Fetch } from './types';

/**
 * Reads the organisation's content settings (`GET /v1/content-settings`) and records its default
 * content language; a change rebuilds the search index (setContentDefaultLocale). A server that
 * predates the route (404) leaves the setting as it is; any other failure is reported to the
 * caller, which never lets it fail the sync. True when the default changed.
 */
export async function refreshContentSettings(
  db: WaymarkDatabase,
  options: { baseUrl: string; token: string; fetch: Fetch },
): Promise<boolean> {
  const url = new URL('/v1/content-settings', options.baseUrl).href;
  const response = await options.fetch(url, {
    headers: { authorization: `Bearer ${options.token}`, accept: 'application/json' },
  });
  if (response.status === 404) return false;
  if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}`);
  const parsed = contentSettingsSchema.safeParse(await response.json());
  if (!parsed.success)
    throw new Error(`${url}: default_locale: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return setContentDefaultLocale(db, parsed.data.default_locale);
}
