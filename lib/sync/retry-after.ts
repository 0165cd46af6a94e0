/** A server asking us to wait longer than this is treated as asking for this long. */
export const RETRY_AFTER_CAP_MS = 60 * 60 * 1000;

/**
 * Parses a Retry-After header: delta-seconds (`120`) or an HTTP-date
 * (https://www.rfc-editor.org/rfc/rfc9110#field.retry-after). For a date, the response's own
 * `Date` header is the reference when present, so a client clock that is off does not stretch or
 * shrink the wait; otherwise the injected clock is. Returns milliseconds in [0, cap], or
 * `undefined` when the header is missing or unreadable.
 */
export function parseRetryAfter(
  value: string | null | undefined,
  now: number,
  { serverDate, capMs = RETRY_AFTER_CAP_MS }: { serverDate?: string | null; capMs?: number } = {},
): number | undefined {
  const text = value?.trim();
  if (text === undefined || text === '') return undefined;
  if (/^\d+$/.test(text)) return Math.min(capMs, Number(text) * 1000);
  // HTTP-dates always name the day or month; this keeps Date.parse from reading "-5" as a year.
  const at = /[a-z]/i.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(at)) return undefined;
  const reference = serverDate ? Date.parse(serverDate) : Number.NaN;
  const from = Number.isNaN(reference) ? now : reference;
  return Math.min(capMs, Math.max(0, at - from));
}
