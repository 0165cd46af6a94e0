import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { envelope } from '@/lib/messages';
import { createRouter, type Handlers } from './router';
import { sendTyped } from './send';

const EXTENSION_ID = 'waymark-test-id';

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  return {
    'bg:app-for-host': vi.fn(() => Promise.resolve(null)),
    'bg:status': vi.fn(() =>
      Promise.resolve({ apps: 10, items: 72, source: 'starter-pack' as const }),
    ),
    ...overrides,
  };
}

/** Calls the listener the way Chrome does and collects what it answered, if anything. */
function deliver(
  listener: ReturnType<typeof createRouter>,
  message: unknown,
  sender: { id?: string },
) {
  return new Promise<{ returned: unknown; reply?: unknown }>((resolve) => {
    const returned = listener(message, sender, (reply) => resolve({ returned: true, reply }));
    if (returned !== true) resolve({ returned });
  });
}

describe('createRouter', () => {
  beforeEach(() => fakeBrowser.reset());

  it('answers a valid message from this extension with the handler result', async () => {
    const h = handlers();
    const router = createRouter(EXTENSION_ID, h, () => {});
    const { returned, reply } = await deliver(router, envelope('bg:status', {}), {
      id: EXTENSION_ID,
    });
    expect(returned).toBe(true);
    expect(reply).toEqual({ ok: true, result: { apps: 10, items: 72, source: 'starter-pack' } });
  });

  it.each([{ id: 'another-extension' }, {}])(
    'ignores messages from sender %j without answering or running a handler',
    async (sender) => {
      const h = handlers();
      const { returned, reply } = await deliver(
        createRouter(EXTENSION_ID, h, () => {}),
        envelope('bg:status', {}),
        sender,
      );
      expect(returned).toBeUndefined();
      expect(reply).toBeUndefined();
      expect(h['bg:status']).not.toHaveBeenCalled();
    },
  );

  it.each([
    null,
    'bg:status',
    { type: 'bg:status' },
    { waymark: 1, type: 'bg:delete-everything', payload: {} },
  ])('stays silent for a message that is not a Waymark envelope: %j', async (message) => {
    const { returned } = await deliver(
      createRouter(EXTENSION_ID, handlers(), () => {}),
      message,
      { id: EXTENSION_ID },
    );
    expect(returned).toBeUndefined();
  });

  it('refuses an invalid payload with an error naming the field, without running the handler', async () => {
    const h = handlers();
    const log = vi.fn();
    const { reply } = await deliver(
      createRouter(EXTENSION_ID, h, log),
      { waymark: 1, type: 'bg:app-for-host', payload: { host: 42 } },
      { id: EXTENSION_ID },
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
    const { reply } = await deliver(
      createRouter(EXTENSION_ID, h, () => {}),
      envelope('bg:status', {}),
      { id: EXTENSION_ID },
    );
    expect(reply).toEqual({ ok: false, error: 'bg:status: store unavailable' });
  });

  it('round-trips through runtime.sendMessage with sendTyped', async () => {
    const router = createRouter(fakeBrowser.runtime.id, handlers(), () => {});
    // The fake browser reports an empty sender; Chrome always sets sender.id for its own contexts.
    fakeBrowser.runtime.onMessage.addListener((message, sender, reply) =>
      router(message, { ...sender, id: fakeBrowser.runtime.id }, reply),
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
