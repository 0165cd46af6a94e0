import { marker, type Scenario } from './types';

/**
 * Components repeated across a page: record cards as web components whose heading is inside their
 * shadow root, workspace tabs holding the same form in iframes, three-level panels (a shadow host
 * holding an iframe holding a shadow-DOM button) named in the light DOM, and a ServiceNow list's
 * per-row preview buttons. Written blind to the resolver (2026-12-05): the cards found a null — the
 * hosts alike, each holding an "Edit", and only the card's own heading, inside its shadow root,
 * telling which (locate.ts `followPath` now asks the target's recorded containers).
 */

function recordCards(names: string[], mark?: string, labelled = false): string {
  const m = marker(mark);
  const card = (name: string) =>
    `<record-card${labelled ? ` aria-label="${name}"` : ''}><template data-shadow>` +
    `<div class="card"><h3>${name}</h3><button${m(name)}>Edit</button></div></template></record-card>`;
  return `<main>${names.map(card).join('')}</main>`;
}

/** Agent workspace tabs, each an iframe titled with its record and holding the same form. */
function workspaceTabs(records: string[], mark?: string): string {
  const m = marker(mark);
  const tab = (record: string) =>
    `<template data-iframe title="${record}"><form><h1>Incident ${record}</h1>` +
    `<label for="sd">Short description</label><input id="sd">` +
    `<button id="sysverb_update"${m(record)}>Update</button></form></template>`;
  return `<div class="tabs">${records.map(tab).join('')}</div>`;
}

function nestedPanels(names: string[], mark?: string): string {
  const m = marker(mark);
  const panel = (name: string) =>
    `<section aria-label="${name}"><app-panel><template data-shadow><div><template data-iframe><div>` +
    `<ui-btn><template data-shadow><button${m(name)}>Run</button></template></ui-btn>` +
    `</div></template></div></template></app-panel></section>`;
  return names.map(panel).join('');
}

function incidentList(rows: [number: string, description: string][], mark?: string): string {
  const m = marker(mark);
  const row = ([no, description]: [string, string]) =>
    `<tr id="row_incident_${no.length}"><td><input type="checkbox" aria-label="Select record for action: ${no}"></td>` +
    `<td><button class="list_popup" aria-label="Preview record: ${no}"${m(no)}>i</button></td>` +
    `<td><a href="incident.do?sys_id=${no}" class="linked">${no}</a></td><td>${description}</td>` +
    `<td>Beth Anglin</td><td>New</td></tr>`;
  return `<table id="incident_table"><tbody>${rows.map(row).join('')}</tbody></table>`;
}

const cards = ['Acme', 'Globex', 'Initech'];
const incidents: [string, string][] = [
  ['INC0001', 'Printer'],
  ['INC0002', 'Email down'],
  ['INC0003', 'VPN'],
];

export const componentScenarios: Scenario[] = [
  {
    app: 'servicenow',
    kind: 'shadow-dom',
    name: 'record cards (heading inside each shadow root): "Edit" of Globex, cards reordered',
    before: recordCards(cards, 'Globex'),
    after: recordCards(['Initech', 'Acme', 'Globex'], 'Globex'),
  },
  {
    app: 'servicenow',
    kind: 'removed',
    name: 'record cards: Globex gone, the others keep their "Edit" → null',
    before: recordCards(cards, 'Globex'),
    after: recordCards(['Initech', 'Acme']),
  },
  {
    app: 'servicenow',
    kind: 'shadow-dom',
    name: 'record cards labelled in the light DOM: "Edit" of Globex, reordered',
    before: recordCards(['Acme', 'Globex'], 'Globex', true),
    after: recordCards(['Globex', 'Acme'], 'Globex', true),
  },
  {
    app: 'servicenow',
    kind: 'removed',
    name: 'record cards labelled in the light DOM: Globex gone → null',
    before: recordCards(['Acme', 'Globex'], 'Globex', true),
    after: recordCards(['Acme', 'Initech'], undefined, true),
  },
  {
    app: 'servicenow',
    kind: 'frame-in-shadow',
    name: 'workspace tabs (same form in each iframe): Update of INC002, tabs reordered',
    before: workspaceTabs(['INC001', 'INC002'], 'INC002'),
    after: workspaceTabs(['INC002', 'INC001'], 'INC002'),
  },
  {
    app: 'servicenow',
    kind: 'removed',
    name: 'workspace tabs: INC002 closed, INC003 opened → null',
    before: workspaceTabs(['INC001', 'INC002'], 'INC002'),
    after: workspaceTabs(['INC001', 'INC003']),
  },
  {
    app: 'servicenow',
    kind: 'frame-in-shadow',
    name: 'three-level panels named in the light DOM: "Run" of Beta, panels reordered',
    before: nestedPanels(['Alpha', 'Beta'], 'Beta'),
    after: nestedPanels(['Beta', 'Alpha'], 'Beta'),
  },
  {
    app: 'servicenow',
    kind: 'removed',
    name: 'three-level panels: Beta gone → null',
    before: nestedPanels(['Alpha', 'Beta'], 'Beta'),
    after: nestedPanels(['Alpha', 'Gamma']),
  },
  {
    app: 'servicenow',
    kind: 'look-alikes',
    name: 'incident list: preview button of INC0002, list re-sorted',
    before: incidentList(incidents, 'INC0002'),
    after: incidentList([incidents[2]!, incidents[1]!, incidents[0]!], 'INC0002'),
  },
  {
    app: 'servicenow',
    kind: 'removed',
    name: 'incident list: INC0002 gone, INC0004 with its description → null',
    before: incidentList(incidents.slice(0, 2), 'INC0002'),
    after: incidentList([
      ['INC0001', 'Printer'],
      ['INC0004', 'Email down'],
    ]),
  },
];
