import type { Context, Hono } from 'hono';
import { HttpError, readJson, type ServerEnv } from '../http';
import type { groupAssigner } from '../identity/groups';
import type { Store } from '../store';
import { filterColumn, ScimConflictError } from '../store/identity-plans';
import type { ScimGroupRecord, ScimQuery, ScimUserRecord } from '../store/identity-types';
import { parseFilter, ScimError } from './wire';

/** What the SCIM route files share: the context, the JSON answer, refusals as SCIM errors. */
export type Ctx = Context<ServerEnv>;
export const SCIM_JSON = { 'Content-Type': 'application/scim+json' };

export const scimJson = (c: Ctx, body: unknown, status: 200 | 201 = 200) =>
  c.body(JSON.stringify(body), status, SCIM_JSON);

/** Runs a SCIM handler, answering every refusal as a SCIM error body. */
export const scim =
  (work: (c: Ctx) => Promise<Response>) =>
  async (c: Ctx): Promise<Response> => {
    try {
      return await work(c);
    } catch (error) {
      const refusal =
        error instanceof ScimError
          ? error
          : error instanceof ScimConflictError
            ? new ScimError(409, error.message, 'uniqueness')
            : error instanceof HttpError && error.status === 400
              ? new ScimError(400, error.message, 'invalidSyntax')
              : undefined;
      if (refusal === undefined) throw error;
      return c.body(JSON.stringify(refusal.body()), refusal.status, SCIM_JSON);
    }
  };

export async function parse<T>(
  c: Ctx,
  schema: {
    safeParse: (v: unknown) => {
      success: boolean;
      data?: T;
      error?: { issues: { path: PropertyKey[]; message: string }[] };
    };
  },
): Promise<T> {
  const parsed = schema.safeParse(await readJson(c));
  if (!parsed.success) {
    const issue = parsed.error?.issues[0];
    throw new ScimError(
      400,
      `${issue?.path.join('.') || 'body'}: ${issue?.message}`,
      'invalidValue',
    );
  }
  return parsed.data as T;
}

export function queryOf(c: Ctx, columns: Readonly<Record<string, string>>): ScimQuery {
  const filter = parseFilter(c.req.query('filter'));
  if (filter !== undefined && filterColumn(columns, filter) === undefined)
    throw new ScimError(400, `cannot filter on ${filter.attribute}`, 'invalidFilter');
  const number = (name: string, fallback: number, max: number) => {
    const raw = Number(c.req.query(name) ?? fallback);
    return Number.isInteger(raw)
      ? Math.min(Math.max(raw, name === 'count' ? 0 : 1), max)
      : fallback;
  };
  return { filter, startIndex: number('startIndex', 1, 1e9), count: number('count', 100, 200) };
}

export const notFound = (type: string, id: string) =>
  new ScimError(404, `${type} ${id} not found`, 'noTarget');
export const userWriteOf = (r: ScimUserRecord) => ({
  userName: r.userName,
  email: r.email,
  externalId: r.externalId,
  displayName: r.displayName,
  active: r.active,
});
export const groupWriteOf = (r: ScimGroupRecord) => ({
  displayName: r.displayName,
  externalId: r.externalId,
  members: r.members.map((m) => m.id),
});

export const idOf = (c: Ctx) => c.req.param('id') ?? '';

/** Where the SCIM resources live, for `meta.location`. */
export const scimBase = (c: Ctx) => `${new URL(c.req.url).origin}/scim/v2`;

export interface ScimRouteDeps {
  app: Hono<ServerEnv>;
  store: Store;
  assign: ReturnType<typeof groupAssigner>;
}
