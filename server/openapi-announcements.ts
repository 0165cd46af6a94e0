/** The acknowledgement routes' part of the OpenAPI document (see openapi.ts for the rest). */
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object) => ({ 'application/json': { schema } });
const error = (description: string) => ({ description, content: json(ref('Error')) });
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
const common = {
  '401': error('Missing, unknown or revoked token'),
  '403': error('The role may not call this route'),
  '429': error('Too many failed sign-ins from this address (see Retry-After)'),
};
const acknowledgement = {
  type: 'object',
  required: ['email', 'at'],
  properties: { email: { type: 'string' }, at: { type: 'string', format: 'date-time' } },
};

export const announcementPaths = {
  '/v1/items/{id}/acknowledge': {
    post: {
      summary:
        'The caller read an announcement that asks for acknowledgement (anyone it is for; the first time counts, sending it again changes nothing)',
      parameters: [idParam],
      responses: {
        '200': {
          description: '{item, at}: when the caller first acknowledged it',
          content: json({
            type: 'object',
            required: ['item', 'at'],
            properties: { item: { type: 'string' }, at: { type: 'string', format: 'date-time' } },
          }),
        },
        '400': error('Not an announcement readers acknowledge'),
        '404': error('No such item the caller may read'),
        ...common,
      },
    },
  },
  '/v1/items/{id}/acknowledgements': {
    get: {
      summary:
        'How many of an announcement’s audience (active users of its teams) acknowledged it, and who (authors, reviewers, admins)',
      parameters: [idParam],
      responses: {
        '200': {
          description: '{item, acknowledge, audience, acknowledged, people}',
          content: json({
            type: 'object',
            required: ['item', 'acknowledge', 'audience', 'acknowledged', 'people'],
            properties: {
              item: { type: 'string' },
              acknowledge: { type: 'boolean' },
              audience: { type: 'integer' },
              acknowledged: { type: 'integer' },
              people: { type: 'array', items: acknowledgement },
            },
          }),
        },
        '404': error('No such item'),
        ...common,
      },
    },
  },
};
