import { envelope, type MessageMap, type MessageType, type Reply } from '@/lib/messages';

/** The one `runtime.sendMessage` shape this module needs, so it stays free of `browser.*`. */
export type RawSend = (message: unknown) => Promise<unknown>;

/** Sends a typed message and unwraps the reply; throws with the receiver's words on failure. */
export async function sendTyped<T extends MessageType>(
  send: RawSend,
  type: T,
  payload: MessageMap[T]['payload'],
): Promise<MessageMap[T]['result']> {
  const reply = (await send(envelope(type, payload))) as Reply<T> | undefined;
  if (reply === undefined || typeof reply !== 'object')
    throw new Error(`${type}: no answer from the background`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.result;
}
