import { envelopeSchema, payloadSchemas } from '@/lib/message-schemas';
import type { MessageMap, MessageType, Reply } from '@/lib/messages';

export type Handlers = {
  [K in MessageType]: (
    payload: MessageMap[K]['payload'],
    sender: SenderInfo,
  ) => Promise<MessageMap[K]['result']>;
};

/** The parts of `runtime.MessageSender` the router looks at. */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number };
}

type Listener = (
  message: unknown,
  sender: SenderInfo,
  sendResponse: (reply: unknown) => void,
) => true | undefined;

/**
 * Builds the background's `runtime.onMessage` listener. Messages from anything but this extension
 * are ignored without an answer; envelopes and payloads are parsed by schema before a handler runs;
 * a handler's failure becomes `{ok: false}` rather than an unanswered promise. Answers go through
 * `sendResponse` + `return true`, which both Chrome and WXT's fake browser honour.
 */
export function createRouter(
  extensionId: string,
  handlers: Handlers,
  log: (text: string) => void = console.warn,
): Listener {
  return (message, sender, sendResponse) => {
    if (sender.id !== extensionId) return undefined;
    const parsedEnvelope = envelopeSchema.safeParse(message);
    if (!parsedEnvelope.success) {
      // Not ours (another part of the extension or a malformed call): stay silent.
      return undefined;
    }
    const { type, payload } = parsedEnvelope.data;
    const parsedPayload = payloadSchemas[type].safeParse(payload);
    if (!parsedPayload.success) {
      const issue = parsedPayload.error.issues[0];
      const error = `${type}: invalid payload at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`;
      log(error);
      sendResponse({ ok: false, error } satisfies Reply<typeof type>);
      return true;
    }
    const handler = handlers[type] as (payload: unknown, sender: SenderInfo) => Promise<unknown>;
    handler(parsedPayload.data, sender).then(
      (result) => sendResponse({ ok: true, result }),
      (error: unknown) => {
        const text = `${type}: ${error instanceof Error ? error.message : String(error)}`;
        log(text);
        sendResponse({ ok: false, error: text });
      },
    );
    return true;
  };
}
