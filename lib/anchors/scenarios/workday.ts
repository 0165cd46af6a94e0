import { marker, repeat, type Scenario } from './types';

/**
 * Workday: every element carries a `data-automation-id` that names its widget type, not its
 * field (`formLabel`, `textView`, `promptIcon`, `editButton` are the same in every field and
 * section), so fields are told apart by their labels and sections by their headers.
 */
interface Worker {
  mark?: string;
  hire?: string;
  lang?: 'en' | 'fr';
  sections?: string[];
  fields?: string[];
  team?: number;
}

const T = {
  en: {
    hire: 'Hire Date',
    location: 'Location',
    manager: 'Manager',
    edit: 'Edit',
    submit: 'Submit',
    contact: 'Contact Information',
    job: 'Job Details',
    export: 'Export to Excel',
  },
  fr: {
    hire: "Date d'embauche",
    location: 'Site',
    manager: 'Responsable',
    edit: 'Modifier',
    submit: 'Soumettre',
    contact: 'Coordonnées',
    job: 'Détails du poste',
    export: 'Exporter vers Excel',
  },
};

function formField(label: string, value: string, key: string, m: (k: string) => string): string {
  return `<li data-automation-id="formField-${key}" class="WJLK WKLK"><div class="WHLK"><label data-automation-id="formLabel">${label}</label></div>
    <div data-automation-id="decorationWrapper"><div data-automation-id="textView" class="gwt-Label"${m(`value-${key}`)}>${value}</div>
    <div data-automation-id="promptIcon" role="button" aria-label="Select" class="WCNF"${m(`prompt-${key}`)}></div></div></li>`;
}

function section(name: string, o: Worker, m: (k: string) => string): string {
  const t = T[o.lang ?? 'en'];
  const title = name === 'contact' ? t.contact : t.job;
  const fields =
    name === 'job'
      ? (o.fields ?? ['hire', 'location', 'manager']).map((f) =>
          formField(t[f as 'hire'], f === 'hire' ? (o.hire ?? '03/14/2019') : `${f} value`, f, m),
        )
      : [formField('Email', 'logan@example.com', 'email', m)];
  return `<section data-automation-id="fieldSetContent"><div data-automation-id="fieldSetLegend"><h3 data-automation-id="fieldSetLegendLabel">${title}</h3>
    <button data-automation-id="editButton" aria-label="${t.edit}" class="WOTB"${m(`edit-${name}`)}></button></div><ul>${fields.join('')}</ul></section>`;
}

export function workdayWorker(o: Worker = {}): string {
  const m = marker(o.mark);
  const t = T[o.lang ?? 'en'];
  const team = o.team
    ? `<div data-automation-id="gridToolbar"><button data-automation-id="excelIconButton" aria-label="${t.export}"${m('export')}></button></div>
      <table data-automation-id="table">${repeat(o.team, (i) => `<tr><td><div data-automation-id="promptOption" data-automation-label="Worker ${i}">Worker ${i}</div></td><td><div data-automation-id="textView">${2000 + (i % 20)}</div></td><td><div data-automation-id="promptIcon" role="button" aria-label="Select"></div></td></tr>`)}</table>`
    : '';
  return `<html lang="${o.lang ?? 'en'}"><body><div data-automation-id="pageContent" class="WDNL">
    <h2 data-automation-id="pageHeaderTitleText">Logan McNeil</h2>
    ${(o.sections ?? ['contact', 'job']).map((s) => section(s, o, m)).join('\n')}${team}
    <button data-automation-id="wd-CommandButton_uic_okButton" title="${t.submit}"${m('submit')}><span>${t.submit}</span></button>
  </div></body></html>`;
}

export const workdayScenarios: Scenario[] = [
  {
    app: 'workday',
    kind: 'other-record',
    name: 'Hire Date value (textView) of another worker',
    before: workdayWorker({ mark: 'value-hire' }),
    after: workdayWorker({ mark: 'value-hire', hire: '11/02/2021' }),
  },
  {
    app: 'workday',
    kind: 'look-alikes',
    name: 'section Edit button (same editButton id in every section), sections reordered',
    before: workdayWorker({ mark: 'edit-job' }),
    after: workdayWorker({ mark: 'edit-job', sections: ['job', 'contact'] }),
  },
  {
    app: 'workday',
    kind: 'look-alikes',
    name: 'Job Details hidden by a security policy: its Edit button → null',
    before: workdayWorker({ mark: 'edit-job' }),
    after: workdayWorker({ sections: ['contact'] }),
  },
  {
    app: 'workday',
    kind: 'look-alikes',
    name: 'prompt icon of the Location field (same promptIcon in every field), fields reordered',
    before: workdayWorker({ mark: 'prompt-location' }),
    after: workdayWorker({ mark: 'prompt-location', fields: ['manager', 'location', 'hire'] }),
  },
  {
    app: 'workday',
    kind: 'other-language',
    name: 'French UI: Submit button ("Soumettre"), automation id kept',
    before: workdayWorker({ mark: 'submit' }),
    after: workdayWorker({ mark: 'submit', lang: 'fr' }),
  },
  {
    app: 'workday',
    kind: 'other-language',
    name: 'French UI: Hire Date value, its label translated too',
    before: workdayWorker({ mark: 'value-hire' }),
    after: workdayWorker({ mark: 'value-hire', lang: 'fr', hire: '14/03/2019' }),
  },
  {
    app: 'workday',
    kind: 'large-page',
    name: 'My Team grid of 3,000 workers: "Export to Excel"',
    before: workdayWorker({ mark: 'export', team: 10 }),
    after: workdayWorker({ mark: 'export', team: 3000 }),
  },
];
