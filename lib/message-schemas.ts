import { z } from 'zod';
import type { MessageMap, MessageType } from '@/lib/messages';

type PayloadSchemas = { [K in MessageType]: z.ZodType<MessageMap[K]['payload']> };

/** Payload schemas for every message in `MessageMap`; receivers parse with these, never trust. */
export const payloadSchemas: PayloadSchemas = {
  'bg:app-for-host': z.strictObject({ host: z.string().min(1).max(253) }),
  'bg:status': z.strictObject({}),
};

export const envelopeSchema = z.strictObject({
  waymark: z.literal(1),
  type: z.enum(Object.keys(payloadSchemas) as [MessageType, ...MessageType[]]),
  payload: z.unknown(),
});
