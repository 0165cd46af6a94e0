import { rollupTables } from '../insights/rollups';

/**
 * The insights tables `waymark db copy` moves (after the content tables), with their columns and
 * the order they are dumped in. Rollups follow their description in server/insights/rollups.ts.
 */
const rollupNames = Object.keys(rollupTables) as (keyof typeof rollupTables)[];

export const insightTables = [
  'ins_names',
  'ins_installs',
  'ins_events',
  'ins_queries',
  ...rollupNames,
  'ins_salts',
  'ins_marks',
  'learning_records',
  'ins_learners',
  'ins_learner_sets',
  'ins_guidance',
  'ins_helpdesk_imports',
  'ins_helpdesk_tickets',
  'ins_gaps',
  'ins_settings',
  'ins_content_requests',
] as const;
export type InsightTable = (typeof insightTables)[number];

type Order = readonly (readonly [string, 'text' | 'number'])[];
type RollupName = keyof typeof rollupTables;

function perRollup<V>(make: (name: RollupName) => V): Record<RollupName, V> {
  return Object.fromEntries(rollupNames.map((name) => [name, make(name)])) as Record<RollupName, V>;
}

const rollupColumns = perRollup<readonly string[]>((name) => {
  const { keys, values } = rollupTables[name];
  return [...keys.map(([k]) => k), ...values];
});
const rollupOrder = perRollup<Order>((name) =>
  rollupTables[name].keys.map(([k, type]) => [k, type === 'int' ? 'number' : 'text'] as const),
);

export const insightColumns: Readonly<Record<InsightTable, readonly string[]>> = {
  ins_names: ['id', 'name'],
  ins_installs: ['id', 'install', 'last_day'],
  ins_events: ['install', 'seq', 'day', 'type', 'team', 'f', 'query'],
  ins_queries: ['id', 'text', 'first_day', 'last_day', 'peak'],
  ...rollupColumns,
  ins_salts: ['week', 'salt'],
  ins_marks: ['week', 'scope', 'person', 'last_day'],
  learning_records: ['email', 'team', 'day', 'type', 'subject', 'body'],
  ins_learners: ['id', 'email'],
  ins_learner_sets: ['kind', 'period', 'key', 'type', 'bits'],
  ins_guidance: ['app', 'record', 'first_day', 'last_day', 'team', 'opened', 'agent', 'agent_week'],
  ins_helpdesk_imports: ['id', 'at', 'actor', 'summary'],
  ins_helpdesk_tickets: [
    'import',
    'day',
    'team',
    'cohort',
    'agent',
    'agent_week',
    'resolution',
    'log_resolution',
    'reopens',
    'replies',
  ],
  ins_gaps: ['app', 'screen', 'status', 'item', 'updated_at', 'updated_by'],
  ins_settings: ['key', 'value'],
  ins_content_requests: ['id', 'day', 'app', 'screen', 'query', 'text'],
};

export const insightOrder: Readonly<Record<InsightTable, Order>> = {
  ins_names: [['id', 'number']],
  ins_installs: [['id', 'number']],
  ins_events: [
    ['install', 'number'],
    ['seq', 'number'],
  ],
  ins_queries: [['id', 'number']],
  ...rollupOrder,
  ins_salts: [['week', 'text']],
  ins_marks: [
    ['week', 'text'],
    ['scope', 'text'],
    ['person', 'text'],
  ],
  learning_records: [
    ['email', 'text'],
    ['day', 'text'],
    ['type', 'text'],
    ['subject', 'text'],
    ['body', 'text'],
  ],
  ins_learners: [['id', 'number']],
  ins_learner_sets: [
    ['kind', 'text'],
    ['period', 'text'],
    ['key', 'text'],
    ['type', 'text'],
  ],
  ins_guidance: [
    ['app', 'text'],
    ['record', 'text'],
  ],
  ins_helpdesk_imports: [['id', 'number']],
  ins_helpdesk_tickets: [
    ['import', 'number'],
    ['day', 'text'],
    ['team', 'text'],
    ['cohort', 'text'],
    ['agent', 'text'],
    ['resolution', 'number'],
  ],
  ins_gaps: [
    ['app', 'text'],
    ['screen', 'text'],
  ],
  ins_settings: [['key', 'text']],
  ins_content_requests: [['id', 'text']],
};
