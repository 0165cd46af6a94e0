import { marker, type Scenario } from './types';

/**
 * ServiceNow Next Experience (Polaris): the app shell is a tree of web components with open
 * shadow roots (`macroponent-<hash>`, `sn-canvas-main`), and a classic UI16 form still renders in
 * the `gsft_main` iframe inside it; that form in turn hosts Now web components with their own
 * shadow roots (`now-record-reference` with its lookup button). Three levels: shadow → frame →
 * shadow.
 */
interface Shell {
  mark?: string;
  sysId?: string;
  caller?: string;
  hash?: string;
  wrapped?: boolean;
  noPolaris?: boolean;
  noPicker?: boolean;
  lang?: 'en' | 'de';
}

const T = {
  en: {
    caller: 'Caller',
    lookup: 'Look up value for field: Caller',
    update: 'Update',
    short: 'Short description',
  },
  de: {
    caller: 'Anrufer',
    lookup: 'Wert für Feld suchen: Anrufer',
    update: 'Aktualisieren',
    short: 'Kurzbeschreibung',
  },
};

function classicForm(o: Shell, m: (k: string) => string): string {
  const t = T[o.lang ?? 'en'];
  const picker = o.noPicker
    ? `<input id="sys_display.incident.caller_id" name="sys_display.incident.caller_id" aria-label="${t.caller}" value="${o.caller ?? 'Abel Tuter'}">`
    : `<now-record-reference data-field="incident.caller_id" class="nrr-${o.hash ?? 'q1'}"><template data-shadow>
        <div class="now-ref"><input class="now-input" aria-label="${t.caller}" value="${o.caller ?? 'Abel Tuter'}"${m('caller')}>
        <button class="now-button now-button-${o.hash ?? 'q1'}" aria-label="${t.lookup}"${m('lookup')}><now-icon icon="magnifying-glass-outline"></now-icon></button></div>
      </template></now-record-reference>`;
  return `<form id="incident.do" name="incident.do" data-id="${o.sysId ?? '9d385017c611228701d22104cc95c371'}">
    <nav class="navbar_ui_actions"><button id="sysverb_update" type="submit"${m('update')}>${t.update}</button></nav>
    <div class="form-group"><label for="sys_display.incident.caller_id">${t.caller}</label>${picker}</div>
    <div class="form-group"><label for="incident.short_description">${t.short}</label>
      <input id="incident.short_description" name="incident.short_description" value="Email down"${m('short')}></div></form>`;
}

export function polarisIncident(o: Shell = {}): string {
  const m = marker(o.mark);
  const frame = `<template data-iframe id="gsft_main" name="gsft_main" title="Main Content">${classicForm(o, m)}</template>`;
  if (o.noPolaris)
    return `<html lang="${o.lang ?? 'en'}"><body><div id="nav_west"></div><main>${frame}</main></body></html>`;
  const canvas = `<sn-canvas-main><template data-shadow><div class="sn-canvas-main-${o.hash ?? 'q1'}">${o.wrapped ? `<div class="screen"><div class="tab">${frame}</div></div>` : frame}</div></template></sn-canvas-main>`;
  return `<html lang="${o.lang ?? 'en'}"><body><macroponent-f51912f4c700201072b211d4d8c26010><template data-shadow>
    <sn-polaris-layout><template data-shadow><header class="polaris-header"><input type="search" placeholder="Search"></header>${canvas}</template></sn-polaris-layout>
  </template></macroponent-f51912f4c700201072b211d4d8c26010></body></html>`;
}

export const polarisScenarios: Scenario[] = [
  {
    app: 'servicenow',
    kind: 'frame-in-shadow',
    name: 'Polaris shell → gsft_main iframe → now-record-reference shadow root: caller lookup, another incident',
    before: polarisIncident({ mark: 'lookup' }),
    after: polarisIncident({
      mark: 'lookup',
      sysId: '46d44a23a9fe19810012d100cca80666',
      caller: 'Beth Anglin',
      hash: 'x7',
    }),
  },
  {
    app: 'servicenow',
    kind: 'frame-in-shadow',
    name: 'three levels deep: caller input, the canvas wraps the iframe in new tab containers',
    before: polarisIncident({ mark: 'caller' }),
    after: polarisIncident({ mark: 'caller', wrapped: true, caller: 'Fred Luddy' }),
  },
  {
    app: 'servicenow',
    kind: 'frame-in-shadow',
    name: 'iframe inside the shell: Update button, German language pack',
    before: polarisIncident({ mark: 'update' }),
    after: polarisIncident({ mark: 'update', lang: 'de', hash: 'm3' }),
  },
  {
    app: 'servicenow',
    kind: 'frame-in-shadow',
    name: 'the caller widget replaced by a plain reference input: its lookup button → null',
    before: polarisIncident({ mark: 'lookup' }),
    after: polarisIncident({ noPicker: true }),
  },
  {
    app: 'servicenow',
    kind: 'restructure',
    name: 'the same form without the Polaris shell (classic UI): short description',
    before: polarisIncident({ mark: 'short' }),
    after: polarisIncident({ mark: 'short', noPolaris: true }),
  },
];
