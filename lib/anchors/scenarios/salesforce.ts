import { marker, type Scenario } from './types';

/**
 * Salesforce Lightning case page: SLDS classes (stable), ids like `input-123` and
 * `combobox-id-45` that depend on render order, action buttons with `name`, related-list cards,
 * and a quick-action panel that repeats fields of the record.
 */
interface CasePage {
  mark?: string;
  seq?: number;
  lang?: 'en' | 'fr';
  caseNo?: string;
  status?: string;
  wrapActions?: boolean;
  relatedOrder?: 'contacts-first' | 'cases-first';
  detailsPriority?: boolean;
  panelFirst?: boolean;
}

const T = {
  en: {
    edit: 'Edit',
    del: 'Delete',
    priority: 'Priority',
    status: 'Status',
    details: 'Case Details',
    log: 'Log a Call',
    search: 'Search...',
    newBtn: 'New',
  },
  fr: {
    edit: 'Modifier',
    del: 'Supprimer',
    priority: 'Priorité',
    status: 'Statut',
    details: 'Détails de la requête',
    log: 'Consigner un appel',
    search: 'Rechercher...',
    newBtn: 'Nouveau',
  },
};

function combobox(id: number, label: string, value: string, mark: string): string {
  return `<div class="slds-form-element"><label class="slds-form-element__label" for="combobox-id-${id}">${label}</label>
    <div class="slds-combobox_container"><button role="combobox" id="combobox-id-${id}" class="slds-combobox__input"
      aria-label="${label}, ${value}"${mark}>${value}</button></div></div>`;
}

function relatedCard(title: string, newLabel: string, mark: string): string {
  return `<article class="slds-card" aria-label="${title}"><header class="slds-card__header">
    <h2><span>${title}</span> <span>(3)</span></h2></header>
    <a role="button" class="slds-button slds-button_neutral" title="${newLabel}"${mark}>${newLabel}</a></article>`;
}

export function salesforceCase(o: CasePage = {}): string {
  const m = marker(o.mark);
  const s = o.seq ?? 100;
  const t = T[o.lang ?? 'en'];
  const actions = `<button class="slds-button slds-button_neutral" name="Edit"${m('edit')}>${t.edit}</button>
    <button class="slds-button slds-button_neutral" name="Delete">${t.del}</button>`;
  const cards = [
    relatedCard('Contacts', t.newBtn, m('contacts-new')),
    relatedCard('Cases', t.newBtn, m('cases-new')),
  ];
  if (o.relatedOrder === 'cases-first') cards.reverse();
  const details = `<section role="region" aria-label="${t.details}" class="slds-section">
      ${o.detailsPriority === false ? '' : combobox(s + 1, t.priority, 'High', m('priority'))}
      ${combobox(s + 2, t.status, o.status ?? 'New', m('status'))}</section>`;
  const panel = `<form aria-label="${t.log}" class="slds-panel" data-aura-rendered-by="${s}:0">
      <label for="input-${s + 7}">Subject</label><input id="input-${s + 7}" class="slds-input" name="Subject">
      ${combobox(s + 8, t.priority, 'Medium', m('panel-priority'))}</form>`;
  return `<div class="desktop container forceStyle">
  <header id="oneHeader" role="banner"><div class="slds-global-header">
    <input type="search" class="slds-input" placeholder="${t.search}"${m('search')}></div></header>
  <div class="oneWorkspace"><main class="record-page">
    <div class="slds-page-header"><h1><span>Case</span> <span>${o.caseNo ?? '00001026'}</span></h1>
      ${o.wrapActions ? `<ul class="slds-button-group-list"><li><div class="wrapper">${actions}</div></li></ul>` : `<div class="actions">${actions}</div>`}
    </div>
    <div class="slds-grid">${o.panelFirst ? panel + details : details + panel}</div>
    <div class="related-lists">${cards.join('\n')}</div>
  </main></div></div>`;
}

export const salesforceScenarios: Scenario[] = [
  {
    app: 'salesforce',
    kind: 'other-record',
    name: 'status combobox on another case: ids re-sequenced, aria-label carries the value',
    before: salesforceCase({ mark: 'status' }),
    after: salesforceCase({ mark: 'status', seq: 350, caseNo: '00001187', status: 'Escalated' }),
  },
  {
    app: 'salesforce',
    kind: 'restructure',
    name: 'Edit action: button group wrappers added, Delete beside it',
    before: salesforceCase({ mark: 'edit' }),
    after: salesforceCase({ mark: 'edit', wrapActions: true }),
  },
  {
    app: 'salesforce',
    kind: 'other-language',
    name: 'UI language switch en → fr: Edit becomes Modifier, name="Edit" kept',
    before: salesforceCase({ mark: 'edit' }),
    after: salesforceCase({ mark: 'edit', lang: 'fr' }),
  },
  {
    app: 'salesforce',
    kind: 'look-alikes',
    name: 'two Priority fields (record details and Log a Call panel), panels reordered',
    before: salesforceCase({ mark: 'priority' }),
    after: salesforceCase({ mark: 'priority', panelFirst: true, seq: 40 }),
  },
  {
    app: 'salesforce',
    kind: 'look-alikes',
    name: 'panel Priority (not the record one) after re-render',
    before: salesforceCase({ mark: 'panel-priority' }),
    after: salesforceCase({ mark: 'panel-priority', seq: 900, panelFirst: true }),
  },
  {
    app: 'salesforce',
    kind: 'removed',
    name: 'Priority removed from the page layout, the panel still has one → null',
    before: salesforceCase({ mark: 'priority' }),
    after: salesforceCase({ detailsPriority: false, seq: 500 }),
  },
  {
    app: 'salesforce',
    kind: 'look-alikes',
    name: '"New" in the Cases related list, related lists reordered',
    before: salesforceCase({ mark: 'cases-new' }),
    after: salesforceCase({ mark: 'cases-new', relatedOrder: 'cases-first' }),
  },
  {
    app: 'salesforce',
    kind: 'other-language',
    name: 'global search box in French (placeholder translated, no attributes) → hard',
    before: salesforceCase({ mark: 'search' }),
    after: salesforceCase({ mark: 'search', lang: 'fr' }),
  },
];
