import { marker, type Scenario } from './types';

/**
 * Jira issue view: React with compiled CSS-in-JS (`css-1x2y3z`), React `useId` ids (`:r1:`),
 * long dotted `data-testid`s on fields, and the same view rendered full-page or in a modal.
 */
interface Issue {
  mark?: string;
  css?: string;
  rid?: string;
  key?: string;
  summary?: string;
  lang?: 'en' | 'de';
  modal?: boolean;
  sidebarLeft?: boolean;
  sectionsSwapped?: boolean;
  linkedSection?: boolean;
}

const T = {
  en: {
    assign: 'Assign to me',
    comment: 'Add a comment…',
    child: 'Child issues',
    linked: 'Linked issues',
    add: 'Add',
    watch: 'Watch',
  },
  de: {
    assign: 'Mir zuweisen',
    comment: 'Kommentar hinzufügen…',
    child: 'Untergeordnete Vorgänge',
    linked: 'Verknüpfte Vorgänge',
    add: 'Hinzufügen',
    watch: 'Beobachten',
  },
};

function section(title: string, add: string, css: string, mark: string): string {
  return `<section aria-label="${title}" class="css-${css}s"><h3 class="css-${css}h">${title}</h3>
    <button class="css-${css}b" aria-label="${add} ${title.toLowerCase()}"${mark}>+</button></section>`;
}

function issueView(o: Issue): string {
  const m = marker(o.mark);
  const c = o.css ?? '1k2x9qz';
  const r = o.rid ?? 'r1';
  const t = T[o.lang ?? 'en'];
  const sidebar = `<div class="css-${c}side" data-testid="issue.views.issue-details.issue-layout.container-right">
    <div data-testid="issue.views.field.select.common.select-inline-edit.priority" class="css-${c}p"${m('priority')}>High</div>
    <button class="css-${c}a"${m('assign')}>${t.assign}</button>
    <label class="css-${c}l"><input type="checkbox" id=":${r}:"${m('watch')}> ${t.watch}</label></div>`;
  const sections = [section(t.child, t.add, c, m('child-add'))];
  if (o.linkedSection !== false) sections.push(section(t.linked, t.add, c, m('linked-add')));
  if (o.sectionsSwapped) sections.reverse();
  const main = `<div class="css-${c}main" data-testid="issue.views.issue-details.issue-layout.container-left">
    <h1 data-testid="issue.views.issue-base.foundation.summary.heading">${o.summary ?? 'Checkout fails for EU cards'}</h1>
    <button data-testid="issue.views.issue-base.foundation.status.status-field-wrapper" class="css-${c}st"${m('status')}>In Progress</button>
    ${sections.join('\n')}
    <textarea data-testid="comment-editor" placeholder="${t.comment}" class="css-${c}ta"${m('comment')}></textarea></div>`;
  const layout = `<div class="css-${c}grid">${o.sidebarLeft ? `<div class="css-${c}col">${sidebar}</div>${main}` : `${main}${sidebar}`}</div>`;
  return `<nav aria-label="Breadcrumbs"><a href="/browse/${o.key ?? 'SHOP-42'}">${o.key ?? 'SHOP-42'}</a></nav>${layout}`;
}

export function jiraPage(o: Issue = {}): string {
  if (!o.modal)
    return `<div id="jira-frontend"><main id="ak-main-content">${issueView(o)}</main></div>`;
  return `<div id="jira-frontend"><main id="ak-main-content"><div data-testid="software-board.board"><h2>Board</h2></div></main>
    <div role="dialog" aria-label="Issue ${o.key ?? 'SHOP-42'}" data-testid="issue.views.issue-details.issue-modal.modal-dialog">${issueView(o)}</div></div>`;
}

export const jiraScenarios: Scenario[] = [
  {
    app: 'jira',
    kind: 'hashed-classes',
    name: 'priority field on another issue, CSS-in-JS classes regenerated',
    before: jiraPage({ mark: 'priority' }),
    after: jiraPage({ mark: 'priority', css: '9zz1q0a', key: 'SHOP-77', summary: 'Refunds stuck' }),
  },
  {
    app: 'jira',
    kind: 'hashed-classes',
    name: '"Assign to me" (text only) after class hashes change',
    before: jiraPage({ mark: 'assign' }),
    after: jiraPage({ mark: 'assign', css: '7hh2w1b' }),
  },
  {
    app: 'jira',
    kind: 'other-language',
    name: 'comment editor in German: placeholder translated, data-testid kept',
    before: jiraPage({ mark: 'comment' }),
    after: jiraPage({ mark: 'comment', lang: 'de' }),
  },
  {
    app: 'jira',
    kind: 'removed',
    name: 'status button: full page gone, the same issue open in a board modal → null',
    before: jiraPage({ mark: 'status' }),
    after: jiraPage({ modal: true }),
  },
  {
    app: 'jira',
    kind: 'dynamic-ids',
    name: 'watch checkbox: React useId :r1: → :r7:, wrapping label kept',
    before: jiraPage({ mark: 'watch' }),
    after: jiraPage({ mark: 'watch', rid: 'r7' }),
  },
  {
    app: 'jira',
    kind: 'restructure',
    name: 'sidebar moved from the right column to the left, same landmark',
    before: jiraPage({ mark: 'assign' }),
    after: jiraPage({ mark: 'assign', sidebarLeft: true, css: '2bb8c0d' }),
  },
  {
    app: 'jira',
    kind: 'look-alikes',
    name: '"Add" in Child issues, sections reordered (look-alike in Linked issues)',
    before: jiraPage({ mark: 'child-add' }),
    after: jiraPage({ mark: 'child-add', sectionsSwapped: true }),
  },
  {
    app: 'jira',
    kind: 'look-alikes',
    name: 'Linked issues section gone, Child issues "Add" remains → null',
    before: jiraPage({ mark: 'linked-add' }),
    after: jiraPage({ linkedSection: false }),
  },
  {
    app: 'jira',
    kind: 'other-record',
    name: 'status button inside the modal, then the modal re-rendered for another issue',
    before: jiraPage({ mark: 'status', modal: true }),
    after: jiraPage({ mark: 'status', modal: true, key: 'SHOP-99', css: '3cc1d2e' }),
  },
];
