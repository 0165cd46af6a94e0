import type { z } from 'zod';

/** A response body read as JSON and checked with a schema, or what was wrong with it. */
export type Body<T> =
  | { ok: true; value: T }
  | {
      ok: false;
      problem: 'interrupted' | 'html' | 'not-json' | 'truncated' | 'invalid';
      reason: string;
    };

/**
 * True when JSON text stops inside a string or an open object/array: the connection dropped, or
 * a proxy cut the body. Scanning brackets is engine-independent, unlike JSON.parse's messages.
 */
export function looksTruncated(text: string): boolean {
  let depth = 0;
  let inString = false;
  let escaped = false;
  for (const ch of text) {
    if (escaped) escaped = false;
    else if (inString) {
      if (ch === '\\') escaped = true;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') depth += 1;
    else if (ch === '}' || ch === ']') depth -= 1;
  }
  return inString || depth > 0;
}

function where(error: z.ZodError): string {
  const issue = error.issues[0];
  return `at "${issue?.path.join('.') || '(root)'}": ${issue?.message ?? 'invalid'}`;
}

function parseJson(text: string, what: string): Body<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    const start = text.trimStart();
    if (/^[{[]/.test(start) && looksTruncated(start))
      return {
        ok: false,
        problem: 'truncated',
        reason: `truncated JSON: ${what} stops after ${text.length} characters`,
      };
    const snippet = JSON.stringify(start.slice(0, 40));
    return { ok: false, problem: 'not-json', reason: `not JSON: ${what} starts with ${snippet}` };
  }
}

/**
 * Reads `response` as JSON matching `schema`. `what` names the resource in reasons ("the feed
 * page after cursor c12"), so a report says what failed and where.
 */
export async function readBody<T>(
  response: Response,
  schema: z.ZodType<T>,
  what: string,
): Promise<Body<T>> {
  let text: string;
  try {
    text = await response.text();
  } catch {
    return {
      ok: false,
      problem: 'interrupted',
      reason: `the connection dropped while reading ${what}`,
    };
  }
  const type = response.headers.get('content-type') ?? '';
  // Captive portals and proxies answer 200 with a login page, whatever was asked for.
  if (/html/i.test(type) || /^\s*</.test(text))
    return { ok: false, problem: 'html', reason: 'HTML page — a captive portal?' };
  const json = parseJson(text, what);
  if (!json.ok) return json;
  const parsed = schema.safeParse(json.value);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    problem: 'invalid',
    reason: `${what} is not in the feed format ${where(parsed.error)}`,
  };
}
