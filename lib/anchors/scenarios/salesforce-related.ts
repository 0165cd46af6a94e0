import { marker, repeat, type Scenario } from './types';

/**
 * Salesforce Lightning account page: related-list cards as Lightning renders them (no label on
 * the `<article>`, the title and its count in the header link, the same "New" action in every
 * card), lightning-datatable rows keyed by record id, and record fields as
 * `records-record-layout-item` with a `field-label` and a formatted value.
 */
interface AccountPage {
  mark?: string;
  lists?: string[];
  lang?: 'en' | 'fr';
  rows?: string[];
  phone?: string;
  type?: string;
  aura?: number;
  fullList?: number;
}

const T = {
  en: {
    new: 'New',
    actions: 'Show actions',
    Contacts: 'Contacts',
    Cases: 'Cases',
    Opportunities: 'Opportunities',
    phone: 'Phone',
    type: 'Type',
  },
  fr: {
    new: 'Nouveau',
    actions: 'Afficher les actions',
    Contacts: 'Contacts',
    Cases: 'Requêtes',
    Opportunities: 'Opportunités',
    phone: 'Téléphone',
    type: 'Type',
  },
};

function contactRow(name: string, i: number, aura: number, m: (k: string) => string): string {
  const id = `0033h00000${String(1000 + i).padStart(6, '0')}AA`;
  return `<tr data-row-key-value="${id}"><th scope="row" data-label="Name"><a href="/lightning/r/${id}/view">${name}</a></th>
    <td data-label="Email"><lightning-formatted-email><a href="mailto:${name.split(' ')[0]?.toLowerCase()}@acme.example">${name.split(' ')[0]?.toLowerCase()}@acme.example</a></lightning-formatted-email></td>
    <td><lightning-button-menu><button class="slds-button slds-button_icon-border" aria-haspopup="true" id="button-${aura + i}"${m(`row-${name}`)}><span class="slds-assistive-text">Show actions</span></button></lightning-button-menu></td></tr>`;
}

function relatedList(list: string, o: AccountPage, m: (k: string) => string): string {
  const t = T[o.lang ?? 'en'];
  const aura = o.aura ?? 2000;
  const rows = list === 'Contacts' ? (o.rows ?? ['Jane Doe', 'Ravi Patel']) : [];
  return `<lst-related-list-single-container><article class="slds-card slds-card_boundary forceRelatedListCardDesktop">
    <div class="slds-card__header slds-grid"><header class="slds-media slds-media_center">
      <div class="slds-media__body"><h2 class="slds-card__header-title" id="header_${aura}:0">
        <a class="slds-card__header-link" href="/lightning/r/Account/0013h00000Acme1AAB/related/${list}/view">
        <span class="slds-truncate" title="${t[list as 'Cases']}">${t[list as 'Cases']}</span><span class="slds-shrink-none">(${rows.length})</span></a></h2></div></header>
      <div class="actionsContainer"><ul class="branding-actions slds-button-group"><li class="slds-button slds-button_neutral">
        <a href="javascript:void(0);" title="${t.new}" class="forceActionLink" role="button"${m(`new-${list}`)}><div title="${t.new}">${t.new}</div></a></li></ul></div></div>
    <div class="slds-card__body"><table class="slds-table"><tbody>${rows.map((r, i) => contactRow(r, i, aura, m)).join('')}</tbody></table></div>
  </article></lst-related-list-single-container>`;
}

function field(label: string, value: string, kind: string, mark: string): string {
  return `<records-record-layout-item field-label="${label}" class="slds-form-element">
    <div class="slds-form-element__label"><span class="test-id__field-label">${label}</span></div>
    <div class="slds-form-element__control"><span class="test-id__field-value">${
      kind === 'phone'
        ? `<lightning-formatted-phone><a href="tel:${value.replace(/\D/g, '')}"${mark}>${value}</a></lightning-formatted-phone>`
        : `<lightning-formatted-text${mark}>${value}</lightning-formatted-text>`
    }</span></div></records-record-layout-item>`;
}

export function salesforceAccount(o: AccountPage = {}): string {
  const m = marker(o.mark);
  const t = T[o.lang ?? 'en'];
  const lists = (o.lists ?? ['Contacts', 'Cases']).map((list) => relatedList(list, o, m));
  const details = `<records-record-layout-section><h3 class="slds-section__title">Account Information</h3>
    ${field(t.phone, o.phone ?? '(415) 555-0132', 'phone', m('phone'))}
    ${field(t.type, o.type ?? 'Customer - Direct', 'text', m('type'))}</records-record-layout-section>`;
  const full = o.fullList
    ? `<div class="related-list-view"><h1>Contacts</h1><button name="New" class="slds-button"${m('full-new')}>${t.new}</button>
      <table class="slds-table">${repeat(o.fullList, (i) => contactRow(`Contact ${i}`, i, 9000, () => ''))}</table></div>`
    : '';
  return `<html lang="${o.lang ?? 'en'}"><body><div class="desktop container forceStyle"><div class="oneContent active">
    <div class="slds-page-header"><h1><span>Account</span> <span>Acme Corporation</span></h1></div>
    ${full || `<div class="slds-grid"><div class="record-details">${details}</div><div class="related-lists">${lists.join('\n')}</div></div>`}
  </div></div></body></html>`;
}

export const salesforceRelatedScenarios: Scenario[] = [
  {
    app: 'salesforce',
    kind: 'look-alikes',
    name: 'related lists: "New" in Contacts, lists reordered and Opportunities added',
    before: salesforceAccount({ mark: 'new-Contacts' }),
    after: salesforceAccount({
      mark: 'new-Contacts',
      lists: ['Opportunities', 'Cases', 'Contacts'],
      aura: 4410,
    }),
  },
  {
    app: 'salesforce',
    kind: 'look-alikes',
    name: 'related lists: "New" in Contacts, Contacts list taken off the layout → null',
    before: salesforceAccount({ mark: 'new-Contacts' }),
    after: salesforceAccount({ lists: ['Opportunities', 'Cases'] }),
  },
  {
    app: 'salesforce',
    kind: 'look-alikes',
    name: 'row actions of contact Ravi Patel, rows re-sorted and one added',
    before: salesforceAccount({ mark: 'row-Ravi Patel' }),
    after: salesforceAccount({
      mark: 'row-Ravi Patel',
      rows: ['Ravi Patel', 'Ann Lee', 'Jane Doe'],
      aura: 77,
    }),
  },
  {
    app: 'salesforce',
    kind: 'other-record',
    name: 'Phone value (tel: link) on another account',
    before: salesforceAccount({ mark: 'phone' }),
    after: salesforceAccount({ mark: 'phone', phone: '+44 20 7946 0018', rows: ['Li Wei'] }),
  },
  {
    app: 'salesforce',
    kind: 'other-record',
    name: 'Type picklist value "Customer - Direct" → "Prospect" on another account',
    before: salesforceAccount({ mark: 'type' }),
    after: salesforceAccount({ mark: 'type', type: 'Prospect', aura: 3120 }),
  },
  {
    app: 'salesforce',
    kind: 'other-language',
    name: 'related lists in French: "Nouveau" in Contacts (Cases became Requêtes)',
    before: salesforceAccount({ mark: 'new-Contacts' }),
    after: salesforceAccount({ mark: 'new-Contacts', lang: 'fr', lists: ['Cases', 'Contacts'] }),
  },
  {
    app: 'salesforce',
    kind: 'large-page',
    name: 'Contacts related list opened in full: "New" above 2,000 rows with action menus',
    before: salesforceAccount({ mark: 'full-new', fullList: 40 }),
    after: salesforceAccount({ mark: 'full-new', fullList: 2000 }),
  },
];
