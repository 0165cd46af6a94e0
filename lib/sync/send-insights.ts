import { allowsType } from '@/lib/insights';
import { flushAnchorReports, type FlushResult } from './anchor-reports';
import { deliverEvents, type DeliveryDeps, type DeliveryResult } from './deliver-events';

export interface InsightsResult extends DeliveryResult {
  /** What went by the older anchor-report route, to a server without /v1/events. */
  legacy?: FlushResult;
}

/**
 * Sends the outbox: everything to `POST /v1/events`; a server from before that route (404) still
 * gets the broken-anchor counts on `/v1/anchor-reports`, and the other events wait (the outbox is
 * bounded) until it is upgraded.
 */
export async function sendInsights(deps: DeliveryDeps): Promise<InsightsResult> {
  const result = await deliverEvents(deps);
  if (result.endpointMissing !== true || !allowsType(deps.policy, 'tip_unresolved')) return result;
  const legacy = await flushAnchorReports(deps);
  return { ...result, legacy };
}
