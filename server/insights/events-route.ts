import type { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import {
  CONTENT_REQUESTS_PATH,
  contentRequestsResponseSchema,
  dayOf,
  EVENTS_PATH,
  MAX_REQUEST_BYTES,
  parseContentRequests,
} from '@/lib/insights';
import { holdoutStatusSchema, myLearningSchema } from '@/lib/insights/views';
import { jsonError, readJson, type ServerEnv } from '../http';
import { RequestLimiter } from '../rate-limit';
import type { Store } from '../store';
import { holdoutStatus } from './holdout';
import { EventIngest } from './ingest';
import { myLearning } from './my-learning';

/** 50 requests of at most 400 characters of words each, with room for their JSON. */
const CONTENT_REQUESTS_MAX_BYTES = 64_000;

/**
 * What every signed-in extension calls: `POST /v1/events` (lib/insights/wire.ts), content
 * requests (lib/insights/content-requests.ts; the same per-user rate limit), the learner's own
 * records and whether their team is held out of guidance.
 */
export function registerEventRoutes(
  app: Hono<ServerEnv>,
  store: Store,
  options: { eventRequestsPerMinute: number },
): void {
  const ingest = new EventIngest(store);
  const limiter = new RequestLimiter(options.eventRequestsPerMinute);

  app.post(
    EVENTS_PATH,
    bodyLimit({
      maxSize: MAX_REQUEST_BYTES,
      onError: (c) => {
        c.header('Connection', 'close');
        return jsonError(
          c,
          413,
          'payload_too_large',
          `the batch is over ${MAX_REQUEST_BYTES} bytes`,
        );
      },
    }),
    async (c) => {
      const user = c.get('user');
      const wait = limiter.take(user.email.toLowerCase());
      if (wait > 0) {
        c.header('Retry-After', String(wait));
        return jsonError(c, 429, 'rate_limited', `too many event batches; retry in ${wait} s`);
      }
      const answer = await ingest.receive(await readJson(c), user);
      if (answer.status === 400) return jsonError(c, 400, 'bad_request', answer.error);
      return c.json(answer.body);
    },
  );

  app.post(
    CONTENT_REQUESTS_PATH,
    bodyLimit({
      maxSize: CONTENT_REQUESTS_MAX_BYTES,
      onError: (c) =>
        jsonError(c, 413, 'payload_too_large', `over ${CONTENT_REQUESTS_MAX_BYTES} bytes`),
    }),
    async (c) => {
      const wait = limiter.take(c.get('user').email.toLowerCase());
      if (wait > 0) {
        c.header('Retry-After', String(wait));
        return jsonError(c, 429, 'rate_limited', `too many requests; retry in ${wait} s`);
      }
      const parsed = parseContentRequests(await readJson(c), dayOf(store.now().getTime()));
      if (!parsed.ok) return jsonError(c, 400, 'bad_request', parsed.error);
      const stored =
        parsed.requests.length === 0
          ? { inserted: [], duplicates: [] }
          : await store.appendContentRequests(parsed.requests);
      return c.json(
        contentRequestsResponseSchema.parse({
          accepted: stored.inserted,
          duplicates: stored.duplicates,
          rejected: parsed.rejected,
        }),
      );
    },
  );

  app.get('/v1/me/learning', async (c) => {
    const { email } = c.get('user');
    const body = myLearning(email, await store.learningRecordsOf(email));
    return c.json(myLearningSchema.parse(body));
  });

  app.get('/v1/me/holdout', async (c) => {
    const { holdout } = await store.insightSettings();
    const today = dayOf(store.now().getTime());
    return c.json(holdoutStatusSchema.parse(holdoutStatus(holdout, c.get('user').team, today)));
  });
}
