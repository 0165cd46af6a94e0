import { describe, expect, it, vi } from 'vitest';
import { allowedSenders, payloadSchemas } from '@/lib/message-schemas';
import type { MessageType } from '@/lib/messages';
import { createRouter, type BackgroundMessage, type Handlers } from '@/lib/runtime/router';
import { type ContentHandlers, createContentListener } from '../page.content/messages';

/**
 * Who may send each message, written out here from what each message is for (lib/messages.ts's
 * comments: "Content script → background", "Side panel → background"…) — deliberately NOT read
 * from `allowedSenders`, so loosening the enforced table (a content script sending `bg:connect`,
 * which a hostile page could then drive) fails this test.
 *
 * cs = content script, page = an extension page (side panel, popup, options), bg = the background.
 */
type Context = 'cs' | 'page' | 'bg';
// prettier-ignore
const MAY_SEND: Readonly<Record<MessageType, readonly Context[]>> = {
  'bg:app-for-host': ['cs'],          'bg:page-detected': ['cs'],
  'bg:open-panel': ['cs', 'page'],    'bg:open-panel-tab': ['cs'],
  'bg:dismiss-tip': ['cs', 'page'],   'bg:undismiss-tip': ['cs', 'page'],
  'bg:tip-unresolved': ['cs'],        'bg:tips-shown': ['cs'],
  'bg:tip-opened': ['cs'],            'bg:vote': ['cs', 'page'],
  'bg:launcher-prefs': ['cs'],        'bg:launcher-save': ['cs'],
  'bg:picked': ['cs'],                'bg:page-strings': ['cs'],
  'bg:provider': ['page'],            'bg:provider-sign-in': ['page'],
  'bg:author-insights-screen': ['page'], 'bg:author-insights-item': ['page'],
  'bg:page-items': ['page'],          'bg:search': ['page'],
  'bg:item': ['page'],                'bg:insight': ['page'],
  'bg:insights-view': ['page'],       'bg:usage-events': ['page'],
  'bg:lesson-progress': ['page'],     'bg:lesson-update': ['page'],
  'bg:paths': ['page'],               'bg:highlight': ['page'],
  'bg:account': ['page'],             'bg:connect': ['page'],
  'bg:sync-now': ['page'],            'bg:sign-out': ['page'],
  'bg:sync-interval': ['page'],       'bg:status': ['page'],
  'bg:whats-new': ['page'],           'bg:whats-new-seen': ['page'],
  'bg:request-content': ['page'],     'bg:insert-reply': ['page'],
  'bg:launcher-show': ['page'],       'bg:pick-start': ['page'],
  'bg:pick-cancel': ['page'],         'bg:preview-tip': ['page'],
  'bg:author-templates': ['page'],    'bg:author-items': ['page'],
  'bg:author-item': ['page'],         'bg:author-step': ['page'],
  'bg:author-queue': ['page'],        'bg:author-audit': ['page'],
  'bg:targeting-options': ['page'],   'bg:draft-list': ['page'],
  'bg:draft-new': ['page'],           'bg:draft-get': ['page'],
  'bg:draft-put': ['page'],           'bg:draft-delete': ['page'],
  'bg:draft-send': ['page'],
  'bg:open-shared': ['cs'],           'bg:announcements': ['page'],
  'bg:announcement-done': ['cs', 'page'], 'bg:author-acknowledgements': ['page'],
  'cs:highlight': ['bg'],             'cs:insert-reply': ['bg'],
  'cs:launcher-show': ['bg'],         'cs:focus-next': ['bg'],
  'cs:pick-start': ['bg'],            'cs:pick-cancel': ['bg'],
  'cs:preview-tip': ['bg'],
  'panel:show': ['bg'],               'panel:draft-changed': ['bg'],
};

const SELF = { id: 'waymark-test-id', baseUrl: 'chrome-extension://waymark-test-id/' };
/** How each context appears as a `runtime.MessageSender` to a receiver. */
const SENDERS = {
  cs: { id: SELF.id, url: 'https://acme.zendesk.com/agent/tickets/1', tab: { id: 7 } },
  page: { id: SELF.id, url: `${SELF.baseUrl}sidepanel.html` },
  // The service worker's own URL; it reaches content scripts through `tabs.sendMessage`.
  bg: { id: SELF.id, url: `${SELF.baseUrl}background.js` },
} as const;
const CONTEXTS = Object.keys(SENDERS) as Context[];
const TYPES = Object.keys(payloadSchemas) as MessageType[];
const toBackground = TYPES.filter((t): t is BackgroundMessage => t.startsWith('bg:'));

/** Calls a listener as the browser does; `answered` is false when it stayed silent. */
function deliver(
  listener: (m: unknown, s: never, r: (reply: unknown) => void) => true | undefined,
  type: MessageType,
  sender: object,
) {
  return new Promise<{ answered: boolean; reply?: unknown }>((resolve) => {
    const returned = listener({ waymark: 1, type, payload: {} }, sender as never, (reply) =>
      resolve({ answered: true, reply }),
    );
    if (returned !== true) resolve({ answered: false });
  });
}

function backgroundRouter() {
  const handlers = Object.fromEntries(
    toBackground.map((type) => [type, vi.fn(() => Promise.resolve({}))]),
  ) as unknown as Handlers<BackgroundMessage>;
  return { handlers, listener: createRouter(SELF, handlers, () => {}) };
}

describe('who may send each message (a table independent of allowedSenders)', () => {
  it('names the senders of every message type in the protocol, and only those', () => {
    expect(Object.keys(MAY_SEND).sort()).toEqual([...TYPES].sort());
    expect(TYPES.every((type) => MAY_SEND[type].length > 0)).toBe(true);
  });

  it('finds the enforced table saying the same, for the cs: and panel: messages no router checks too', () => {
    const name = { cs: 'content-script', page: 'extension-page', bg: 'background' } as const;
    for (const type of TYPES)
      expect([...allowedSenders[type]].sort(), type).toEqual(
        MAY_SEND[type].map((c) => name[c]).sort(),
      );
  });

  it.each(toBackground)(
    'lets the background router take %s from its senders only, refusing the others by name',
    async (type) => {
      for (const context of ['cs', 'page'] as const) {
        const { listener, handlers } = backgroundRouter();
        const { answered, reply } = await deliver(listener, type, SENDERS[context]);
        expect(answered, `${type} from ${context}`).toBe(true);
        const refusal = `${type}: not accepted from ${context === 'cs' ? 'content-script' : 'extension-page'}`;
        if (MAY_SEND[type].includes(context))
          expect(reply, `${type} from ${context}`).not.toEqual({ ok: false, error: refusal });
        else {
          expect(reply, `${type} from ${context}`).toEqual({ ok: false, error: refusal });
          expect(handlers[type], `${type} from ${context}`).not.toHaveBeenCalled();
        }
      }
    },
  );

  it.each(TYPES.filter((type) => !type.startsWith('bg:')))(
    'never has the background router answer %s, whoever sends it',
    async (type) => {
      for (const context of CONTEXTS) {
        const { answered } = await deliver(backgroundRouter().listener, type, SENDERS[context]);
        expect(answered, `${type} from ${context}`).toBe(false);
      }
    },
  );

  it.each(TYPES)(
    'has the content script answer %s only when it is addressed to it',
    async (type) => {
      const handlers = Object.fromEntries(
        TYPES.filter((t) => t.startsWith('cs:')).map((t) => [t, vi.fn(() => ({}))]),
      ) as unknown as ContentHandlers;
      const listener = createContentListener(handlers, SELF.id);
      // Only the extension (the background, through tabs.sendMessage) reaches a content script.
      const { answered } = await deliver(listener, type, SENDERS.bg);
      expect(answered).toBe(MAY_SEND[type].includes('bg') && type.startsWith('cs:'));
      expect((await deliver(listener, type, { id: 'another-extension' })).answered).toBe(false);
    },
  );
});
