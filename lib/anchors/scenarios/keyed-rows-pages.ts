import { marker } from './types';

/**
 * Pages of rows told apart by cells that other records share, and of containers named with their
 * counts. Written blind to the resolver (2026-12-05) as cases the suite lacked; on main as it was
 * (7b1f21d) they found two wrong answers — rows keyed by an avatar's initials and by a status
 * badge, each passing for another record's row — and four nulls: Ada's row beside Al Lee's, and
 * related lists labelled "Opportunities (3)" through `aria-labelledby`, or by a title and a count
 * badge, at another count. The invoice list keeps a row's key from moving to a shared link (the
 * customer): a first fix that preferred a cell with a link answered wrong there. Markup after the
 * apps' own: HubSpot's index with an avatar cell, a Workday-style grid with a status first, a
 * Dynamics 365 invoice list and div grid, Salesforce Lightning related-list cards
 * (`article[aria-labelledby]`), a Jira board and a Workday details list.
 */

const initials = (name: string): string =>
  name
    .split(' ')
    .map((word) => word[0])
    .join('');

/** HubSpot contacts index: checkbox, an avatar cell showing initials, name link, email, Preview. */
export function avatarRows(rows: string[], mark?: string, email = true): string {
  const m = marker(mark);
  const row = (name: string) =>
    `<tr><td><input type="checkbox" aria-label="Select row"></td>` +
    `<td><span class="avatar">${initials(name)}</span></td>` +
    `<td><a href="/contacts/4411/record/0-1/${name.length * 31}">${name}</a></td>` +
    (email ? `<td>${name.split(' ')[0]?.toLowerCase()}@example.com</td>` : '') +
    `<td><button${m(name)}>Preview</button></td></tr>`;
  return `<table><tbody>${rows.map(row).join('')}</tbody></table>`;
}

/** A grid of requests without links: status pill first, subject, an Edit button. */
export function statusRows(rows: [status: string, subject: string][], mark?: string): string {
  const m = marker(mark);
  const row = ([status, subject]: [string, string]) =>
    `<tr><td><span class="pill">${status}</span></td><td>${subject}</td>` +
    `<td><button${m(subject)}>Edit</button></td></tr>`;
  return `<table><tbody>${rows.map(row).join('')}</tbody></table>`;
}

/** Posted invoices: number (plain text) first, the customer as a link, the amount, Edit. */
export function invoiceRows(rows: [no: string, customer: string, amount: string][], mark?: string) {
  const m = marker(mark);
  const row = ([no, customer, amount]: [string, string, string]) =>
    `<tr><td>${no}</td><td><a href="/customers/${customer.length * 1234}">${customer}</a></td>` +
    `<td>${amount}</td><td><button${m(no)}>Edit</button></td></tr>`;
  return `<table><tbody>${rows.map(row).join('')}</tbody></table>`;
}

/** Dynamics 365 grid of divs: checkbox cell, name link, status, a row actions menu button. */
export function divGrid(rows: string[], mark?: string): string {
  const m = marker(mark);
  const row = (name: string, i: number) =>
    `<div role="row" aria-rowindex="${i + 2}">` +
    `<div role="gridcell"><input type="checkbox" aria-label="Select ${name}"></div>` +
    `<div role="gridcell"><a href="/main.aspx?etn=account&id=${name.length}0${i}">${name}</a></div>` +
    `<div role="gridcell">${i % 2 ? 'Active' : 'Inactive'}</div>` +
    `<div role="gridcell"><button aria-label="Show actions" aria-haspopup="menu"${m(name)}>▾</button></div></div>`;
  return `<div role="grid"><div role="rowgroup">${rows.map(row).join('')}</div></div>`;
}

/** Lightning related-list cards labelled by their title, whose link holds the count "(n)"; ids minted per render. */
export function relatedCards(lists: string[], mark?: string, seed = 3): string {
  const m = marker(mark);
  const card = (list: string, i: number) =>
    `<article class="slds-card" aria-labelledby="hdr-${i * 7 + seed}"><div class="slds-card__header">` +
    `<h2 id="hdr-${i * 7 + seed}"><a href="/related/${list}"><span title="${list}">${list}</span><span> (${i + 2})</span></a></h2>` +
    `<div class="actions"><a role="button" title="New" class="forceActionLink"${m(list)}><div title="New">New</div></a></div></div>` +
    `<div class="slds-card__body"><div class="row"><a href="/r/${list}/1">${list} item 1</a></div></div></article>`;
  return `<div class="related">${lists.map(card).join('')}</div>`;
}

/** Cards labelled by a title and a count badge (`aria-labelledby="title badge"`). */
export function badgedCards(lists: string[], mark?: string, seed = 1): string {
  const m = marker(mark);
  const card = (list: string, i: number) =>
    `<article aria-labelledby="t-${seed}${i} c-${seed}${i}"><header><h2 id="t-${seed}${i}">${list}</h2>` +
    `<span id="c-${seed}${i}" class="count">${(i + seed) * 3}</span></header>` +
    `<button${m(list)}>Add</button><ul><li>${list} one</li></ul></article>`;
  return lists.map(card).join('');
}

/** A board: columns headed by a name and a count badge, cards with an actions button, "+ Add card". */
export function board(columns: Record<string, string[]>, mark?: string): string {
  const m = marker(mark);
  const card = (title: string) =>
    `<div class="card"><div class="card-title">${title}</div><button aria-label="More actions"${m(title)}>…</button></div>`;
  const column = ([name, cards]: [string, string[]]) =>
    `<section class="column"><header class="column-header"><h3>${name}</h3><span class="badge">${cards.length}</span></header>` +
    `${cards.map(card).join('')}<button class="add"${m(`add-${name}`)}>+ Add card</button></section>`;
  return `<div class="board">${Object.entries(columns).map(column).join('')}</div>`;
}

/** A worker's details as a definition list: the value is record data. */
export function details(pairs: [label: string, value: string][], mark?: string): string {
  const m = marker(mark);
  const pair = ([label, value]: [string, string]) =>
    `<div class="pair"><dt>${label}</dt><dd><span${m(label)}>${value}</span></dd></div>`;
  return `<dl class="details">${pairs.map(pair).join('')}</dl>`;
}
