import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { envelope } from '@/lib/messages';
import { createRouter, senderKind, type Handlers, type SenderInfo } from './router';
import { sendTyped } from './send';

const SELF = { id: 'waymark-test-id', baseUrl: 'chrome-extension://waymark-test-id/' };
const PAGE: SenderInfo = { id: SELF.id, url: `${SELF.baseUrl}sidepanel.html` };
const CONTENT: SenderInfo = {
  id: SELF.id,
  url: 'https://acme.zendesk.com/agent/tickets/1',
  tab: { id: 7 },
};

type Pair = 'bg:app-for-host' | 'bg:status';
function handlers(overrides: Partial<Handlers<Pair>> = {}): Handlers<Pair> {
  return {
    'bg:app-for-host': vi.fn(() => Promise.resolve(null)),
    'bg:status': vi.fn(() =>
      Promise.resolve({ apps: 10, items: 72, source: 'starter-pack' as const, running: false }),
    ),
    ...overrides,
  };
}

/** Calls the listener the way Chrome does and collects what it answered, if anything. */
function deliver(listener: ReturnType<typeof createRouter>, message: unknown, sender: SenderInfo) {
  return new Promise<{ returned: unknown; reply?: unknown }>((resolve) => {
    const returned = listener(message, sender, (reply) => resolve({ returned: true, reply }));
    if (returned !== true) resolve({ returned });
  });
}

const quiet = () => {};

describe('senderKind', () => {
  it('tells content scripts (with a tab) from extension pages (extension URL) and strangers', () => {
    expect(senderKind(CONTENT, SELF)).toBe('content-script');
    expect(senderKind(PAGE, SELF)).toBe('extension-page');
    expect(senderKind({ ...PAGE, tab: { id: 3 } }, SELF)).toBe('extension-page');
    expect(senderKind({ id: SELF.id, url: 'https://evil.example/' }, SELF)).toBeUndefined();
    expect(senderKind({ id: 'other', tab: { id: 1 } }, SELF)).toBeUndefined();
    expect(senderKind({ id: SELF.id, tab: { id: 1 } }, SELF)).toBe('content-script');
  });
});

describe('createRouter', () => {
  beforeEach(() => fakeBrowser.reset());

  it('answers a valid message from an allowed sender with the handler result', async () => {
    const { returned, reply } = await deliver(
      createRouter(SELF, handlers(), quiet),
      envelope('bg:status', {}),
      PAGE,
    );
    expect(returned).toBe(true);
    expect(reply).toEqual({
      ok: true,
      result: { apps: 10, items: 72, source: 'starter-pack', running: false },
    });
  });

  it.each([{ id: 'another-extension', url: PAGE.url }, {}])(
    'ignores messages from sender %j without answering or running a handler',
    async (sender) => {
      const h = handlers();
      const { returned, reply } = await deliver(
        createRouter(SELF, h, quiet),
        envelope('bg:status', {}),
        sender,
      );
      expect(returned).toBeUndefined();
      expect(reply).toBeUndefined();
      expect(h['bg:status']).not.toHaveBeenCalled();
    },
  );

  it('refuses a message from the wrong kind of sender (a content script asking for status)', async () => {
    const h = handlers();
    const { reply } = await deliver(
      createRouter(SELF, h, quiet),
      envelope('bg:status', {}),
      CONTENT,
    );
    expect(reply).toEqual({ ok: false, error: 'bg:status: not accepted from content-script' });
    expect(h['bg:status']).not.toHaveBeenCalled();
  });

  it.each([
    null,
    'bg:status',
    { type: 'bg:status' },
    { waymark: 1, type: 'bg:delete-everything', payload: {} },
    envelope('bg:paths', {}),
  ])(
    'stays silent for a message that is not a Waymark envelope or not for this receiver: %j',
    async (message) => {
      const { returned } = await deliver(createRouter(SELF, handlers(), quiet), message, PAGE);
      expect(returned).toBeUndefined();
    },
  );

  it('refuses an invalid payload with an error naming the field, without running the handler', async () => {
    const h = handlers();
    const log = vi.fn();
    const { reply } = await deliver(
      createRouter(SELF, h, log),
      { waymark: 1, type: 'bg:app-for-host', payload: { host: 42 } },
      CONTENT,
    );
    expect(reply).toEqual({
      ok: false,
      error: expect.stringMatching(/^bg:app-for-host: invalid payload at host: /) as unknown,
    });
    expect(h['bg:app-for-host']).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledOnce();
  });

  it('turns a failing handler into an error reply', async () => {
    const h = handlers({ 'bg:status': () => Promise.reject(new Error('store unavailable')) });
    const { reply } = await deliver(createRouter(SELF, h, quiet), envelope('bg:status', {}), PAGE);
    expect(reply).toEqual({ ok: false, error: 'bg:status: store unavailable' });
  });

  it('refuses a sender of this extension that is neither a page of it nor in a tab, by saying so', async () => {
    const h = handlers();
    const stranger = { id: SELF.id, url: 'https://acme.zendesk.com/' };
    const { returned, reply } = await deliver(
      createRouter(SELF, h, quiet),
      envelope('bg:app-for-host', { host: 'acme.zendesk.com' }),
      stranger,
    );
    expect(returned).toBe(true);
    expect(reply).toEqual({
      ok: false,
      error: 'bg:app-for-host: not accepted from an unknown sender',
    });
    expect(h['bg:app-for-host']).not.toHaveBeenCalled();
  });

  it('keeps the channel open (returns true) for a refusal and for an invalid payload', () => {
    // Called directly: what the listener itself returns, not what `deliver` reports.
    const router = createRouter(SELF, handlers(), quiet);
    expect(router(envelope('bg:status', {}), CONTENT, () => {})).toBe(true);
    const invalid = { waymark: 1, type: 'bg:app-for-host', payload: { host: 42 } };
    expect(router(invalid, CONTENT, () => {})).toBe(true);
  });

  it.each([
    [{ host: 42 }, 'host: Invalid input: expected string, received number'],
    [{ detection: { app: 5 } }, 'detection.app: '],
    ['not an object', '(root): '],
  ])('names the field of an invalid payload %j', async (payload, start) => {
    const type =
      typeof payload === 'object' && 'detection' in payload
        ? 'bg:page-detected'
        : 'bg:app-for-host';
    const h = { ...handlers(), 'bg:page-detected': vi.fn() } as unknown as Handlers<Pair>;
    const { reply } = await deliver(
      createRouter(SELF, h, quiet),
      { waymark: 1, type, payload },
      CONTENT,
    );
    expect(
      (reply as { error: string }).error.startsWith(`${type}: invalid payload at ${start}`),
    ).toBe(true);
  });

  it('round-trips through runtime.sendMessage with sendTyped', async () => {
    const self = { id: fakeBrowser.runtime.id, baseUrl: fakeBrowser.runtime.getURL('/') };
    const router = createRouter(self, handlers(), quiet);
    // The fake browser reports an empty sender; Chrome sets id and url for its own pages.
    fakeBrowser.runtime.onMessage.addListener((message, sender, reply) =>
      router(message, { ...sender, id: self.id, url: `${self.baseUrl}popup.html` }, reply),
    );
    const status = await sendTyped((m) => fakeBrowser.runtime.sendMessage(m), 'bg:status', {});
    expect(status.items).toBe(72);
  });

  it('makes sendTyped throw the receiver error', async () => {
    const send = () => Promise.resolve({ ok: false, error: 'bg:status: nope' });
    await expect(sendTyped(send, 'bg:status', {})).rejects.toThrow('bg:status: nope');
  });
});

// Compile-time checks: the protocol map rejects wrong message names and payloads.
// @ts-expect-error an unknown message type
envelope('bg:nope', {});
// @ts-expect-error a payload of the wrong shape
envelope('bg:app-for-host', { hostname: 'x' });
// @ts-expect-error a lesson update without its kind-specific fields
envelope('bg:lesson-update', { id: 'x', kind: 'answer' });
