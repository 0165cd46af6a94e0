import { eventsResponseSchema, type EventsResponse } from '@/lib/insights';
import { isRetryable, networkOutcome, retryReason } from './http-outcome';
import type { Fetch } from './types';

/** What one `POST /v1/events` came to, for the delivery client. */
export type PostAnswer =
  | { kind: 'answered'; response: EventsResponse }
  /** 413: the batch must shrink. */
  | { kind: 'too-large' }
  /** 404/405: a server from before /v1/events (the anchor-report route still takes tip counts). */
  | { kind: 'missing' }
  /** Nothing is confirmed; everything stays queued for the next flush. `reason` in plain words. */
  | { kind: 'kept'; reason: string };

/**
 * POSTs a JSON body with the bearer token; the status and body text, or why the server could not
 * be reached. Shared by the events and the anchor-report routes.
 */
export async function postJson(
  fetch: Fetch,
  url: string,
  token: string,
  body: string,
): Promise<{ status: number; text: string | undefined } | { unreachable: string }> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
        Accept: 'application/json',
      },
      body,
    });
  } catch (error) {
    return { unreachable: networkOutcome(error).reason };
  }
  return { status: response.status, text: await response.text().catch(() => undefined) };
}

export async function postEvents(
  fetch: Fetch,
  url: string,
  token: string,
  body: string,
): Promise<PostAnswer> {
  const answer = await postJson(fetch, url, token, body);
  if ('unreachable' in answer) return { kind: 'kept', reason: answer.unreachable };
  const { status, text } = answer;
  if (status === 413) return { kind: 'too-large' };
  if (status === 404 || status === 405) return { kind: 'missing' };
  if (status === 401 || status === 403)
    return { kind: 'kept', reason: `the server refused the sign-in token (HTTP ${status})` };
  if (isRetryable(status)) return { kind: 'kept', reason: retryReason(status) };
  if (status !== 200)
    return {
      kind: 'kept',
      reason: `the server answered HTTP ${status}: ${text?.slice(0, 200) ?? ''}`,
    };
  // An answer that cannot be read is a lost acknowledgement: the batch goes again, same seqs.
  let json: unknown;
  try {
    json = JSON.parse(text ?? '');
  } catch {
    return { kind: 'kept', reason: 'the server’s answer was cut short or is not JSON' };
  }
  const parsed = eventsResponseSchema.safeParse(json);
  return parsed.success
    ? { kind: 'answered', response: parsed.data }
    : { kind: 'kept', reason: 'the server’s answer does not follow the events contract' };
}
