import { marker, repeat, type Scenario } from './types';

/**
 * Dynamics 365 Unified Interface: `data-id` markers built from the field's logical name
 * (`telephone1.fieldControl-phone-text-input`), element ids with a per-load GUID
 * (`id-8d2a…-telephone1-field-label`), lookup values whose aria-label repeats the value
 * ("Owner: Alan Steiner"), and a home-page grid of thousands of rows.
 */
interface Account {
  mark?: string;
  guid?: string;
  phone?: string;
  owner?: string;
  lang?: 'en' | 'de';
  mobile?: boolean;
  business?: boolean;
  rows?: number;
}

const T = {
  en: {
    phone: 'Business Phone',
    mobile: 'Mobile Phone',
    owner: 'Owner',
    save: 'Save',
    newBtn: 'New',
    summary: 'Summary',
  },
  de: {
    phone: 'Telefon (geschäftlich)',
    mobile: 'Mobiltelefon',
    owner: 'Besitzer',
    save: 'Speichern',
    newBtn: 'Neu',
    summary: 'Zusammenfassung',
  },
};

function phoneField(
  name: string,
  label: string,
  value: string,
  guid: string,
  mark: string,
): string {
  return `<div data-id="${name}-FieldSectionItemContainer" class="pa-${guid.slice(0, 4)}">
    <label id="id-${guid}-${name}-field-label" for="id-${guid}-${name}.fieldControl-phone-text-input">${label}</label>
    <input id="id-${guid}-${name}.fieldControl-phone-text-input" data-id="${name}.fieldControl-phone-text-input" aria-label="${label}" type="text" value="${value}"${mark}></div>`;
}

export function dynamicsAccount(o: Account = {}): string {
  const m = marker(o.mark);
  const t = T[o.lang ?? 'en'];
  const g = o.guid ?? '8d2a7f3e-0b1c-4e5f-9a6b-7c8d9e0f1a2b';
  const owner = o.owner ?? 'Alan Steiner';
  return `<html lang="${o.lang ?? 'en'}"><body><div id="mainContent" data-id="editFormRoot">
    <ul role="menubar" aria-label="Account Form Command Bar"><li><button aria-label="${t.save}" data-id="account|NoRelationship|Form|Mscrm.Form.account.Save"${m('save')}>${t.save}</button></li></ul>
    <div data-id="header_ownerid" class="header"><a href="/main.aspx?etn=systemuser&amp;id=${g}" aria-label="${t.owner}: ${owner}"${m('owner')}>${owner}</a></div>
    <section aria-label="${t.summary}" data-id="tabpanel-SUMMARY_TAB">
      ${o.business === false ? '' : phoneField('telephone1', t.phone, o.phone ?? '555-0100', g, m('phone'))}
      ${o.mobile === false ? '' : phoneField('mobilephone', t.mobile, '555-0199', g, m('mobile'))}
    </section></div></body></html>`;
}

export function dynamicsGrid(o: Account = {}): string {
  const m = marker(o.mark);
  const t = T[o.lang ?? 'en'];
  const rows = repeat(
    o.rows ?? 20,
    (i) => `<div role="row" aria-rowindex="${i + 2}" row-index="${i}">
    <div role="gridcell"><input type="checkbox" aria-label="select or deselect the row"></div>
    <div role="gridcell" col-id="name"><a href="/main.aspx?etn=account&amp;id=${i}-${o.guid ?? 'g'}" aria-label="Account ${i}">Account ${i}</a></div>
    <div role="gridcell" col-id="telephone1"><span>555-${String(i).padStart(4, '0')}</span></div></div>`,
  );
  return `<html lang="${o.lang ?? 'en'}"><body><div id="mainContent">
    <ul role="menubar" aria-label="Account Command Bar"><li><button aria-label="${t.newBtn}" data-id="account|NoRelationship|HomePageGrid|Mscrm.HomepageGrid.account.NewRecord"${m('new')}>${t.newBtn}</button></li></ul>
    <div role="grid" aria-label="Active Accounts"><div role="rowgroup">${rows}</div></div></div></body></html>`;
}

export const dynamicsScenarios: Scenario[] = [
  {
    app: 'dynamics365',
    kind: 'dynamic-ids',
    name: 'Business Phone on another account: GUID ids minted anew',
    before: dynamicsAccount({ mark: 'phone' }),
    after: dynamicsAccount({
      mark: 'phone',
      guid: '1f0e9d8c-7b6a-4c5d-8e9f-0a1b2c3d4e5f',
      phone: '555-0142',
    }),
  },
  {
    app: 'dynamics365',
    kind: 'other-language',
    name: 'Business Phone in German: label translated, data-id kept',
    before: dynamicsAccount({ mark: 'phone' }),
    after: dynamicsAccount({
      mark: 'phone',
      lang: 'de',
      guid: '0a0b0c0d-1e1f-4a2b-8c3d-4e5f6a7b8c9d',
    }),
  },
  {
    app: 'dynamics365',
    kind: 'other-record',
    name: 'Owner lookup whose aria-label repeats the value, another owner',
    before: dynamicsAccount({ mark: 'owner' }),
    after: dynamicsAccount({
      mark: 'owner',
      owner: 'Nancy Anderson',
      guid: '2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f',
    }),
  },
  {
    app: 'dynamics365',
    kind: 'removed',
    name: 'Business Phone taken off the form, Mobile Phone left beside it → null',
    before: dynamicsAccount({ mark: 'phone' }),
    after: dynamicsAccount({ business: false }),
  },
  {
    app: 'dynamics365',
    kind: 'large-page',
    name: 'home-page grid of 2,000 accounts: the "New" command',
    before: dynamicsGrid({ mark: 'new' }),
    after: dynamicsGrid({ mark: 'new', rows: 2000, guid: 'x9' }),
  },
];
