import { labelledInputs, tabs, ticketWithSide, withDialog } from './panels-pages';
import type { Scenario } from './types';

/** Controls repeated across panels, dialogs and side panels (pages in panels-pages.ts). */
export const panelScenarios: Scenario[] = [
  {
    app: 'generic',
    kind: 'look-alikes',
    name: 'tab panels: Save of Notes, tabs reordered (Notes keeps its position)',
    before: tabs(['Details', 'Notes', 'History'], 'Notes'),
    after: tabs(['History', 'Notes', 'Details'], 'Notes', 'Details'),
  },
  {
    app: 'generic',
    kind: 'look-alikes',
    name: "tab panels: Save of Notes, Notes now first (its positional id is another panel's)",
    before: tabs(['Details', 'Notes', 'History'], 'Notes'),
    after: tabs(['Notes', 'Details', 'History'], 'Notes'),
  },
  {
    app: 'generic',
    kind: 'removed',
    name: 'tab panels: Notes tab gone, another panel has its id → null',
    before: tabs(['Details', 'Notes', 'History'], 'Notes'),
    after: tabs(['History', 'Details']),
  },
  {
    app: 'generic',
    kind: 'removed',
    name: 'dialog: its Save, dialog closed (the page keeps a Save) → null',
    before: withDialog({ dialog: 'Edit contact', mark: 'dialog' }),
    after: withDialog({}),
  },
  {
    app: 'generic',
    kind: 'look-alikes',
    name: "dialog: the page's Save made while the dialog was open, dialog closed",
    before: withDialog({ dialog: 'Edit contact', mark: 'page' }),
    after: withDialog({ mark: 'page' }),
  },
  {
    app: 'generic',
    kind: 'other-record',
    name: 'dialog titled with the record ("Edit contact: Ada Lovelace"), opened for another → hard',
    before: withDialog({ dialog: 'Edit contact: Ada Lovelace', mark: 'dialog' }),
    after: withDialog({ dialog: 'Edit contact: Bob Smith', mark: 'dialog' }),
  },
  {
    app: 'generic',
    kind: 'other-record',
    name: 'labels before inputs (no for): Phone, fields swapped, values changed',
    before: labelledInputs(
      [
        ['Phone', '555-0100'],
        ['Mobile', '555-0199'],
      ],
      'Phone',
    ),
    after: labelledInputs(
      [
        ['Mobile', '555-0111'],
        ['Phone', '555-0122'],
      ],
      'Phone',
    ),
  },
  {
    app: 'generic',
    kind: 'removed',
    name: 'labels before inputs: Phone removed, Mobile stays → null',
    before: labelledInputs(
      [
        ['Phone', '555-0100'],
        ['Mobile', '555-0199'],
      ],
      'Phone',
    ),
    after: labelledInputs([
      ['Mobile', '555-0111'],
      ['Email', 'ada@example.com'],
    ]),
  },
  {
    app: 'zendesk',
    kind: 'removed',
    name: 'side conversation: its Send, panel closed (footer submit shares the test id) → null',
    before: ticketWithSide({ side: true, mark: 'side' }),
    after: ticketWithSide({}),
  },
  {
    app: 'zendesk',
    kind: 'look-alikes',
    name: 'footer submit made with a side conversation open, then closed',
    before: ticketWithSide({ side: true, mark: 'footer' }),
    after: ticketWithSide({ mark: 'footer' }),
  },
  {
    app: 'zendesk',
    kind: 'look-alikes',
    name: 'footer submit, a side conversation opened since',
    before: ticketWithSide({ mark: 'footer' }),
    after: ticketWithSide({ side: true, mark: 'footer' }),
  },
];
