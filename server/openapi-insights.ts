import { z } from 'zod';
import {
  contentRequestSchema,
  contentRequestsResponseSchema,
  eventsRequestSchema,
  eventsResponseSchema,
  MAX_CONTENT_REQUESTS,
} from '@/lib/insights';
import {
  contentViewSchema,
  gapDraftBodySchema,
  gapStateBodySchema,
  gapStateSchema,
  gapsViewSchema,
  guidanceViewSchema,
  helpdeskImportSchema,
  holdoutStatusSchema,
  impactViewSchema,
  insightSettingsSchema,
  itemViewSchema,
  learningViewSchema,
  myLearningSchema,
  screenViewSchema,
  settingsChangeSchema,
  teamsViewSchema,
} from '@/lib/insights/views';

/** The insights routes' part of the OpenAPI document (schemas: lib/insights/views.ts). */
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object) => ({ 'application/json': { schema } });
const error = (description: string) => ({ description, content: json(ref('Error')) });
const common = {
  '401': error('Missing, unknown or revoked token'),
  '403': error('The role may not call this route (learners: every insights view)'),
};

export const insightSchemas: Record<string, z.ZodType> = {
  EventsRequest: eventsRequestSchema,
  EventsResponse: eventsResponseSchema,
  // The route reads each element on its own (rejected by index); this is what a good one is.
  ContentRequests: z.strictObject({
    requests: z.array(contentRequestSchema).min(1).max(MAX_CONTENT_REQUESTS),
  }),
  ContentRequestsResponse: contentRequestsResponseSchema,
  GapsView: gapsViewSchema,
  ContentView: contentViewSchema,
  GuidanceView: guidanceViewSchema,
  LearningView: learningViewSchema,
  TeamsView: teamsViewSchema,
  ImpactView: impactViewSchema,
  ScreenView: screenViewSchema,
  ItemView: itemViewSchema,
  MyLearning: myLearningSchema,
  HoldoutStatus: holdoutStatusSchema,
  InsightSettings: insightSettingsSchema,
  SettingsChange: settingsChangeSchema,
  GapStateBody: gapStateBodySchema,
  GapState: gapStateSchema,
  GapDraftBody: gapDraftBodySchema,
  HelpdeskImport: helpdeskImportSchema,
};

const rangeParameters = [
  {
    name: 'since',
    in: 'query',
    required: false,
    description: 'How far back: 30d, 12w, 6m, 1y or a day YYYY-MM-DD (default 30d)',
    schema: { type: 'string' },
  },
  {
    name: 'until',
    in: 'query',
    required: false,
    description: 'The last day (default today)',
    schema: { type: 'string', format: 'date' },
  },
  {
    name: 'app',
    in: 'query',
    required: false,
    description: 'Only this app',
    schema: { type: 'string' },
  },
  {
    name: 'format',
    in: 'query',
    required: false,
    schema: { enum: ['json', 'csv'], default: 'json' },
  },
  {
    name: 'table',
    in: 'query',
    required: false,
    description: 'CSV: which of the view’s tables (default its first)',
    schema: { type: 'string' },
  },
];
const path = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });

function view(summary: string, schema: string, parameters: object[] = []) {
  return {
    get: {
      summary,
      parameters: [...parameters, ...rangeParameters],
      responses: {
        '200': {
          description: `${schema} (JSON), or one of its tables as CSV with format=csv`,
          content: { ...json(ref(schema)), 'text/csv': { schema: { type: 'string' } } },
        },
        '400': error('A bad parameter (named)'),
        ...common,
      },
    },
  };
}

export const insightPaths = {
  '/v1/events': {
    post: {
      summary:
        'Insight events from an extension, stored once per (install, seq) (lib/insights/wire.ts)',
      requestBody: { required: true, content: json(ref('EventsRequest')) },
      responses: {
        '200': {
          description: 'Every event accepted, a duplicate, or rejected by index',
          content: json(ref('EventsResponse')),
        },
        '400': error(
          'The request itself is malformed (unknown fields, bad install id, over 500 events)',
        ),
        '413': error('Over 1,000,000 bytes: send fewer events'),
        '429': error('Too many batches from this user (see Retry-After)'),
        '401': common['401'],
      },
    },
  },
  '/v1/content-requests': {
    post: {
      summary:
        'Learners’ content requests, stored once per id; scrubbed words, no user id (lib/insights/content-requests.ts)',
      requestBody: { required: true, content: json(ref('ContentRequests')) },
      responses: {
        '200': {
          description: 'Every request accepted, a duplicate, or rejected by index',
          content: json(ref('ContentRequestsResponse')),
        },
        '400': error('The body itself is malformed (unknown fields, over 50 requests)'),
        '413': error('Over 64,000 bytes'),
        '429': error('Too many requests from this user (see Retry-After)'),
        '401': common['401'],
      },
    },
  },
  '/v1/me/learning': {
    get: {
      summary: 'The signed-in learner’s own lesson, quiz and path records',
      responses: {
        '200': { description: 'Named records', content: json(ref('MyLearning')) },
        '401': common['401'],
      },
    },
  },
  '/v1/me/holdout': {
    get: {
      summary: 'Whether the user’s team is held out of guidance today (an impact experiment)',
      responses: {
        '200': { description: 'Holdout status', content: json(ref('HoldoutStatus')) },
        '401': common['401'],
      },
    },
  },
  '/v1/insights/gaps': view(
    'Failed searches by app and screen, with trend, words (k rule), status and gap-closed deltas',
    'GapsView',
  ),
  '/v1/insights/content': view(
    'Usage, click-through, helpful share and reasons per item; hot but stale; never opened',
    'ContentView',
  ),
  '/v1/insights/guidance': view(
    'Tips whose element was not found: failure rate, since when, after how many clean days',
    'GuidanceView',
  ),
  '/v1/insights/learning': view(
    'Lesson funnels, step drop-off, question difficulty and distractors, time to complete paths',
    'LearningView',
  ),
  '/v1/insights/teams': view(
    'Weekly active against eligible, searching and question difficulty per team (≥ 5 people a cell)',
    'TeamsView',
  ),
  '/v1/insights/impact': view(
    'Indicators, the helpdesk association and a holdout’s causal estimate',
    'ImpactView',
  ),
  '/v1/insights/screens/{app}/{screen}': view(
    'One screen, for the side panel (screen "-" for an unrecognised page)',
    'ScreenView',
    [path('app'), path('screen')],
  ),
  '/v1/insights/items/{id}': view('One item, for the side panel', 'ItemView', [path('id')]),
  '/v1/insights/gaps/{app}/{screen}': {
    put: {
      summary:
        'Set a gap’s status (open, addressed, dismissed) and the item that answers it; audited',
      parameters: [path('app'), path('screen')],
      requestBody: { required: true, content: json(ref('GapStateBody')) },
      responses: {
        '200': { description: 'The gap as stored', content: json(ref('GapState')) },
        '400': error('A bad field or an unknown item'),
        ...common,
      },
    },
  },
  '/v1/insights/gaps/{app}/{screen}/draft': {
    post: {
      summary:
        'Create content from a gap: a draft from a template, targeted at the screen, prefilled with what people searched for, linked to the gap',
      parameters: [path('app'), path('screen')],
      requestBody: { required: false, content: json(ref('GapDraftBody')) },
      responses: {
        '201': {
          description: '{gap, item}: the draft item (status draft)',
          content: json({
            type: 'object',
            properties: { gap: { type: 'string' }, item: ref('Item') },
          }),
        },
        '400': error('An unknown template, or a draft the item schema refuses (field named)'),
        '409': error('The id is taken'),
        ...common,
      },
    },
  },
  '/v1/insights/settings': {
    get: {
      summary: 'The query threshold, the analytics level the server takes, the holdout (admins)',
      responses: {
        '200': { description: 'Settings', content: json(ref('InsightSettings')) },
        ...common,
      },
    },
    put: {
      summary: 'Change settings (admins; every change audit-logged; the threshold never below 3)',
      requestBody: { required: true, content: json(ref('SettingsChange')) },
      responses: {
        '200': { description: 'The settings now', content: json(ref('InsightSettings')) },
        '400': error('A bad value (named)'),
        ...common,
      },
    },
  },
  '/v1/insights/helpdesk': {
    post: {
      summary:
        'Import a helpdesk ticket-metrics export (CSV; admins): ids hashed with the organisation key, joined, dropped',
      parameters: [
        {
          name: 'app',
          in: 'query',
          required: false,
          schema: { type: 'string', default: 'zendesk' },
        },
        {
          name: 'record_type',
          in: 'query',
          required: false,
          schema: { type: 'string', default: 'ticket' },
        },
      ],
      requestBody: { required: true, content: { 'text/csv': { schema: { type: 'string' } } } },
      responses: {
        '201': { description: 'What was imported', content: json(ref('HelpdeskImport')) },
        '400': error('No organisation key on the server, or an export without id or date columns'),
        '413': error('Over 64 MB'),
        ...common,
      },
    },
  },
};
