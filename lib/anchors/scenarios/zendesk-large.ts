import { repeat, type Scenario } from './types';
import { zendeskTicket } from './zendesk';

/**
 * A Zendesk ticket with a long conversation: every comment has the same header, the same
 * `data-test-id`s and the same actions menu, and the ticket runs to tens of thousands of
 * elements.
 */
function conversation(comments: number, mark: string): string {
  const log = repeat(
    comments,
    (i) => `<article data-test-id="omni-log-comment-item" class="sc-1h2k${i % 7}"><header>
      <a href="/users/${1000 + (i % 40)}" data-test-id="omni-log-item-sender">Agent ${i % 40}</a>
      <time datetime="2026-03-${String(1 + (i % 28)).padStart(2, '0')}">Mar ${1 + (i % 28)}</time>
      <button data-test-id="omni-log-comment-menu" aria-label="Comment actions">⋯</button></header>
      <div data-test-id="omni-log-comment-body"><p>Message ${i}: the printer in room ${i} is out of toner.</p></div></article>`,
  );
  return `<section aria-label="Conversation log" data-test-id="omni-log-container"${mark}>${log}</section>`;
}

function longTicket(comments: number, mark?: string): string {
  const page = zendeskTicket({ mark, ember: 1200 + comments });
  return page.replace('</main>', `${conversation(comments, '')}</main>`);
}

export const zendeskLargeScenarios: Scenario[] = [
  {
    app: 'zendesk',
    kind: 'large-page',
    name: 'ticket with 2,000 comments: the Priority field',
    before: longTicket(20, 'priority'),
    after: longTicket(2000, 'priority'),
  },
  {
    app: 'zendesk',
    kind: 'large-page',
    name: 'ticket with 2,000 comments: "Apply macro" in the footer',
    before: longTicket(20, 'macro'),
    after: longTicket(2000, 'macro'),
  },
  {
    app: 'zendesk',
    kind: 'large-page',
    name: 'ticket with 2,000 comments: Type removed from the form → null',
    before: longTicket(20, 'type'),
    after: zendeskTicket({ withType: false }).replace(
      '</main>',
      `${conversation(2000, '')}</main>`,
    ),
  },
];
