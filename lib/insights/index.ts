/**
 * Insights shared by the extension and the server: the events (typed once, versioned), the wire
 * contract of `POST /v1/events`, and the privacy rules — query scrubbing, the analytics policy,
 * k-anonymity, retention and keyed hashes. No DOM and no Node API (server/tsconfig.json checks it).
 */
export * from './events';
export * from './event-types';
export * from './query';
export * from './policy';
export * from './k-anonymity';
export * from './retention';
export * from './keyed-hash';
export * from './wire';
export * from './content-requests';
export * from './time';
export * from './coalesce';
export * from './search-session';
export * from './read-timer';
export {
  createReferenceReceiver,
  type ReceivedRow,
  type ReferenceReceiver,
} from './reference-receiver';
