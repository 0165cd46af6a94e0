import type { PageContext } from '@/lib/runtime/page-context';
import { sendTyped } from '@/lib/runtime/send';

/** A shared item's id as the server writes it on `/i/<id>` (a slug). */
const ITEM_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Runs only on `/i/*` pages of the content server the extension is connected to: the background
 * registers it for that origin at run time (entrypoints/background/shared-link.ts), never in the
 * manifest. It shows the page's hidden "Open in the Waymark side panel" box and relays the click;
 * the background checks the sender's URL names the same item before the panel shows it. It reads
 * nothing else of the page and puts nothing of the extension's into it but the browser's answer.
 */
export default defineContentScript({
  matches: [],
  registration: 'runtime',
  runAt: 'document_idle',
  main(ctx: PageContext) {
    const box = document.querySelector<HTMLElement>('[data-waymark-share]');
    const id = box?.dataset.waymarkShare ?? '';
    const button = box?.querySelector('button');
    const status = box?.querySelector('[role="status"]');
    if (!box || !button || !status || !ITEM_ID.test(id) || id !== location.pathname.slice(3))
      return;
    box.hidden = false;
    ctx.addEventListener(button, 'click', () => {
      const send = (message: unknown) => browser.runtime.sendMessage(message);
      void sendTyped(send, 'bg:open-shared', { id }).then(
        (opening) => {
          status.textContent = opening.opened ? '' : opening.instead;
        },
        (error: unknown) => console.warn('Waymark:', error),
      );
    });
  },
});
