import { itemSchema, type Item } from '@/lib/content-model';
import type { Detection } from '@/lib/context';
import { app } from '@/lib/db/test-support';

/** Test-only: the desk app's items (service.test.ts, insights.test.ts). */
const base = {
  owner: 'ops@example.com',
  status: 'published',
  verify_by: '2027-06-01',
  updated_at: '2026-11-01',
  version: 1,
};
/** A published item with the fixture's owner, dates and version, and `fields` on top. */
export const publishedItem = (fields: Record<string, unknown>): Item =>
  itemSchema.parse({ ...base, ...fields });
const item = publishedItem;
/** A published how-to for the desk's ticket screen whose body repeats its title, `fields` on top. */
export const deskArticle = (
  id: string,
  title: string,
  fields: Record<string, unknown> = {},
): Item =>
  item({
    type: 'article',
    template: 'how-to',
    id,
    title,
    body: `${title}.`,
    targeting: { apps: ['desk'], screens: ['desk:ticket'] },
    ...fields,
  });

const ANCHOR = { v: 1, path: [], target: { tag: 'select', attrs: { 'data-test-id': 'priority' } } };
export const items: Item[] = [
  item({
    id: 'refund-orders',
    type: 'article',
    template: 'how-to',
    title: 'Refund an order',
    body: 'How to refund a customer order and issue store credit.',
    targeting: { apps: ['desk'], screens: ['desk:ticket'] },
  }),
  item({
    id: 'merge-tickets',
    type: 'article',
    template: 'how-to',
    title: 'Merge duplicate tickets',
    body: 'Merge two tickets from the same requester.',
    targeting: { apps: ['desk'], screens: ['desk:ticket'] },
  }),
  item({
    id: 'views-help',
    type: 'article',
    template: 'faq',
    title: 'Working with views',
    body: 'Views list tickets.',
    targeting: { apps: ['desk'], screens: ['desk:views'] },
  }),
  item({
    id: 'desk-wide',
    type: 'article',
    template: 'faq',
    title: 'Desk basics',
    body: 'Everything about the desk.',
    targeting: { apps: ['desk'] },
  }),
  item({
    id: 'refund-policy',
    type: 'article',
    template: 'policy',
    title: 'Refund policy',
    body: 'Refunds over 500 need approval.',
  }),
  item({
    id: 'expense-policy',
    type: 'article',
    template: 'policy',
    title: 'Expense policy',
    body: 'Expenses need receipts.',
  }),
  item({
    id: 'priority-tip',
    type: 'tip',
    title: 'Priority drives the SLA',
    body: 'Set **Priority** first.',
    anchor: ANCHOR,
    targeting: { apps: ['desk'], screens: ['desk:ticket'] },
  }),
  item({
    id: 'screen-tip',
    type: 'tip',
    title: 'Screen tip',
    body: 'No anchor.',
    targeting: { apps: ['desk'], screens: ['desk:ticket'] },
  }),
  item({
    id: 'billing-only',
    type: 'article',
    template: 'faq',
    title: 'Billing refunds FAQ',
    body: 'Refund questions for billing.',
    targeting: { apps: ['desk'], screens: ['desk:ticket'], teams: ['billing'] },
  }),
  item({
    id: 'stale',
    type: 'article',
    template: 'faq',
    title: 'Old refund article',
    body: 'Refund the old way.',
    verify_by: '2026-01-01',
    targeting: { apps: ['desk'], screens: ['desk:ticket'] },
  }),
  item({
    id: 'draft-refund',
    type: 'article',
    template: 'faq',
    title: 'Draft refund article',
    body: 'Refund draft.',
    status: 'draft',
    targeting: { apps: ['desk'], screens: ['desk:ticket'] },
  }),
  item({
    id: 'first-week',
    type: 'lesson',
    title: 'First week',
    objectives: ['Know the desk'],
    steps: [
      { title: 'A', body: 'a' },
      { title: 'B', body: 'b' },
    ],
    questions: [
      {
        id: 'q1',
        prompt: 'Pick',
        kind: 'multiple',
        choices: [
          { id: 'a', text: 'A' },
          { id: 'b', text: 'B' },
          { id: 'c', text: 'C' },
        ],
        correct: ['a', 'b'],
        explanation: 'A and B.',
      },
    ],
  }),
  item({ id: 'week-one', type: 'path', title: 'Week one', lessons: ['first-week'] }),
];

export const ticket = (subject?: string): Detection => ({
  app: 'desk',
  screen: 'ticket',
  record: { type: 'ticket', id: '1' },
  context: subject ? { subject } : {},
});
export const NOW = new Date('2026-11-28T12:00:00Z');

export const deskBundle = {
  apps: [
    {
      ...app('desk'),
      name: 'Desk',
      screens: [{ id: 'ticket', name: 'Ticket', match: { path: '^/t' }, dom: [], context: {} }],
    },
  ],
  items,
};
