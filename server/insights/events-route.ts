import type { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { dayOf, EVENTS_PATH, MAX_REQUEST_BYTES } from '@/lib/insights';
import { holdoutStatusSchema, myLearningSchema } from '@/lib/insights/views';
import { jsonError, readJson, type ServerEnv } from '../http';
import { RequestLimiter } from '../rate-limit';
import type { Store } from '../store';
import { holdoutStatus } from './holdout';
import { EventIngest } from './ingest';
import { myLearning } from './my-learning';

/**
 * What every signed-in extension calls: `POST /v1/events` (lib/insights/wire.ts), the learner's
 * own records and whether their team is held out of guidance.
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
