import { Catalogue } from '@/lib/context';
import { sendTyped } from '@/lib/runtime/send';
import { mountLauncher } from './launcher';

/**
 * Runs only on catalogue hosts: `matches` is replaced at build time by the patterns derived from
 * `content/apps/` (see wxt.config.ts). It asks the background for this host's app definition,
 * detects locally (page content never leaves the browser) and follows SPA navigation through
 * WXT's `wxt:locationchange` event, not a page-wide MutationObserver.
 */
/** How long an SPA usually takes to render the new screen after a navigation. */
const SETTLE_MS = 500;

export default defineContentScript({
  matches: ['https://*.zendesk.com/*'],
  runAt: 'document_idle',
  async main(ctx) {
    const send = (message: unknown) => browser.runtime.sendMessage(message);
    const app = await sendTyped(send, 'bg:app-for-host', { host: location.hostname });
    if (app === null || ctx.isInvalid) return;

    const catalogue = new Catalogue([app]);
    const launcher = mountLauncher();
    ctx.onInvalidated(() => launcher.remove());
    const update = () => launcher.update(catalogue.detect(location.href, document), app);
    update();
    // The Navigation API's event fires before the URL commits and SPAs render after it: detect
    // once the navigation has landed, then once more when the new screen has had time to render.
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      ctx.setTimeout(update, 0);
      ctx.setTimeout(update, SETTLE_MS);
    });
  },
});
