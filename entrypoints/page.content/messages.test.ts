import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { envelope } from '@/lib/messages';
import { type ContentHandlers, createContentListener, listenForMessages } from './messages';

const SELF = 'waymark-test-id';
const TIP = { id: 't1', title: 'Macros', body: 'Use **macros**.', placement: 'auto' as const };

function handlers(): ContentHandlers {
  return {
    'cs:highlight': vi.fn(() => ({ found: true })),
    'cs:pick-start': vi.fn(() => ({ started: true as const })),
    'cs:pick-cancel': vi.fn(() => ({ cancelled: false })),
    'cs:preview-tip': vi.fn(() => ({ found: true })),
    'cs:insert-reply': vi.fn(() => ({ inserted: true })),
    'cs:launcher-show': vi.fn(() => ({ shown: true as const })),
    'cs:focus-next': vi.fn(() => ({ focused: 'launcher' })),
  };
}

/**
 * Calls the listener as the browser does; `returned` is what the listener returned, `answer()`
 * the reply once it is sent (handlers may answer later).
 */
function deliver(h: ContentHandlers, message: unknown, sender: { id?: string } = { id: SELF }) {
  const sendResponse = vi.fn();
  const returned = createContentListener(h, SELF)(message, sender, sendResponse);
  const answer = async () => {
    await vi.waitFor(() => expect(sendResponse).toHaveBeenCalled());
    return sendResponse.mock.calls[0]?.[0] as unknown;
  };
  return { returned, reply: sendResponse.mock.calls[0]?.[0] as unknown, answer };
}

describe('createContentListener', () => {
  it('answers pick-start with the handler’s result', async () => {
    const h = handlers();
    const payload = { draftKey: 'd1', target: { kind: 'lesson-step' as const, step: 2 } };
    const { returned, answer } = deliver(h, envelope('cs:pick-start', payload));
    expect(returned).toBe(true);
    expect(await answer()).toEqual({ ok: true, result: { started: true } });
    expect(h['cs:pick-start']).toHaveBeenCalledWith(payload);
  });

  it('answers preview-tip for a tip and for null', async () => {
    const h = handlers();
    expect(await deliver(h, envelope('cs:preview-tip', { tip: TIP })).answer()).toEqual({
      ok: true,
      result: { found: true },
    });
    deliver(h, envelope('cs:preview-tip', { tip: null }));
    expect(h['cs:preview-tip']).toHaveBeenLastCalledWith({ tip: null });
  });

  it('stays silent for other extensions, the page, and messages for other receivers', () => {
    const h = handlers();
    const message = envelope('cs:pick-cancel', {});
    expect(deliver(h, message, { id: 'another-extension' }).returned).toBeUndefined();
    expect(deliver(h, message, {}).returned).toBeUndefined();
    expect(deliver(h, envelope('bg:status', {})).returned).toBeUndefined();
    expect(deliver(h, { type: 'cs:pick-cancel', payload: {} }).returned).toBeUndefined();
    expect(h['cs:pick-cancel']).not.toHaveBeenCalled();
  });

  it.each([
    [
      'a pick without a draft key',
      { waymark: 1, type: 'cs:pick-start', payload: { target: { kind: 'tip' } } },
    ],
    [
      'a pick for a negative step',
      {
        waymark: 1,
        type: 'cs:pick-start',
        payload: { draftKey: 'd', target: { kind: 'lesson-step', step: -1 } },
      },
    ],
    [
      'a preview tip without a title',
      { waymark: 1, type: 'cs:preview-tip', payload: { tip: { ...TIP, title: 3 } } },
    ],
    [
      'a preview tip with an unknown placement',
      { waymark: 1, type: 'cs:preview-tip', payload: { tip: { ...TIP, placement: 'middle' } } },
    ],
    ['no payload', { waymark: 1, type: 'cs:pick-cancel' }],
  ])('refuses %s without running a handler', (_name, message) => {
    const h = handlers();
    const { returned, reply } = deliver(h, message);
    expect(returned).toBe(true);
    expect(reply).toMatchObject({ ok: false });
    for (const handler of Object.values(h)) expect(handler).not.toHaveBeenCalled();
  });

  it('answers a handler’s failure as an error, not silence', async () => {
    const h = handlers();
    h['cs:pick-cancel'] = () => {
      throw new Error('no picker');
    };
    expect(await deliver(h, envelope('cs:pick-cancel', {})).answer()).toEqual({
      ok: false,
      error: 'no picker',
    });
  });
});

describe('listenForMessages', () => {
  beforeEach(() => fakeBrowser.reset());

  it('listens until the content script’s signal aborts', async () => {
    const h = handlers();
    const controller = new AbortController();
    listenForMessages(h, controller.signal);
    const sender = { id: fakeBrowser.runtime.id };
    await fakeBrowser.runtime.onMessage.trigger(envelope('cs:pick-cancel', {}), sender, vi.fn());
    expect(h['cs:pick-cancel']).toHaveBeenCalledOnce();

    controller.abort();
    expect(fakeBrowser.runtime.onMessage.hasListeners()).toBe(false);
  });
});
