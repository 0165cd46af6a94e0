import {
  allowedSenders,
  envelopeSchema,
  payloadSchemas,
  type SenderKind,
} from '@/lib/message-schemas';
import type { MessageMap, MessageType, Reply } from '@/lib/messages';

export type Handler<K extends MessageType> = (
  payload: MessageMap[K]['payload'],
  sender: SenderInfo,
) => Promise<MessageMap[K]['result']>;

/** The handlers of one receiver: the background takes `bg:*` messages. */
export type Handlers<K extends MessageType = MessageType> = { [P in K]: Handler<P> };

/** Messages the background answers. */
export type BackgroundMessage = Extract<MessageType, `bg:${string}`>;

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

/** This extension, as the browser names it: `runtime.id` and `runtime.getURL('/')`. */
export interface ExtensionIdentity {
  id: string;
  baseUrl: string;
}

/**
 * An extension page's URL is inside the extension (whether it is the side panel, the popup or a
 * page opened in a tab); a content script's is the web page's, and it carries the tab.
 */
export function senderKind(sender: SenderInfo, self: ExtensionIdentity): SenderKind | undefined {
  if (sender.id !== self.id) return undefined;
  if (sender.url?.startsWith(self.baseUrl)) return 'extension-page';
  if (sender.tab?.id !== undefined) return 'content-script';
  return undefined;
}

/**
 * Builds the background's `runtime.onMessage` listener. Messages from anything but this extension
 * are ignored without an answer; envelopes and payloads are parsed by schema before a handler runs;
 * a handler's failure becomes `{ok: false}` rather than an unanswered promise. Answers go through
 * `sendResponse` + `return true`, which both Chrome and WXT's fake browser honour.
 */
export function createRouter<K extends MessageType>(
  self: ExtensionIdentity,
  handlers: Handlers<K>,
  log: (text: string) => void = console.warn,
): Listener {
  return (message, sender, sendResponse) => {
    if (sender.id !== self.id) return undefined;
    const parsedEnvelope = envelopeSchema.safeParse(message);
    if (!parsedEnvelope.success) {
      // Not ours (another part of the extension or a malformed call): stay silent.
      return undefined;
    }
    const { type, payload } = parsedEnvelope.data;
    // Addressed to another receiver (a `cs:` message reaching the background): not ours to answer.
    if (!Object.hasOwn(handlers, type)) return undefined;
    const kind = senderKind(sender, self);
    if (kind === undefined || !allowedSenders[type].includes(kind)) {
      const error = `${type}: not accepted from ${kind ?? 'an unknown sender'}`;
      log(error);
      sendResponse({ ok: false, error } satisfies Reply<typeof type>);
      return true;
    }
    const parsedPayload = payloadSchemas[type].safeParse(payload);
    if (!parsedPayload.success) {
      const issue = parsedPayload.error.issues[0];
      const error = `${type}: invalid payload at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`;
      log(error);
      sendResponse({ ok: false, error } satisfies Reply<typeof type>);
      return true;
    }
    const handler = handlers[type as K] as (
      payload: unknown,
      sender: SenderInfo,
    ) => Promise<unknown>;
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
