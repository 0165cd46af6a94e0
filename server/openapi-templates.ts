/** The template routes' part of the OpenAPI document (see openapi.ts for the rest). */
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object) => ({ 'application/json': { schema } });
const error = (description: string) => ({ description, content: json(ref('Error')) });
const common = {
  '401': error('Missing, unknown or revoked token'),
  '403': error('The role may not call this route'),
  '429': error('Too many failed sign-ins from this address (see Retry-After)'),
};

export const templatePaths = {
  '/v1/templates': {
    get: {
      summary:
        'The templates authors start items from, by item type (article, tip, lesson, path) then name (authors, reviewers, admins)',
      responses: {
        '200': {
          description: '{templates}',
          content: json({
            type: 'object',
            required: ['templates'],
            properties: { templates: { type: 'array', items: ref('Template') } },
          }),
        },
        ...common,
      },
    },
  },
  '/v1/templates/{id}': {
    put: {
      summary:
        'Create or replace a template (admins; audited). It must make a valid item of its type once an author adds an id and a title.',
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
      requestBody: { required: true, content: json(ref('Template')) },
      responses: {
        '200': {
          description: 'The template, changed (or already so)',
          content: json(ref('Template')),
        },
        '201': { description: 'The template, created', content: json(ref('Template')) },
        '400': error('A bad field (named), or an id that differs from the path'),
        '413': error('Body over 1 MB'),
        ...common,
      },
    },
  },
};
