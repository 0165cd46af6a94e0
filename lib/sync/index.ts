/**
 * The background sync client: transports for the content server and a static export, page
 * validation and apply, the engine with backoff, search-index updates, sign-out, and delivering
 * the insight events (exactly once, lib/insights/wire.ts). Pure
 * TypeScript: fetch, clock, randomness and sleep are injected; the background wires them to
 * `fetch`, `Date.now`, `Math.random` and chrome.alarms.
 */
export type { Clock, FeedTransport, Fetch, FetchOutcome } from './types';
export { createServerTransport, type ServerTransportOptions } from './transport';
export { refreshContentSettings } from './content-settings';
export {
  createStaticTransport,
  staticFeedBase,
  type StaticTransportOptions,
} from './static-transport';
export { testConnection, type ConnectionResult } from './test-connection';
export { parseRetryAfter, RETRY_AFTER_CAP_MS } from './retry-after';
export { backoffDelay, BACKOFF } from './backoff';
export { validatePage, type ValidPage, type Log } from './validate-page';
export { applyPage, type ApplyContext, type ContentChange } from './apply';
export {
  createSyncEngine,
  errorMessages,
  type SyncEngine,
  type SyncEngineOptions,
  type SyncResult,
} from './engine';
export type { SyncHooks } from './read-feed';
export { updateSearchIndex, applyChangeToSearch } from './search-update';
export { SearchFollower } from './search-follower';
export { signOut } from './sign-out';
export {
  flushAnchorReports,
  type AnchorReportDeps,
  type FlushResult,
  UNKNOWN_SCREEN,
} from './anchor-reports';
export { deliverEvents, type DeliveryDeps, type DeliveryResult } from './deliver-events';
export { dexieOutbox, type EventOutbox } from './event-outbox';
export { sendInsights, type InsightsResult } from './send-insights';
export { dexieRequestQueue, sendContentRequests, type RequestSendResult } from './content-requests';
export { sendAcknowledgements, type AcknowledgementDeps } from './acknowledgements';
