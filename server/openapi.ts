import { z } from 'zod';
import {
  appSchema,
  feedPageSchema,
  itemSchema,
  contentSettingsSchema,
  meSchema,
  templateSchema,
} from '@/lib/content-model';
import { anchorReportBody, transitionBody } from './governance-schemas';
import { auditEntrySchema } from '@/lib/content-model/audit';
import { conflictSchema, errorSchema } from './http';
import { governancePaths } from './openapi-governance';
import { announcementPaths } from './openapi-announcements';
import { templatePaths } from './openapi-templates';
import { insightPaths, insightSchemas } from './openapi-insights';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

function schema(s: z.ZodType): object {
  // Rules written as code (refinements) are not representable; the shapes are what clients need.
  const json: Record<string, unknown> = z.toJSONSchema(s, { unrepresentable: 'any' });
  delete json.$schema; // components are embedded in the document, which sets the dialect
  return json;
}

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: ref('Error') } },
});

const authErrors = {
  '401': errorResponse('Missing, unknown or revoked token'),
  '429': errorResponse('Too many failed sign-ins from this address (see Retry-After)'),
};

/** The OpenAPI 3.1 document, generated from the same zod schemas the server and extension use. */
export function openApiDocument(serverUrl?: string): object {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Waymark content server',
      version: '1',
      description:
        'The content feed of Waymark (a paged delta feed of items, apps and tombstones; items in a feed page are validated one by one against Item) and the governed authoring workflow (draft → in_review → published → archived, versions, audit trail), and insights: events in, views out (schemas shared in lib/insights/views.ts).',
    },
    ...(serverUrl === undefined ? {} : { servers: [{ url: serverUrl }] }),
    security: [{ bearer: [] }],
    paths: {
      '/healthz': {
        get: {
          summary: 'Liveness check',
          security: [],
          responses: { '200': { description: 'The server is up' } },
        },
      },
      '/readyz': {
        get: {
          summary:
            'Readiness: the database answers, its schema is current, the server is not stopping',
          security: [],
          responses: {
            '200': { description: 'Ready to serve' },
            '503': { description: 'Not ready (the body says which part)' },
          },
        },
      },
      '/v1/me': {
        get: {
          summary: 'Who the token belongs to',
          responses: {
            '200': {
              description: 'The caller',
              content: { 'application/json': { schema: ref('Me') } },
            },
            ...authErrors,
          },
        },
      },
      '/v1/content-settings': {
        get: {
          summary: "The organisation's content settings: its default content language",
          responses: {
            '200': {
              description: 'The settings',
              content: { 'application/json': { schema: ref('ContentSettings') } },
            },
            ...authErrors,
          },
        },
      },
      '/v1/feed': {
        get: {
          summary: 'One page of the delta feed after a cursor',
          parameters: [
            { name: 'cursor', in: 'query', required: false, schema: { type: 'string' } },
            {
              name: 'limit',
              in: 'query',
              required: false,
              schema: { type: 'integer', minimum: 1, maximum: 1000, default: 200 },
            },
            { name: 'If-None-Match', in: 'header', required: false, schema: { type: 'string' } },
          ],
          responses: {
            '200': {
              description: 'A feed page (items are Item objects, apps are AppDefinition objects)',
              headers: { ETag: { schema: { type: 'string' } } },
              content: { 'application/json': { schema: ref('FeedPage') } },
            },
            '304': { description: 'Not modified since the ETag sent in If-None-Match' },
            '400': errorResponse('A malformed query parameter (named in the message)'),
            '410': errorResponse('The cursor expired or is unknown: start again from zero'),
            ...authErrors,
          },
        },
      },
      ...governancePaths,
      ...templatePaths,
      ...announcementPaths,
      ...insightPaths,
      '/v1/auth/config': {
        get: {
          summary: "How to sign in: the identity provider's endpoints and name (docs/sign-in.md)",
          security: [],
          responses: {
            '200': { description: 'The provider the extension signs in through' },
            '404': errorResponse('This server has no identity provider configured'),
          },
        },
      },
      '/v1/openapi.json': {
        get: {
          summary: 'This document',
          security: [],
          responses: { '200': { description: 'OpenAPI 3.1 document' } },
        },
      },
    },
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'opaque (wmk_…)' },
      },
      schemas: {
        FeedPage: schema(feedPageSchema),
        Me: schema(meSchema),
        ContentSettings: schema(contentSettingsSchema),
        Item: schema(itemSchema),
        AppDefinition: schema(appSchema),
        Error: schema(errorSchema),
        Conflict: schema(conflictSchema),
        TransitionBody: schema(transitionBody),
        AnchorReports: schema(anchorReportBody),
        AuditEntry: schema(auditEntrySchema),
        Template: schema(templateSchema),
        ...Object.fromEntries(Object.entries(insightSchemas).map(([name, s]) => [name, schema(s)])),
      },
    },
  };
}
