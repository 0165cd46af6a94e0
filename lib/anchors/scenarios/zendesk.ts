import { marker, type Scenario } from './types';

/**
 * Zendesk agent workspace: an Ember app (ids `ember1234`, re-minted on every render), emotion/
 * styled-components classes, `data-test-id` on most controls, and ticket data all around.
 */
interface Ticket {
  mark?: string;
  ember?: number;
  css?: string;
  subject?: string;
  requester?: string;
  lang?: 'en' | 'de';
  withType?: boolean;
  fieldsOrder?: 'normal' | 'swapped';
  footer?: boolean;
  macroDialog?: boolean;
}

const TEXT = {
  en: {
    priority: 'Priority',
    type: 'Type',
    subject: 'Subject',
    submit: 'Submit as Open',
    macro: 'Apply macro',
    tags: 'Tags',
  },
  de: {
    priority: 'Priorität',
    type: 'Typ',
    subject: 'Betreff',
    submit: 'Als Offen senden',
    macro: 'Makro anwenden',
    tags: 'Tags',
  },
};

function field(id: number, testId: string, label: string, css: string, mark: string): string {
  return `<div class="sc-${css}a field" data-test-id="${testId}-field">
    <label for="ember${id}" class="sc-${css}b">${label}</label>
    <div class="sc-${css}c"><input id="ember${id}" role="combobox" aria-haspopup="listbox"
      data-test-id="${testId}" value="-"${mark}></div></div>`;
}

export function zendeskTicket(o: Ticket = {}): string {
  const m = marker(o.mark);
  const e = o.ember ?? 1200;
  const css = o.css ?? 'kQzX';
  const t = TEXT[o.lang ?? 'en'];
  const fields = [
    field(e + 1, 'ticket-form-field-priority', t.priority, css, m('priority')),
    o.withType === false ? '' : field(e + 2, 'ticket-form-field-type', t.type, css, m('type')),
    field(e + 3, 'ticket-fields-tags', t.tags, css, m('tags')),
  ];
  if (o.fieldsOrder === 'swapped') fields.reverse();
  return `<div id="ember${e}" class="ember-view app">
  <header role="banner"><h1 id="ember${e + 9}">Zendesk</h1></header>
  <main id="ember${e + 10}">
    <section aria-label="Ticket properties" data-test-id="ticket-properties" class="css-${css}1">
      ${fields.join('\n')}
    </section>
    <section aria-label="Conversation" data-test-id="ticket-conversation">
      <h2 class="css-${css}2" data-test-id="ticket-subject"${m('subject-heading')}>${o.subject ?? '#48213 Printer on fire in Lyon office'}</h2>
      <label for="ember${e + 20}">${t.subject}</label>
      <input id="ember${e + 20}" data-test-id="ticket-pane-subject" value="${o.subject ?? 'Printer on fire'}"${m('subject')}>
      <a href="/users/${e}" class="css-${css}3"${m('requester')}>${o.requester ?? 'Ada Lovelace'}</a>
    </section>
    ${
      o.footer === false
        ? ''
        : `<footer data-test-id="ticket-footer" class="css-${css}4">
      <button class="css-${css}5" data-test-id="ticket-footer-macro-menu-button"${m('macro')}>${t.macro}</button>
      <button class="css-${css}6" data-test-id="submit_button-button"${m('submit')}>${t.submit}</button>
    </footer>`
    }
  </main>
  ${
    o.macroDialog
      ? `<div role="dialog" aria-label="Macros" data-test-id="macro-dialog">
    <button class="css-${css}5" data-test-id="ticket-footer-macro-menu-button">${t.macro}</button></div>`
      : ''
  }
</div>`;
}

export const zendeskScenarios: Scenario[] = [
  {
    app: 'zendesk',
    kind: 'dynamic-ids',
    name: 'priority field after re-render: ember ids re-minted, another ticket',
    before: zendeskTicket({ mark: 'priority' }),
    after: zendeskTicket({
      mark: 'priority',
      ember: 3400,
      subject: 'VPN down',
      requester: 'Alan Turing',
    }),
  },
  {
    app: 'zendesk',
    kind: 'hashed-classes',
    name: 'submit button: styled-components class hashes regenerated',
    before: zendeskTicket({ mark: 'submit' }),
    after: zendeskTicket({ mark: 'submit', css: 'bTyW' }),
  },
  {
    app: 'zendesk',
    kind: 'other-language',
    name: 'UI language switch en → de: labels translated, data-test-id kept',
    before: zendeskTicket({ mark: 'type' }),
    after: zendeskTicket({ mark: 'type', lang: 'de', ember: 900 }),
  },
  {
    app: 'zendesk',
    kind: 'sibling-order',
    name: 'ticket fields reordered by an admin',
    before: zendeskTicket({ mark: 'tags' }),
    after: zendeskTicket({ mark: 'tags', fieldsOrder: 'swapped', ember: 77 }),
  },
  {
    app: 'zendesk',
    kind: 'removed',
    name: 'Type field removed from the ticket form → null',
    before: zendeskTicket({ mark: 'type' }),
    after: zendeskTicket({ withType: false, ember: 1500 }),
  },
  {
    app: 'zendesk',
    kind: 'other-record',
    name: 'subject input on another ticket: value is data, label stays',
    before: zendeskTicket({ mark: 'subject' }),
    after: zendeskTicket({ mark: 'subject', subject: 'Cannot log in', ember: 5000 }),
  },
  {
    app: 'zendesk',
    kind: 'other-record',
    name: 'subject heading (record data with test id) on another ticket',
    before: zendeskTicket({ mark: 'subject-heading' }),
    after: zendeskTicket({ mark: 'subject-heading', subject: '#51002 Invoice missing', ember: 10 }),
  },
  {
    app: 'zendesk',
    kind: 'removed',
    name: 'footer gone, same macro button inside a dialog → null',
    before: zendeskTicket({ mark: 'macro' }),
    after: zendeskTicket({ footer: false, macroDialog: true }),
  },
  {
    app: 'zendesk',
    kind: 'other-record',
    name: 'requester link (no attributes, name is data) on another ticket',
    before: zendeskTicket({ mark: 'requester' }),
    after: zendeskTicket({ mark: 'requester', requester: 'Grace Hopper', ember: 2222 }),
  },
];
