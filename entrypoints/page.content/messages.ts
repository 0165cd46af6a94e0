import { resolveAnchor } from '@/lib/anchors';
import type { Envelope, Reply } from '@/lib/messages';
import type { Highlight } from './highlight';

function isHighlight(message: unknown): message is Envelope<'cs:highlight'> {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Partial<Envelope>;
  return (
    m.waymark === 1 &&
    m.type === 'cs:highlight' &&
    typeof m.payload === 'object' &&
    m.payload !== null
  );
}

/**
 * The content script answers one message, `cs:highlight`, and only from this extension. The check
 * is written by hand (no zod in the page bundle); the anchor itself is validated by `resolveAnchor`,
 * which answers `null` for anything malformed.
 */
export function listenForHighlights(highlight: Highlight, signal: AbortSignal): void {
  const listener = (
    message: unknown,
    sender: { id?: string },
    sendResponse: (reply: unknown) => void,
  ) => {
    if (sender.id !== browser.runtime.id || !isHighlight(message)) return undefined;
    const { anchor } = message.payload;
    const element = anchor === null ? null : resolveAnchor(anchor, document);
    if (element === null) highlight.clear();
    else highlight.show(element);
    sendResponse({ ok: true, result: { found: element !== null } } satisfies Reply<'cs:highlight'>);
    return true;
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener));
}
