import { marker, type Scenario } from './types';

/** Generic React and Ember apps: CSS modules, Ember ids, GUID ids, unlabelled look-alikes. */
interface Settings {
  mark?: string;
  hash?: string;
  ember?: number;
  guid?: string;
  wrapped?: boolean;
  withMain?: boolean;
  save?: string;
  noSave?: boolean;
  namesSwapped?: boolean;
  replyButtons?: number;
  exportButton?: boolean;
  rows?: string[];
}

function nameFields(o: Settings, m: (k: string) => string): string {
  const g = o.guid ?? '3f2504e0-4f89-11d3-9a0c-0305e82c3301';
  const first = `<label for="${g}-1">First name</label><input id="${g}-1" class="Input_input__${o.hash ?? '3xK9a'}"${m('first')}>`;
  const last = `<label for="${g}-2">Last name</label><input id="${g}-2" class="Input_input__${o.hash ?? '3xK9a'}"${m('last')}>`;
  return o.namesSwapped ? last + first : first + last;
}

export function settingsPage(o: Settings = {}): string {
  const m = marker(o.mark);
  const h = o.hash ?? '3xK9a';
  const e = o.ember ?? 123;
  const rows = (o.rows ?? ['Acme', 'Globex', 'Initech'])
    .map(
      (name, i) =>
        `<tr><td>${name}</td><td><button class="Row_edit__${h}"${m(`edit-${i}`)}>Edit</button></td></tr>`,
    )
    .join('');
  const form = `<form aria-label="Profile" class="Form_form__${h}">
      ${nameFields(o, m)}
      <span id="ember${e}" class="ember-view">Email</span><input aria-labelledby="ember${e}" class="Input_input__${h}"${m('email')}>
      <div class="Form_actions__${h}">${o.noSave ? '' : `<button class="Button_primary__${h}"${m('save')}>${o.save ?? 'Save'}</button>`}
      <button class="Button_secondary__${h}"${m('cancel')}>Cancel</button></div></form>`;
  const body = `<div id="ember${e + 1}" class="ember-view">
    ${o.wrapped ? `<div class="Layout_inner__${h}"><div class="Card_card__${h}">${form}</div></div>` : form}
    <table aria-label="Companies">${rows}</table>
    ${Array.from({ length: o.replyButtons ?? 2 }, (_, i) => `<button class="Reply_btn__${h}"${m(`reply-${i}`)}>Reply</button><p>message ${i}</p>`).join('')}
    ${o.exportButton === false ? '' : `<button class="Toolbar_btn__${h}"${m('export')}>Export CSV</button>`}
    <div id="ember${e + 2}" class="ember-view"${m('ember-div')}>Details</div></div>`;
  return o.withMain ? `<main>${body}</main>` : body;
}

export const genericScenarios: Scenario[] = [
  {
    app: 'generic',
    kind: 'hashed-classes',
    name: 'React: CSS-module hashes regenerated and a wrapper removed',
    before: settingsPage({ mark: 'save', wrapped: true }),
    after: settingsPage({ mark: 'save', hash: '9Qw2e' }),
  },
  {
    app: 'generic',
    kind: 'restructure',
    name: 'React: card wrappers added around the form',
    before: settingsPage({ mark: 'cancel' }),
    after: settingsPage({ mark: 'cancel', wrapped: true, hash: 'Zx81p' }),
  },
  {
    app: 'generic',
    kind: 'dynamic-ids',
    name: 'Ember: ids shift (ember124 now another element), aria-labelledby follows',
    before: settingsPage({ mark: 'email' }),
    after: settingsPage({ mark: 'email', ember: 200 }),
  },
  {
    app: 'generic',
    kind: 'dynamic-ids',
    name: 'GUID ids regenerated, label[for] follows, fields swapped',
    before: settingsPage({ mark: 'last' }),
    after: settingsPage({
      mark: 'last',
      guid: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
      namesSwapped: true,
    }),
  },
  {
    app: 'generic',
    kind: 'look-alikes',
    name: 'two identical Reply buttons (top and bottom): the second one',
    before: settingsPage({ mark: 'reply-1' }),
    after: settingsPage({ mark: 'reply-1', hash: 'Pp0a1' }),
  },
  {
    app: 'generic',
    kind: 'look-alikes',
    name: 'identical Reply buttons: one removed, the survivor may be the other → null',
    before: settingsPage({ mark: 'reply-1' }),
    after: settingsPage({ replyButtons: 1 }),
  },
  {
    app: 'generic',
    kind: 'look-alikes',
    name: 'Edit button of the Acme row, rows re-sorted (Acme now last)',
    before: settingsPage({ mark: 'edit-0' }),
    after: settingsPage({ mark: 'edit-2', rows: ['Globex', 'Initech', 'Acme'] }),
  },
  {
    app: 'generic',
    kind: 'look-alikes',
    name: 'Edit button of the Acme row, another page of records without Acme → null',
    before: settingsPage({ mark: 'edit-0' }),
    after: settingsPage({ rows: ['Umbrella', 'Hooli', 'Stark'] }),
  },
  {
    app: 'generic',
    kind: 'removed',
    name: 'Export button removed entirely → null',
    before: settingsPage({ mark: 'export' }),
    after: settingsPage({ exportButton: false, ember: 999 }),
  },
  {
    app: 'generic',
    kind: 'restructure',
    name: 'layout refactor wraps everything in <main>',
    before: settingsPage({ mark: 'export' }),
    after: settingsPage({ mark: 'export', withMain: true }),
  },
  {
    app: 'generic',
    kind: 'restructure',
    name: 'Save relabelled "Save changes", no attributes → hard',
    before: settingsPage({ mark: 'save' }),
    after: settingsPage({ mark: 'save', save: 'Save changes' }),
  },
  {
    app: 'generic',
    kind: 'removed',
    name: 'Save removed, Cancel (same look, same form) remains → null',
    before: settingsPage({ mark: 'save' }),
    after: settingsPage({ noSave: true }),
  },
  {
    app: 'generic',
    kind: 'dynamic-ids',
    name: 'Ember div "Details" (no stable signals but its text) after ids shift',
    before: settingsPage({ mark: 'ember-div' }),
    after: settingsPage({ mark: 'ember-div', ember: 456 }),
  },
];
