import { marker, type Scenario } from './types';

/**
 * HubSpot CRM contact record and index: `data-test-id` and `data-selenium-test` markers that are
 * the same in every card (`add-association-button`), association cards named only by their
 * collapsible header ("Deals (2)"), properties as label + value pairs, and an index table whose
 * rows are keyed by the contact's name.
 */
interface Contact {
  mark?: string;
  cards?: string[];
  phone?: string;
  stage?: string;
  lang?: 'en' | 'de';
  hash?: string;
  rows?: string[];
}

const T = {
  en: {
    add: '+ Add',
    phone: 'Phone number',
    stage: 'Lifecycle stage',
    Deals: 'Deals',
    Tickets: 'Tickets',
    Companies: 'Companies',
    preview: 'Preview',
    create: 'Create contact',
  },
  de: {
    add: '+ Hinzufügen',
    phone: 'Telefonnummer',
    stage: 'Lifecycle-Phase',
    Deals: 'Deals',
    Tickets: 'Tickets',
    Companies: 'Unternehmen',
    preview: 'Vorschau',
    create: 'Kontakt erstellen',
  },
};

function property(name: string, label: string, value: string, mark: string): string {
  return `<div data-selenium-test="property-input-${name}" class="private-form__control">
    <span data-test-id="property-label" class="private-form__label">${label}</span>
    <div data-test-id="property-value"><span${mark}>${value}</span></div></div>`;
}

function card(name: string, o: Contact, m: (k: string) => string): string {
  const t = T[o.lang ?? 'en'];
  const title = t[name as 'Deals'];
  return `<div data-test-id="crm-record-association-card" class="Card__${o.hash ?? 'a8Xq2'}">
    <button aria-expanded="true" data-test-id="card-header-toggle" class="private-expandable-text__control"><span>${title} (2)</span></button>
    <div class="private-card__actions"><button data-test-id="add-association-button" class="uiButton"${m(`add-${name}`)}>${t.add}</button></div>
    <ul><li><a href="/contacts/4411/record/0-3/90${name.length}">${name} record A</a></li></ul></div>`;
}

export function hubspotContact(o: Contact = {}): string {
  const m = marker(o.mark);
  const t = T[o.lang ?? 'en'];
  const cards = (o.cards ?? ['Companies', 'Deals', 'Tickets']).map((c) => card(c, o, m));
  return `<html lang="${o.lang ?? 'en'}"><body><div id="hs-app" class="App__${o.hash ?? 'a8Xq2'}">
    <aside data-test-id="left-sidebar"><h2 data-test-id="about-card-title">About this contact</h2>
      ${property('phone', t.phone, o.phone ?? '+1 617 555 0100', m('phone'))}
      ${property('lifecyclestage', t.stage, o.stage ?? 'Lead', m('stage'))}</aside>
    <aside data-test-id="right-sidebar">${cards.join('\n')}</aside></div></body></html>`;
}

export function hubspotIndex(o: Contact = {}): string {
  const m = marker(o.mark);
  const t = T[o.lang ?? 'en'];
  const rows = (o.rows ?? ['Ada Lovelace', 'Alan Turing']).map(
    (
      name,
    ) => `<tr class="Row__${o.hash ?? 'a8Xq2'}"><td><input type="checkbox" aria-label="Select"></td>
      <td><a href="/contacts/4411/record/0-1/${name.length * 977}">${name}</a></td><td>${name.split(' ')[0]?.toLowerCase()}@example.com</td>
      <td><button data-test-id="preview-button" class="uiButton"${m(`preview-${name}`)}>${t.preview}</button></td></tr>`,
  );
  return `<html lang="${o.lang ?? 'en'}"><body><div id="hs-app"><header><h1>Contacts</h1>
    <button data-test-id="create-contact-button" class="uiButton"${m('create')}>${t.create}</button></header>
    <table data-test-id="crm-index-table"><thead><tr><th>Name</th><th>Email</th><th></th></tr></thead>
    <tbody>${rows.join('')}</tbody></table></div></body></html>`;
}

const many = (n: number) => [
  'Grace Hopper',
  ...Array.from({ length: n }, (_, i) => `Person ${i}`),
  'Ada Lovelace',
];

export const hubspotScenarios: Scenario[] = [
  {
    app: 'hubspot',
    kind: 'look-alikes',
    name: '"+ Add" of the Deals card, cards reordered',
    before: hubspotContact({ mark: 'add-Deals' }),
    after: hubspotContact({
      mark: 'add-Deals',
      cards: ['Tickets', 'Deals', 'Companies'],
      hash: 'k2Lm9',
    }),
  },
  {
    app: 'hubspot',
    kind: 'look-alikes',
    name: '"+ Add" of the Deals card, Deals card removed from the sidebar → null',
    before: hubspotContact({ mark: 'add-Deals' }),
    after: hubspotContact({ cards: ['Companies', 'Tickets'] }),
  },
  {
    app: 'hubspot',
    kind: 'other-record',
    name: 'phone number value on another contact',
    before: hubspotContact({ mark: 'phone' }),
    after: hubspotContact({ mark: 'phone', phone: '+33 1 84 88 00 00' }),
  },
  {
    app: 'hubspot',
    kind: 'other-record',
    name: 'lifecycle stage value "Lead" → "Customer" on another contact',
    before: hubspotContact({ mark: 'stage' }),
    after: hubspotContact({ mark: 'stage', stage: 'Customer', hash: 'Zq81x' }),
  },
  {
    app: 'hubspot',
    kind: 'other-language',
    name: 'German UI: "+ Hinzufügen" of the Deals card',
    before: hubspotContact({ mark: 'add-Deals' }),
    after: hubspotContact({ mark: 'add-Deals', lang: 'de' }),
  },
  {
    app: 'hubspot',
    kind: 'look-alikes',
    name: 'index: "Preview" of Ada Lovelace, rows re-sorted',
    before: hubspotIndex({ mark: 'preview-Ada Lovelace' }),
    after: hubspotIndex({
      mark: 'preview-Ada Lovelace',
      rows: ['Alan Turing', 'Grace Hopper', 'Ada Lovelace'],
    }),
  },
  {
    app: 'hubspot',
    kind: 'large-page',
    name: 'index of 2,500 contacts: "Create contact"',
    before: hubspotIndex({ mark: 'create' }),
    after: hubspotIndex({ mark: 'create', rows: many(2500) }),
  },
  {
    app: 'hubspot',
    kind: 'large-page',
    name: 'index of 2,500 contacts: "Preview" of Ada Lovelace, now the last row',
    before: hubspotIndex({ mark: 'preview-Ada Lovelace' }),
    after: hubspotIndex({ mark: 'preview-Ada Lovelace', rows: many(2500) }),
  },
];
