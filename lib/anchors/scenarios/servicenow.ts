import { marker, type Scenario } from './types';

/**
 * ServiceNow UI16 incident form inside the `gsft_main` same-origin iframe: ids are
 * `<table>.<field>` (stable), `sys_display.*` for reference fields, `sysverb_*` for form buttons;
 * section ids and `data-id` carry 32-hex sys_ids that differ per instance and record.
 */
interface Incident {
  mark?: string;
  sysId?: string;
  number?: string;
  caller?: string;
  lang?: 'en' | 'de';
  resolved?: boolean;
  buttonsSwapped?: boolean;
  readOnly?: boolean;
  noFrame?: boolean;
}

const T = {
  en: {
    short: 'Short description',
    priority: 'Priority',
    caller: 'Caller',
    update: 'Update',
    resolve: 'Resolve',
    notes: 'Resolution notes',
    cis: 'Affected CIs',
    res: 'Resolution Information',
  },
  de: {
    short: 'Kurzbeschreibung',
    priority: 'Priorität',
    caller: 'Anrufer',
    update: 'Aktualisieren',
    resolve: 'Lösen',
    notes: 'Lösungshinweise',
    cis: 'Betroffene CIs',
    res: 'Lösungsinformationen',
  },
};

function incidentForm(o: Incident): string {
  const m = marker(o.mark);
  const t = T[o.lang ?? 'en'];
  const sys = o.sysId ?? '6816f79cc0a8016401c5a33be04be441';
  const buttons = [
    `<button id="sysverb_update" type="submit" class="form_action_button"${m('update')}>${t.update}</button>`,
    `<button id="resolve_incident" type="submit" class="form_action_button"${m('resolve')}>${t.resolve}</button>`,
  ];
  if (o.buttonsSwapped) buttons.reverse();
  const resolution = `<span id="section-${sys.slice(0, 16)}a" aria-label="${t.res}" role="region">
    <label for="incident.close_notes" id="label.incident.close_notes">${t.notes}</label>
    <textarea id="incident.close_notes" name="incident.close_notes"${m('notes')}></textarea></span>`;
  return `<form id="incident.do" name="incident.do" aria-label="Incident" data-id="${sys}">
  <nav class="navbar_ui_actions">${o.readOnly ? '' : buttons.join('')}</nav>
  <h2 class="navbar-title">Incident ${o.number ?? 'INC0010023'}</h2>
  <span id="section-${sys.slice(16)}b" role="region" aria-label="Incident">
    <label for="sys_display.incident.caller_id" id="label.incident.caller_id">${t.caller}</label>
    <input id="sys_display.incident.caller_id" name="sys_display.incident.caller_id" value="${o.caller ?? 'Abel Tuter'}"${m('caller')}>
    <button id="lookup.incident.caller_id" aria-label="Look up value for field: ${t.caller}"${m('lookup')}>🔍</button>
    <label for="incident.priority">${t.priority}</label>
    <select id="incident.priority" name="incident.priority"${m('priority')}><option>1 - Critical</option></select>
    <label for="incident.short_description">${t.short}</label>
    <input id="incident.short_description" name="incident.short_description" value="${o.number ?? 'Email down'}"${m('short')}>
  </span>
  ${o.resolved === false ? '' : resolution}
  <div class="tabs2_strip" role="tablist"><span role="tab" id="tab_${sys.slice(3, 20)}" class="tab_header"${m('cis-tab')}>${t.cis}</span></div>
</form>`;
}

export function serviceNowPage(o: Incident = {}): string {
  const shell = `<div class="navpage-layout"><header role="banner" class="navpage-header">
    <a href="/now/nav/ui/home" id="mainBannerImage16" aria-label="ServiceNow Home">ServiceNow</a></header>`;
  if (o.noFrame) return `${shell}<main>${incidentForm(o)}</main></div>`;
  return `${shell}<main><template data-iframe id="gsft_main" name="gsft_main" title="Main Content">${incidentForm(o)}</template></main></div>`;
}

const other = {
  sysId: '9c573169c611228700193229fff72400',
  number: 'INC0000015',
  caller: 'Beth Anglin',
};

export const serviceNowScenarios: Scenario[] = [
  {
    app: 'servicenow',
    kind: 'other-record',
    name: 'short description in gsft_main iframe, another incident',
    before: serviceNowPage({ mark: 'short' }),
    after: serviceNowPage({ mark: 'short', ...other }),
  },
  {
    app: 'servicenow',
    kind: 'sibling-order',
    name: 'Update button, UI actions reordered, another incident',
    before: serviceNowPage({ mark: 'update' }),
    after: serviceNowPage({ mark: 'update', buttonsSwapped: true, ...other }),
  },
  {
    app: 'servicenow',
    kind: 'other-language',
    name: 'priority select after German language pack (ids kept)',
    before: serviceNowPage({ mark: 'priority' }),
    after: serviceNowPage({ mark: 'priority', lang: 'de' }),
  },
  {
    app: 'servicenow',
    kind: 'dynamic-ids',
    name: 'Affected CIs tab: tab ids built from sys_ids change',
    before: serviceNowPage({ mark: 'cis-tab' }),
    after: serviceNowPage({ mark: 'cis-tab', ...other }),
  },
  {
    app: 'servicenow',
    kind: 'removed',
    name: 'resolution notes: section hidden on a new incident → null',
    before: serviceNowPage({ mark: 'notes' }),
    after: serviceNowPage({ resolved: false, ...other }),
  },
  {
    app: 'servicenow',
    kind: 'other-record',
    name: 'caller reference field, another caller (value is data)',
    before: serviceNowPage({ mark: 'caller' }),
    after: serviceNowPage({ mark: 'caller', ...other }),
  },
  {
    app: 'servicenow',
    kind: 'other-language',
    name: 'caller lookup button in German: aria-label translated, id kept',
    before: serviceNowPage({ mark: 'lookup' }),
    after: serviceNowPage({ mark: 'lookup', lang: 'de', ...other }),
  },
  {
    app: 'servicenow',
    kind: 'removed',
    name: 'Update button missing on a read-only incident → null',
    before: serviceNowPage({ mark: 'update' }),
    after: serviceNowPage({ readOnly: true, ...other }),
  },
  {
    app: 'servicenow',
    kind: 'restructure',
    name: 'form opened outside the iframe (navpage off): anchor path no longer matches → hard',
    before: serviceNowPage({ mark: 'priority' }),
    after: serviceNowPage({ mark: 'priority', noFrame: true }),
  },
];
