import { auditActions } from '@/lib/content-model/audit';

/** The governance routes' part of the OpenAPI document (see openapi.ts for the rest). */
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object) => ({ 'application/json': { schema } });
const error = (description: string) => ({ description, content: json(ref('Error')) });
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
const ifMatch = {
  name: 'If-Match',
  in: 'header',
  required: false,
  schema: { type: 'string' },
  description: 'The version the change is based on, e.g. "3" (the ETag of the item read)',
};
const common = {
  '401': error('Missing, unknown or revoked token'),
  '403': error('The role may not call this route, or the rule of the step refuses the caller'),
  '429': error('Too many failed sign-ins from this address (see Retry-After)'),
};
const itemOk = {
  description: 'The item at its new version (ETag: its version)',
  content: json(ref('Item')),
};
const conflict = {
  description:
    'Stale version or a status the step does not allow (current_version says where it is)',
  content: json(ref('Conflict')),
};

function transition(summary: string, body: object = ref('TransitionBody')) {
  return {
    post: {
      summary,
      parameters: [idParam, ifMatch],
      requestBody: { required: false, content: json(body) },
      responses: {
        '200': itemOk,
        '400': error('A bad body field (named in the message)'),
        '404': error('No such item'),
        '409': conflict,
        ...common,
      },
    },
  };
}

const listOf = (key: string, items: object) => ({
  type: 'object',
  properties: { [key]: { type: 'array', items } },
});

export const governancePaths = {
  '/v1/items': {
    get: {
      summary: 'Every item at its newest version, any status (authors, reviewers, admins)',
      parameters: ['status', 'owner'].map((name) => ({
        name,
        in: 'query',
        required: false,
        schema: { type: 'string' },
      })),
      responses: {
        '200': { description: 'The items', content: json(listOf('items', ref('Item'))) },
        ...common,
      },
    },
    post: {
      summary:
        'Create an item at version 1, owned by the caller unless it names an owner: a draft, or with ?submit=true in review',
      parameters: [
        {
          name: 'submit',
          in: 'query',
          required: false,
          schema: { type: 'string', enum: ['true'] },
        },
      ],
      requestBody: { required: true, content: json(ref('Item')) },
      responses: {
        '201': itemOk,
        '400': error('A bad field (named)'),
        '409': conflict,
        '413': error('Body over 1 MB'),
        ...common,
      },
    },
  },
  '/v1/items/{id}': {
    get: {
      summary: 'One item: its newest version (authors+), or its live published copy (learners)',
      parameters: [idParam],
      responses: {
        '200': itemOk,
        '404': error('No such item, or none the caller may see'),
        ...common,
      },
    },
    put: {
      summary: 'Edit an item: a new draft version; a published copy stays live until approved',
      parameters: [idParam, ifMatch],
      requestBody: { required: true, content: json(ref('Item')) },
      responses: {
        '200': itemOk,
        '400': error('A bad field, or no base version'),
        '404': error('No such item'),
        '409': conflict,
        '413': error('Body over 1 MB'),
        ...common,
      },
    },
  },
  '/v1/items/{id}/versions': {
    get: {
      summary: 'The version history: number, status, author and time of each version',
      parameters: [idParam],
      responses: {
        '200': { description: 'The versions, oldest first' },
        '404': error('No such item'),
        ...common,
      },
    },
  },
  '/v1/items/{id}/history': {
    get: {
      summary:
        "What happened to one item, newest first: who created, edited, submitted, reviewed (with the reviewer's comment), published, archived, verified or rolled it back",
      parameters: [idParam],
      responses: {
        '200': { description: 'The audit entries for this item, newest first (at most 200)' },
        '404': error('No such item'),
        ...common,
      },
    },
  },
  '/v1/items/{id}/submit': transition('draft → in_review (authors+)'),
  '/v1/items/{id}/approve': transition('in_review → published (reviewers; never the last editor)'),
  '/v1/items/{id}/request-changes': transition(
    'in_review → draft, with a required comment (reviewers)',
  ),
  '/v1/items/{id}/archive': transition('→ archived; learners get a tombstone (reviewers)'),
  '/v1/items/{id}/rollback': transition(
    'Publish a copy of an earlier published version as a new version (reviewers)',
    {
      type: 'object',
      required: ['version'],
      properties: { version: { type: 'integer', minimum: 1 }, comment: { type: 'string' } },
    },
  ),
  '/v1/items/{id}/verify': transition(
    "Set verify_by to today + the item's verify_days (default 90) on a published item (its owner or an admin)",
  ),
  '/v1/verification': {
    get: {
      summary:
        "Published items past verify_by and tips with broken anchors: the caller's (admins: all)",
      responses: { '200': { description: '{overdue, broken_anchors}' }, ...common },
    },
  },
  '/v1/anchor-reports': {
    post: {
      summary: 'Report anchors that did not resolve: counts per item, app and screen only',
      requestBody: { required: true, content: json(ref('AnchorReports')) },
      responses: {
        '200': { description: '{accepted, ignored}' },
        '400': error('A bad field (named)'),
        ...common,
      },
    },
  },
  '/v1/audit': {
    get: {
      summary: 'The append-only audit trail, newest first (admins)',
      parameters: [
        ...['item', 'actor', 'since', 'before'].map((name) => ({
          name,
          in: 'query',
          required: false,
          schema: { type: 'string' },
        })),
        { name: 'action', in: 'query', required: false, schema: { enum: [...auditActions] } },
        {
          name: 'limit',
          in: 'query',
          required: false,
          schema: { type: 'integer', minimum: 1, maximum: 500, default: 100 },
        },
      ],
      responses: {
        '200': { description: '{entries, next}: pass next as before for the next page' },
        '400': error('A bad query parameter'),
        ...common,
      },
    },
  },
};
