import { marker } from './types';

/**
 * Pages where the same control sits in several panels — tab panels with positional ids, a dialog
 * over a page, a side conversation beside a ticket's footer — and a form whose labels precede
 * their inputs without `for`. Written blind to the resolver (2026-12-05): on main as it was, the
 * Save of a removed tab panel resolved to the Save of the panel that took over its id (`p-1x`),
 * because copies told apart only by their region did not make their containers binding.
 */

/** Tabs whose panels are labelled by their tab; ids follow position, as tab widgets mint them. */
export function tabs(order: string[], mark?: string, hidden?: string): string {
  const m = marker(mark);
  const tab = (name: string, i: number) =>
    `<button role="tab" id="tab-${i}x" aria-controls="p-${i}x">${name}</button>`;
  const panel = (name: string, i: number) =>
    `<div role="tabpanel" id="p-${i}x" aria-labelledby="tab-${i}x"${hidden === name ? ' hidden' : ''}>` +
    `<textarea aria-label="Text"></textarea><button${m(name)}>Save</button></div>`;
  return `<div role="tablist">${order.map(tab).join('')}</div>${order.map(panel).join('')}`;
}

/** A list page with its own Save, and an edit dialog over it with another. */
export function withDialog(o: { dialog?: string; mark?: string }): string {
  const m = marker(o.mark);
  const dialog = o.dialog
    ? `<div role="dialog" aria-modal="true" aria-labelledby="dlg-t"><h2 id="dlg-t">${o.dialog}</h2>` +
      `<label for="n1">Name</label><input id="n1"><button${m('dialog')}>Save</button><button>Cancel</button></div>`
    : '';
  return (
    `<main><h1>Contacts</h1><form><label for="q">Search</label><input id="q">` +
    `<button${m('page')}>Save</button></form></main>${dialog}`
  );
}

/** Inputs after their `<label>` (no `for`), values being record data. */
export function labelledInputs(fields: [label: string, value: string][], mark?: string): string {
  const m = marker(mark);
  const field = ([label, value]: [string, string]) =>
    `<div class="form-group"><label>${label}</label><input type="text" value="${value}"${m(label)}></div>`;
  return `<form class="record">${fields.map(field).join('')}</form>`;
}

/** Zendesk ticket: the footer's submit and a side conversation's Send share a test id. */
export function ticketWithSide(o: { side?: boolean; mark?: string }): string {
  const m = marker(o.mark);
  const side = o.side
    ? `<aside class="side-conversation" aria-label="Side conversation"><textarea aria-label="Message"></textarea>` +
      `<button data-test-id="submit-button"${m('side')}>Send</button></aside>`
    : '';
  return (
    `<div class="ticket"><div class="conversation"><p>Hello</p></div>${side}` +
    `<footer><button data-test-id="submit-button"${m('footer')}>Submit as Open</button></footer></div>`
  );
}
