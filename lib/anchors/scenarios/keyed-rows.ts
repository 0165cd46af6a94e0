import {
  avatarRows,
  badgedCards,
  board,
  details,
  divGrid,
  invoiceRows,
  relatedCards,
  statusRows,
} from './keyed-rows-pages';
import type { Scenario } from './types';

/**
 * Scenarios on rows told apart by cells other records share, and containers named with their
 * counts (pages in keyed-rows-pages.ts, which says what was found when they were first run).
 */
const ada = ['Ada Lovelace', 'Alan Turing', 'Grace Hopper'];
const requests: [string, string][] = [
  ['Open', 'Printer jam'],
  ['Closed', 'VPN down'],
  ['Closed', 'New laptop'],
];

export const keyedRowScenarios: Scenario[] = [
  {
    app: 'hubspot',
    kind: 'look-alikes',
    name: 'avatar cell first (initials shared): "Preview" of Ada, rows re-sorted, Al Lee added',
    before: avatarRows(ada, 'Ada Lovelace'),
    after: avatarRows(['Grace Hopper', 'Alan Turing', 'Ada Lovelace', 'Al Lee'], 'Ada Lovelace'),
  },
  {
    app: 'hubspot',
    kind: 'look-alikes',
    name: 'avatar cell first, no email column: "Preview" of Ada after Al Lee is inserted',
    before: avatarRows(['Ada Lovelace', 'Grace Hopper'], 'Ada Lovelace', false),
    after: avatarRows(['Al Lee', 'Grace Hopper', 'Ada Lovelace'], 'Ada Lovelace', false),
  },
  {
    app: 'hubspot',
    kind: 'removed',
    name: 'avatar cell first: Ada gone, Al Lee (same initials) listed → null',
    before: avatarRows(['Ada Lovelace', 'Grace Hopper'], 'Ada Lovelace', false),
    after: avatarRows(['Al Lee', 'Grace Hopper'], undefined, false),
  },
  {
    app: 'workday',
    kind: 'look-alikes',
    name: 'status pill first: "Edit" of Printer jam, rows re-sorted',
    before: statusRows(requests, 'Printer jam'),
    after: statusRows([requests[1]!, requests[2]!, requests[0]!], 'Printer jam'),
  },
  {
    app: 'workday',
    kind: 'removed',
    name: 'status pill first: Printer jam gone, another request now Open → null',
    before: statusRows(requests.slice(0, 2), 'Printer jam'),
    after: statusRows([
      ['Open', 'VPN down'],
      ['Closed', 'New laptop'],
    ]),
  },
  {
    app: 'workday',
    kind: 'other-record',
    name: 'status pill first: Printer jam now Pending (its key cells changed) → hard',
    before: statusRows(requests.slice(0, 2), 'Printer jam'),
    after: statusRows(
      [
        ['Closed', 'VPN down'],
        ['Pending', 'Printer jam'],
      ],
      'Printer jam',
    ),
  },
  {
    app: 'dynamics365',
    kind: 'look-alikes',
    name: 'invoice list: "Edit" of INV-1002 (customer link shared), re-sorted',
    before: invoiceRows(
      [
        ['INV-1001', 'Acme', '$200'],
        ['INV-1002', 'Acme', '$300'],
        ['INV-1003', 'Globex', '$200'],
      ],
      'INV-1002',
    ),
    after: invoiceRows(
      [
        ['INV-1003', 'Globex', '$200'],
        ['INV-1002', 'Acme', '$300'],
        ['INV-1001', 'Acme', '$200'],
      ],
      'INV-1002',
    ),
  },
  {
    app: 'dynamics365',
    kind: 'look-alikes',
    name: 'invoice list: INV-1002 beside an Acme invoice of the same amount, re-sorted',
    before: invoiceRows(
      [
        ['INV-1001', 'Acme', '$200'],
        ['INV-1002', 'Acme', '$200'],
        ['INV-1003', 'Globex', '$200'],
      ],
      'INV-1002',
    ),
    after: invoiceRows(
      [
        ['INV-1003', 'Globex', '$200'],
        ['INV-1002', 'Acme', '$200'],
        ['INV-1001', 'Acme', '$200'],
      ],
      'INV-1002',
    ),
  },
  {
    app: 'dynamics365',
    kind: 'removed',
    name: 'invoice list: INV-1002 gone, another Acme invoice of $300 → null',
    before: invoiceRows(
      [
        ['INV-1001', 'Acme', '$200'],
        ['INV-1002', 'Acme', '$300'],
      ],
      'INV-1002',
    ),
    after: invoiceRows([
      ['INV-1001', 'Acme', '$200'],
      ['INV-1004', 'Acme', '$300'],
    ]),
  },
  {
    app: 'dynamics365',
    kind: 'look-alikes',
    name: 'div grid: row actions of Contoso, re-sorted, Litware added',
    before: divGrid(['Adventure Works', 'Contoso', 'Fabrikam'], 'Contoso'),
    after: divGrid(['Fabrikam', 'Adventure Works', 'Litware', 'Contoso'], 'Contoso'),
  },
  {
    app: 'dynamics365',
    kind: 'removed',
    name: 'div grid: Contoso gone → null',
    before: divGrid(['Adventure Works', 'Contoso', 'Fabrikam'], 'Contoso'),
    after: divGrid(['Fabrikam', 'Adventure Works', 'Litware']),
  },
  {
    app: 'salesforce',
    kind: 'look-alikes',
    name: 'cards labelled "Opportunities (3)": "New" of Opportunities at another count, ids re-minted',
    before: relatedCards(['Contacts', 'Opportunities', 'Cases'], 'Opportunities'),
    after: relatedCards(['Cases', 'Notes', 'Opportunities', 'Contacts'], 'Opportunities', 5),
  },
  {
    app: 'salesforce',
    kind: 'removed',
    name: 'cards labelled with counts: Opportunities taken off the layout → null',
    before: relatedCards(['Contacts', 'Opportunities', 'Cases'], 'Opportunities'),
    after: relatedCards(['Cases', 'Notes', 'Contacts'], undefined, 5),
  },
  {
    app: 'salesforce',
    kind: 'removed',
    name: 'cards labelled with counts: only Contacts left → null',
    before: relatedCards(['Contacts', 'Opportunities'], 'Opportunities'),
    after: relatedCards(['Contacts']),
  },
  {
    app: 'servicenow',
    kind: 'look-alikes',
    name: 'cards labelled by title + count badge: "Add" of Cases, counts changed, reordered',
    before: badgedCards(['Contacts', 'Cases', 'Notes'], 'Cases', 1),
    after: badgedCards(['Notes', 'Cases', 'Contacts', 'Files'], 'Cases', 2),
  },
  {
    app: 'servicenow',
    kind: 'removed',
    name: 'cards labelled by title + count badge: Cases gone → null',
    before: badgedCards(['Contacts', 'Cases', 'Notes'], 'Cases', 1),
    after: badgedCards(['Notes', 'Contacts', 'Files'], undefined, 2),
  },
  {
    app: 'jira',
    kind: 'look-alikes',
    name: 'board: actions of card SHOP-7 after it moved to Done',
    before: board(
      { 'To Do': ['SHOP-7 Fix cart', 'SHOP-8 Pay'], Done: ['SHOP-1 Init'] },
      'SHOP-7 Fix cart',
    ),
    after: board(
      { 'To Do': ['SHOP-8 Pay'], Done: ['SHOP-1 Init', 'SHOP-7 Fix cart'] },
      'SHOP-7 Fix cart',
    ),
  },
  {
    app: 'jira',
    kind: 'look-alikes',
    name: 'board: "+ Add card" of Done, counts changed, Review column added',
    before: board({ 'To Do': ['A', 'B'], Done: ['C'] }, 'add-Done'),
    after: board({ 'To Do': ['A'], Review: ['B'], Done: ['C', 'D', 'E'] }, 'add-Done'),
  },
  {
    app: 'jira',
    kind: 'removed',
    name: 'board: Done column gone, "+ Add card" of the others → null',
    before: board({ 'To Do': ['A', 'B'], Done: ['C'] }, 'add-Done'),
    after: board({ 'To Do': ['A'], Review: ['B', 'C'] }),
  },
  {
    app: 'jira',
    kind: 'removed',
    name: 'board: card SHOP-7 deleted, its column holds others → null',
    before: board({ 'To Do': ['SHOP-7 Fix cart', 'SHOP-8 Pay'] }, 'SHOP-7 Fix cart'),
    after: board({ 'To Do': ['SHOP-8 Pay', 'SHOP-9 Ship'] }),
  },
  {
    app: 'workday',
    kind: 'other-record',
    name: 'details list: Manager value on another worker',
    before: details(
      [
        ['Worker ID', '21034'],
        ['Manager', 'Logan McNeil'],
        ['Location', 'Boston'],
      ],
      'Manager',
    ),
    after: details(
      [
        ['Worker ID', '21999'],
        ['Manager', 'Steve Morgan'],
        ['Location', 'Paris'],
      ],
      'Manager',
    ),
  },
  {
    app: 'workday',
    kind: 'other-record',
    name: 'details list: Manager value, fields reordered, its old value now under Location',
    before: details(
      [
        ['Manager', 'Logan McNeil'],
        ['Location', 'Boston'],
      ],
      'Manager',
    ),
    after: details(
      [
        ['Location', 'Logan McNeil'],
        ['Hire Date', '2020-01-01'],
        ['Manager', 'Boston'],
      ],
      'Manager',
    ),
  },
  {
    app: 'workday',
    kind: 'removed',
    name: 'details list: Manager gone, its value now under Mentor → null',
    before: details(
      [
        ['Manager', 'Logan McNeil'],
        ['Location', 'Boston'],
      ],
      'Manager',
    ),
    after: details([
      ['Location', 'Boston'],
      ['Mentor', 'Logan McNeil'],
    ]),
  },
];
