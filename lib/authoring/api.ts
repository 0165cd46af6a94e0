import { z } from 'zod';
import { itemSchema, templateSchema, type Item, type Template } from '@/lib/content-model';
import { auditEntrySchema } from '@/lib/content-model/audit';
import {
  itemViewSchema,
  screenViewSchema,
  type ItemView,
  type ScreenView,
} from '@/lib/insights/views';
import type {
  AcknowledgementCount,
  AuditPage,
  AuditQuery,
  AuthorItem,
  AuthorItemDetail,
  AuthorResult,
  VerificationQueue,
  WorkflowStep,
} from '@/lib/messages';

type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

export interface AuthorApiOptions {
  serverUrl: string;
  token: string;
  fetch: Fetch;
  /** Abandon a request after this long (a hung server must not hang the panel). */
  timeoutMs?: number;
}

const errorBody = z.object({
  error: z.string(),
  message: z.string(),
  current_version: z.number().int().nullable().optional(),
});

const authorItem = z.object({
  id: z.string(),
  type: z.enum(['article', 'tip', 'lesson', 'path', 'announcement']),
  title: z.string(),
  status: z.enum(['draft', 'in_review', 'published', 'archived']),
  owner: z.string(),
  version: z.number().int(),
  updated_at: z.string(),
  verify_by: z.string().optional(),
});
const versionsBody = z.object({
  id: z.string(),
  versions: z.array(
    z.object({
      version: z.number().int(),
      status: z.enum(['draft', 'in_review', 'published', 'archived']),
      author: z.string().nullable(),
      created_at: z.string(),
    }),
  ),
});
const queueBody = z.object({
  overdue: z.array(
    z.object({
      id: z.string(),
      type: z.enum(['article', 'tip', 'lesson', 'path', 'announcement']),
      title: z.string(),
      owner: z.string(),
      verify_by: z.string(),
      version: z.number().int(),
    }),
  ),
  broken_anchors: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      owner: z.string(),
      app: z.string(),
      screen: z.string(),
      count: z.number().int(),
      last_reported_at: z.string(),
    }),
  ),
});

/** `?a=1&b=2` from the filled-in string values of `query` (empty when there are none). */
function searchOf(query: object): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (typeof value === 'string' && value !== '') params.set(key, value);
  return params.size > 0 ? `?${params.toString()}` : '';
}

const failed = (status: number, problem: string, currentVersion?: number): AuthorResult<never> => ({
  ok: false,
  status,
  problem,
  ...(currentVersion === undefined ? {} : { currentVersion }),
});

/** What a refusal means to an author, in words, with the server's own reason where it gave one. */
function describeRefusal(status: number, message: string | undefined, where: string): string {
  const reason = message === undefined ? '' : ` ${message}.`;
  switch (status) {
    case 400:
      return `The server did not accept this:${reason}`;
    case 401:
      return `The server at ${where} refused the token: sign in again in Waymark's options.`;
    case 403:
      return `Not allowed:${reason}`;
    case 404:
      return `Not found on the server:${reason}`;
    case 409:
      return `Someone else changed it first:${reason} Reload it, then make your change again.`;
    case 413:
      return 'This is too large for the server (over 1 MB).';
    case 429:
      return 'The server is refusing requests for a moment (too many attempts); try again shortly.';
    default:
      return `The server at ${where} answered ${status}.${reason}`;
  }
}

/**
 * The content server's authoring API, for the background (which holds the token). Every answer
 * is validated; every failure becomes an `AuthorResult` with a problem in words (and, for a
 * conflict, the version the server holds) — the side panel never sees a raw exception.
 */
/** `GET /v1/items/:id/acknowledgements` (server/announcement-routes.ts). */
const acknowledgementCountSchema = z.object({
  item: z.string(),
  acknowledge: z.boolean(),
  audience: z.number().int().min(0),
  acknowledged: z.number().int().min(0),
  people: z.array(z.object({ email: z.string(), at: z.string() })).max(100_000),
});

export class AuthorApi {
  readonly #base: string;

  constructor(private readonly options: AuthorApiOptions) {
    this.#base = options.serverUrl.replace(/\/+$/, '');
  }

  async #call<T>(
    method: string,
    path: string,
    schema: z.ZodType<T>,
    init: { body?: unknown; ifMatch?: number } = {},
  ): Promise<AuthorResult<T>> {
    const where = new URL(this.#base).host;
    let response: Response;
    try {
      response = await this.options.fetch(`${this.#base}${path}`, {
        method,
        headers: {
          Authorization: `Bearer ${this.options.token}`,
          Accept: 'application/json',
          ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...(init.ifMatch === undefined ? {} : { 'If-Match': `"${init.ifMatch}"` }),
        },
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 15_000),
      });
    } catch (error) {
      const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
      return failed(
        0,
        timedOut
          ? `The server at ${where} did not answer in time; nothing was changed on this side.`
          : `Could not reach the server at ${where}; check the connection. Your draft is kept here.`,
      );
    }
    let json: unknown;
    try {
      json = await response.json();
    } catch {
      return failed(
        response.status,
        `The server at ${where} answered ${method} ${path} with something that is not JSON (${response.status}).`,
      );
    }
    if (!response.ok) {
      const parsed = errorBody.safeParse(json);
      const message = parsed.success ? parsed.data.message : undefined;
      const current = parsed.success ? (parsed.data.current_version ?? undefined) : undefined;
      return failed(response.status, describeRefusal(response.status, message, where), current);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success)
      return failed(
        response.status,
        `The server's answer to ${method} ${path} is not what Waymark expects: ${parsed.error.issues[0]?.path.join('.') ?? ''} ${parsed.error.issues[0]?.message ?? ''}`.trim(),
      );
    return { ok: true, value: parsed.data };
  }

  templates(): Promise<AuthorResult<Template[]>> {
    return this.#call(
      'GET',
      '/v1/templates',
      z.object({ templates: z.array(templateSchema) }),
    ).then((r) => (r.ok ? { ok: true, value: r.value.templates } : r));
  }

  /** The list view of items: `authorItem` keeps the summary fields and strips the rest. */
  async items(query: { status?: string; owner?: string }): Promise<AuthorResult<AuthorItem[]>> {
    const result = await this.#call(
      'GET',
      `/v1/items${searchOf(query)}`,
      z.object({ items: z.array(authorItem) }),
    );
    return result.ok ? { ok: true, value: result.value.items } : result;
  }

  /** The item as the server holds it (what an edit is based on). */
  read(id: string): Promise<AuthorResult<Item>> {
    return this.#call('GET', `/v1/items/${encodeURIComponent(id)}`, itemSchema);
  }

  /** The item with its versions and history, read together. */
  async item(id: string): Promise<AuthorResult<AuthorItemDetail>> {
    const path = `/v1/items/${encodeURIComponent(id)}`;
    const [item, versions, history] = await Promise.all([
      this.read(id),
      this.#call('GET', `${path}/versions`, versionsBody),
      this.#call('GET', `${path}/history`, z.object({ entries: z.array(auditEntrySchema) })),
    ]);
    if (!item.ok) return item;
    if (!versions.ok) return versions;
    if (!history.ok) return history;
    return {
      ok: true,
      value: {
        item: item.value,
        versions: versions.value.versions,
        history: history.value.entries,
      },
    };
  }

  /** A new item; `submit` sends it straight to review (its first version is the one reviewed). */
  create(fields: Record<string, unknown>, submit = false): Promise<AuthorResult<Item>> {
    return this.#call('POST', `/v1/items${submit ? '?submit=true' : ''}`, itemSchema, {
      body: fields,
    });
  }

  edit(id: string, fields: Record<string, unknown>, base: number): Promise<AuthorResult<Item>> {
    return this.#call('PUT', `/v1/items/${encodeURIComponent(id)}`, itemSchema, {
      body: fields,
      ifMatch: base,
    });
  }

  step(step: WorkflowStep): Promise<AuthorResult<Item>> {
    const path = `/v1/items/${encodeURIComponent(step.id)}/${step.action}`;
    const body =
      step.action === 'rollback'
        ? {
            version: step.restore ?? 0,
            ...(step.comment === undefined ? {} : { comment: step.comment }),
          }
        : step.comment === undefined
          ? {}
          : { comment: step.comment };
    return this.#call('POST', path, itemSchema, { body, ifMatch: step.version });
  }

  audit(query: AuditQuery): Promise<AuthorResult<AuditPage>> {
    return this.#call(
      'GET',
      `/v1/audit${searchOf(query)}`,
      z.object({ entries: z.array(auditEntrySchema), next: z.string().nullable() }),
    );
  }

  queue(): Promise<AuthorResult<VerificationQueue>> {
    return this.#call('GET', '/v1/verification', queueBody);
  }

  /** Insights for one screen (`screen` undefined: the app as a whole), last 30 days. */
  screenInsights(app: string, screen: string | undefined): Promise<AuthorResult<ScreenView>> {
    const path = `/v1/insights/screens/${encodeURIComponent(app)}/${encodeURIComponent(screen ?? '-')}`;
    return this.#call('GET', `${path}?since=30d`, screenViewSchema);
  }

  /** Insights for one item, last 30 days. */
  itemInsights(id: string): Promise<AuthorResult<ItemView>> {
    return this.#call(
      'GET',
      `/v1/insights/items/${encodeURIComponent(id)}?since=30d`,
      itemViewSchema,
    );
  }

  /** How many of an announcement's audience acknowledged it, and who. */
  acknowledgements(id: string): Promise<AuthorResult<AcknowledgementCount>> {
    return this.#call(
      'GET',
      `/v1/items/${encodeURIComponent(id)}/acknowledgements`,
      acknowledgementCountSchema,
    );
  }
}
