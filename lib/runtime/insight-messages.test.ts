import { describe, expect, it, vi } from 'vitest';
import { envelope } from '@/lib/messages';
import { createRouter, type Handlers, type SenderInfo } from './router';

const SELF = { id: 'waymark-test-id', baseUrl: 'chrome-extension://waymark-test-id/' };
const PAGE: SenderInfo = { id: SELF.id, url: `${SELF.baseUrl}sidepanel.html` };
const CONTENT: SenderInfo = {
  id: SELF.id,
  url: 'https://acme.zendesk.com/agent/tickets/1',
  tab: { id: 7 },
};

type Insight = 'bg:insight' | 'bg:tips-shown' | 'bg:tip-opened';
const handlers = (): Handlers<Insight> => ({
  'bg:insight': vi.fn(() => Promise.resolve({ recorded: true as const })),
  'bg:tips-shown': vi.fn(() => Promise.resolve({ counted: 1 })),
  'bg:tip-opened': vi.fn(() => Promise.resolve({ counted: true })),
});

function deliver(h: Handlers<Insight>, message: unknown, sender: SenderInfo): Promise<unknown> {
  return new Promise((resolve) => {
    createRouter(SELF, h, () => {})(message, sender, resolve);
  });
}

describe('insight messages (sender and payload checks)', () => {
  it('takes panel reports only from extension pages and tip reports only from content scripts', async () => {
    const h = handlers();
    const report = envelope('bg:insight', { kind: 'read', item: 'refunds' });
    expect(await deliver(h, report, CONTENT)).toEqual({
      ok: false,
      error: 'bg:insight: not accepted from content-script',
    });
    expect(await deliver(h, envelope('bg:tips-shown', { ids: ['t'] }), PAGE)).toEqual({
      ok: false,
      error: 'bg:tips-shown: not accepted from extension-page',
    });
    expect(await deliver(h, report, PAGE)).toEqual({ ok: true, result: { recorded: true } });
    expect(h['bg:tips-shown']).not.toHaveBeenCalled();
  });

  it.each([
    { kind: 'read', item: 'https://acme.zendesk.com/agent/tickets/4711' },
    { kind: 'shown', items: ['Refund for Jane Doe'] },
    { kind: 'opened', item: 'refunds', source: 'tip' },
    { kind: 'read', item: 'refunds', subject: 'Refund for Jane Doe' },
  ])(
    'refuses a report that names something other than a slug, or carries more: %j',
    async (payload) => {
      const h = handlers();
      const reply = await deliver(h, { waymark: 1, type: 'bg:insight', payload }, PAGE);
      expect(reply).toMatchObject({
        ok: false,
        error: expect.stringMatching(/^bg:insight: invalid payload/) as unknown,
      });
      expect(h['bg:insight']).not.toHaveBeenCalled();
    },
  );

  it('does not compile a panel report of a tip open or of page text (type checks)', () => {
    // @ts-expect-error — tip opens come from the content script (bg:tip-opened), not the panel
    const tip = envelope('bg:insight', { kind: 'opened', item: 'x', source: 'tip' });
    // @ts-expect-error — a read names the item, nothing else
    const text = envelope('bg:insight', { kind: 'read', item: 'x', subject: 'Jane' });
    expect([tip.type, text.type]).toEqual(['bg:insight', 'bg:insight']);
  });
});
