import { renderMarkdownToDom } from '@/lib/markdown/render-dom';
import type { AnnouncementView } from '@/lib/messages';
import { sendTyped } from '@/lib/runtime/send';
import { s } from './strings';

/** Ids shown in this tab already: a page's repeated detections never show one twice. */
const shownHere = new Set<string>();

/**
 * An announcement beside the launcher, once: "Got it" closes it for good; one that asks for
 * acknowledgement offers "I have read this" (which the server counts) and "Later" (it comes back
 * on the next page). Part of the guidance chunk, loaded only when there is one to show.
 */
export function showAnnouncement(
  layer: HTMLElement,
  announcement: AnnouncementView,
  signal: AbortSignal,
): void {
  if (shownHere.has(announcement.id) || signal.aborted) return;
  shownHere.add(announcement.id);
  const card = document.createElement('section');
  card.className = 'announcement';
  card.setAttribute('role', 'dialog');
  card.setAttribute('aria-labelledby', 'waymark-announcement-title');
  const label = document.createElement('p');
  label.className = 'kicker';
  label.textContent = s('page.announcement.label');
  const title = document.createElement('h2');
  title.id = 'waymark-announcement-title';
  title.textContent = announcement.title;
  const body = document.createElement('div');
  body.className = 'body';
  body.append(renderMarkdownToDom(announcement.body, document));
  const actions = document.createElement('div');
  actions.className = 'actions';
  const close = () => card.remove();
  const done = (acknowledged: boolean) => () => {
    close();
    const send = (message: unknown) => browser.runtime.sendMessage(message);
    void sendTyped(send, 'bg:announcement-done', { id: announcement.id, acknowledged }).catch(
      (error: unknown) => console.warn('Waymark:', error),
    );
  };
  if (announcement.acknowledge)
    actions.append(
      button(s('page.announcement.later'), '', close, signal),
      button(s('page.announcement.acknowledge'), 'primary', done(true), signal),
    );
  else actions.append(button(s('page.announcement.gotIt'), 'primary', done(false), signal));
  card.append(label, title, body, actions);
  signal.addEventListener('abort', close);
  layer.append(card);
}

function button(
  text: string,
  className: string,
  onClick: () => void,
  signal: AbortSignal,
): HTMLButtonElement {
  const element = document.createElement('button');
  element.type = 'button';
  element.textContent = text;
  if (className) element.className = className;
  // Events a page script synthesises are not the user's: never act on them.
  element.addEventListener('click', (event) => event.isTrusted && onClick(), { signal });
  return element;
}
