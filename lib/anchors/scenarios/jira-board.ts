import { marker, repeat, type Scenario } from './types';

/**
 * Jira Software board and backlog: columns and cards carry the same long `data-testid`s in every
 * column (platform-board-kit…), a column is named only by its header, cards by their issue key;
 * the backlog lists hundreds of issues per sprint.
 */
interface Board {
  mark?: string;
  columns?: string[];
  cards?: number;
  css?: string;
  lang?: 'en' | 'de';
}

const T = {
  en: { create: 'Create issue', more: 'More actions' },
  de: { create: 'Vorgang erstellen', more: 'Weitere Aktionen' },
};

function card(key: string, summary: string, css: string, m: (k: string) => string): string {
  return `<li data-testid="platform-board-kit.ui.card.card" class="css-${css}c"><div data-testid="platform-board-kit.ui.card.card-contents">
    <span data-testid="platform-card.common.ui.summary">${summary}</span><span data-testid="platform-card.common.ui.key.key"><a href="/browse/${key}">${key}</a></span>
    <button data-testid="platform-card.ui.card.actions-section.meatball-menu" aria-label="${T.en.more}"${m(`card-${key}`)}>…</button></div></li>`;
}

function column(name: string, index: number, o: Board, m: (k: string) => string): string {
  const css = o.css ?? '1h3k9z';
  const t = T[o.lang ?? 'en'];
  const cards = repeat(o.cards ?? 2, (i) =>
    card(`SHOP-${index * 100 + i + 1}`, `Task ${index}.${i} for the shop`, css, m),
  );
  return `<div data-testid="platform-board-kit.ui.column.draggable-column.styled-wrapper" class="css-${css}w">
    <div data-testid="platform-board-kit.common.ui.column-header.header.column-header-container">
      <h2 class="css-${css}h"><span>${name}</span></h2><span data-testid="platform-board-kit.common.ui.column-header.issue-count">${o.cards ?? 2}</span></div>
    <ul class="css-${css}l">${cards}</ul>
    <button data-testid="platform-inline-card-create.ui.trigger.visible.button" class="css-${css}b"${m(`create-${name}`)}>${t.create}</button></div>`;
}

export function jiraBoard(o: Board = {}): string {
  const m = marker(o.mark);
  const columns = (o.columns ?? ['To Do', 'In Progress', 'Done']).map((name, i) =>
    column(name, i, o, m),
  );
  return `<html lang="${o.lang ?? 'en'}"><body><div id="jira-frontend"><main id="ak-main-content">
    <div data-testid="software-board.board-container.board"><h1>SHOP board</h1>
    <div data-testid="software-board.board-container.board.columns" class="css-${o.css ?? '1h3k9z'}g">${columns.join('\n')}</div></div>
  </main></div></body></html>`;
}

export const jiraBoardScenarios: Scenario[] = [
  {
    app: 'jira',
    kind: 'look-alikes',
    name: 'board: "Create issue" of In Progress, columns reordered and a Review column added',
    before: jiraBoard({ mark: 'create-In Progress' }),
    after: jiraBoard({
      mark: 'create-In Progress',
      columns: ['Done', 'Review', 'In Progress', 'To Do'],
      css: '88qqa1',
    }),
  },
  {
    app: 'jira',
    kind: 'look-alikes',
    name: 'board: "Create issue" of Review, the Review column deleted → null',
    before: jiraBoard({ mark: 'create-Review', columns: ['To Do', 'Review', 'Done'] }),
    after: jiraBoard({ columns: ['To Do', 'In Progress', 'Done'] }),
  },
  {
    app: 'jira',
    kind: 'look-alikes',
    name: 'board: card SHOP-102 actions menu after the board re-rendered',
    before: jiraBoard({ mark: 'card-SHOP-102', cards: 3 }),
    after: jiraBoard({ mark: 'card-SHOP-102', cards: 4, css: 'zz0912' }),
  },
  {
    app: 'jira',
    kind: 'large-page',
    name: 'board with 700 cards per column: "Create issue" of Done',
    before: jiraBoard({ mark: 'create-Done', cards: 5 }),
    after: jiraBoard({ mark: 'create-Done', cards: 700 }),
  },
  {
    app: 'jira',
    kind: 'other-language',
    name: 'board in German: "Vorgang erstellen" of In Progress (column names are the team\'s own)',
    before: jiraBoard({ mark: 'create-In Progress' }),
    after: jiraBoard({ mark: 'create-In Progress', lang: 'de', css: '4ab7de' }),
  },
];
