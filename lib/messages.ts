import type { AppDefinition } from '@/lib/content-model';

/**
 * THE protocol between the extension's contexts. Every message is declared once here, keyed by its
 * receiver (`bg:` = background), with its payload and result types. The receiver checks payloads
 * with the schemas in `lib/message-schemas.ts` (kept apart so the content script does not bundle
 * zod); those schemas are typed against this map, so the two cannot drift.
 */
export interface MessageMap {
  /** Content script → background: the app definition for this page's host, if any. */
  'bg:app-for-host': { payload: { host: string }; result: AppDefinition | null };
  /** Popup / side panel → background: what the local store holds. */
  'bg:status': { payload: Record<string, never>; result: StatusResult };
}

export interface StatusResult {
  apps: number;
  items: number;
  source: 'starter-pack';
}

export type MessageType = keyof MessageMap;

/** What travels on the wire. The `waymark` tag keeps unrelated runtime messages out. */
export interface Envelope<T extends MessageType = MessageType> {
  waymark: 1;
  type: T;
  payload: MessageMap[T]['payload'];
}

export type Reply<T extends MessageType> =
  { ok: true; result: MessageMap[T]['result'] } | { ok: false; error: string };

export function envelope<T extends MessageType>(
  type: T,
  payload: MessageMap[T]['payload'],
): Envelope<T> {
  return { waymark: 1, type, payload };
}
