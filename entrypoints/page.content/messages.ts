import type { InPageTip, MessageMap, MessageType, PickTarget } from '@/lib/messages';

/** Messages the content script answers. */
export type ContentMessage = Extract<MessageType, `cs:${string}`>;

export type ContentHandlers = {
  [T in ContentMessage]: (
    payload: MessageMap[T]['payload'],
  ) => MessageMap[T]['result'] | Promise<MessageMap[T]['result']>;
};

type Listener = (
  message: unknown,
  sender: { id?: string },
  sendResponse: (reply: unknown) => void,
) => true | undefined;

type Fields = Record<string, unknown>;

const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null;
const PLACEMENTS = new Set(['auto', 'top', 'bottom', 'left', 'right']);

function isPickTarget(value: unknown): value is PickTarget {
  if (!isObject(value)) return false;
  if (value.kind === 'tip') return true;
  return value.kind === 'lesson-step' && Number.isInteger(value.step) && Number(value.step) >= 0;
}

function isTip(value: unknown): value is InPageTip {
  return (
    isObject(value) &&
    typeof value.id === 'string' &&
    typeof value.title === 'string' &&
    typeof value.body === 'string' &&
    PLACEMENTS.has(value.placement as string)
  );
}

/**
 * Payload checks, written by hand: zod stays out of the page bundle (docs/adr/0001). Anchors are
 * not checked here; `resolveAnchor` validates them and answers null for anything malformed.
 */
const VALID: { [T in ContentMessage]: (payload: Fields) => boolean } = {
  'cs:highlight': (p) => 'anchor' in p && (p.note === undefined || typeof p.note === 'string'),
  'cs:insert-reply': (p) => typeof p.text === 'string' && p.text !== '' && p.text.length <= 20_000,
  'cs:launcher-show': () => true,
  'cs:focus-next': () => true,
  'cs:pick-start': (p) =>
    typeof p.draftKey === 'string' && p.draftKey !== '' && isPickTarget(p.target),
  'cs:pick-cancel': () => true,
  'cs:preview-tip': (p) => p.tip === null || isTip(p.tip),
};

/**
 * The content script's `runtime.onMessage` listener: only this extension (`selfId`) is answered,
 * only `cs:*` envelopes, and a malformed payload gets `{ok: false}` without running a handler.
 * Answers go through `sendResponse` + `return true`, as the background's router does.
 */
export function createContentListener(handlers: ContentHandlers, selfId: string): Listener {
  return (message, sender, sendResponse) => {
    if (sender.id !== selfId || !isObject(message) || message.waymark !== 1) return undefined;
    const type = message.type as ContentMessage;
    if (typeof type !== 'string' || !Object.hasOwn(VALID, type)) return undefined;
    const { payload } = message;
    if (!isObject(payload) || !VALID[type](payload)) {
      sendResponse({ ok: false, error: `${type}: malformed payload` });
      return true;
    }
    // The check above proved the payload matches `type`, which TypeScript cannot follow here.
    const handler = handlers[type] as (payload: Fields) => unknown;
    new Promise((resolve) => resolve(handler(payload))).then(
      (result) => sendResponse({ ok: true, result }),
      (error: unknown) =>
        sendResponse({ ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
    return true;
  };
}

export function listenForMessages(handlers: ContentHandlers, signal: AbortSignal): void {
  const listener = createContentListener(handlers, browser.runtime.id);
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener));
}
