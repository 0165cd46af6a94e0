import { itemSchema, type Item } from '@/lib/content-model';
import { HttpError, parseOr400 } from './http';

/** Fields the server owns: a client's copy of them is replaced, never trusted. */
const SERVER_FIELDS = ['status', 'version', 'updated_at'] as const;

/** The item's content: everything but the server-owned fields, in a stable key order. */
export function contentOf(item: Item): string {
  const copy: Record<string, unknown> = { ...item };
  for (const field of SERVER_FIELDS) delete copy[field];
  return JSON.stringify(
    Object.fromEntries(Object.entries(copy).sort(([a], [b]) => a.localeCompare(b))),
  );
}

function asRecord(input: unknown): Record<string, unknown> {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throw new HttpError(400, 'bad_request', 'body: must be a JSON object (an item)');
  return input as Record<string, unknown>;
}

/**
 * A client's item (create or edit) as a draft at `version`, validated by the shared schema. The
 * server sets status, version and updated_at; `owner` defaults to `defaultOwner`.
 */
export function draftFrom(
  input: unknown,
  fields: { id?: string; version: number; defaultOwner: string; now: Date },
): Item {
  const record = asRecord(input);
  if (fields.id !== undefined && record.id !== undefined && record.id !== fields.id)
    throw new HttpError(400, 'bad_request', `id: must be "${fields.id}", the item in the URL`);
  return parseOr400(itemSchema, {
    ...record,
    ...(fields.id === undefined ? {} : { id: fields.id }),
    owner: record.owner ?? fields.defaultOwner,
    status: 'draft',
    version: fields.version,
    updated_at: fields.now.toISOString(),
  });
}

/** The version the client based its change on: If-Match wins, then `version` in the body. */
export function baseVersion(ifMatch: string | undefined, body: unknown): number | undefined {
  if (ifMatch !== undefined) {
    const match = /^(?:W\/)?"?([1-9][0-9]{0,9})"?$/.exec(ifMatch.trim());
    if (match === null)
      throw new HttpError(400, 'bad_request', 'If-Match: must be the item version, e.g. "3"');
    return Number(match[1]);
  }
  const version = (body as { version?: unknown } | null)?.version;
  if (version === undefined) return undefined;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    throw new HttpError(400, 'bad_request', 'version: must be a positive integer');
  return version;
}
