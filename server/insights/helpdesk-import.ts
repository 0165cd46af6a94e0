import { hashRecord } from '@/lib/insights';
import { slugify } from '@/lib/import/ids';
import type { HelpdeskTicketInput } from '../store';
import { parseCsv } from './csv';

/**
 * A helpdesk's ticket-metrics export (Zendesk's, or any CSV with the same kind of columns), read
 * into tickets whose ids are hashed with the organisation key at once — the same keyed hash the
 * extension sends for records (lib/insights/keyed-hash.ts) — so no ticket id is kept. Columns are
 * found by name, case and punctuation ignored:
 */
export const HELPDESK_COLUMNS = {
  id: ['ticket_id', 'id', 'ticket'],
  day: ['solved_at', 'solved', 'resolved_at', 'closed_at', 'created_at', 'date', 'day'],
  minutes: [
    'full_resolution_time_in_minutes',
    'full_resolution_time_min',
    'resolution_minutes',
    'resolution_time_in_minutes',
    'resolution_time_minutes',
    'first_resolution_time_in_minutes',
  ],
  hours: ['full_resolution_time_in_hours', 'resolution_hours', 'resolution_time_in_hours'],
  reopens: ['reopens', 'reopen_count', 'reopened'],
  replies: ['replies', 'reply_count', 'agent_replies', 'number_of_replies'],
  team: ['team', 'group', 'group_name', 'assignee_group'],
} as const;

export interface HelpdeskOptions {
  /** The organisation key (policy `impactRecordKey`), ≥ 32 characters. */
  key: string;
  /** The app and record type the ids belong to, as detection names them (zendesk, ticket). */
  app: string;
  recordType: string;
}

export interface ParsedExport {
  tickets: HelpdeskTicketInput[];
  skipped: number;
  problems: string[];
}

const header = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');

function columnIndex(names: readonly string[], candidates: readonly string[]): number | undefined {
  for (const candidate of candidates) {
    const i = names.indexOf(candidate);
    if (i !== -1) return i;
  }
  return undefined;
}

/** A count or a duration: a non-negative number, or undefined when the cell is empty. */
function number(text: string | undefined, what: string): number | undefined {
  const trimmed = (text ?? '').trim();
  if (trimmed === '') return undefined;
  const value = Number(trimmed);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${what} "${trimmed}" is not a number`);
  return value;
}

function dayOf(text: string | undefined): string {
  const match = /^(\d{4}-\d{2}-\d{2})/.exec((text ?? '').trim());
  const parsed = match === null ? new Date(text ?? '') : new Date(`${match[1]}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime())) throw new Error(`the date "${text ?? ''}" is not a date`);
  return parsed.toISOString().slice(0, 10);
}

export async function readHelpdeskExport(
  text: string,
  options: HelpdeskOptions,
): Promise<ParsedExport> {
  if (options.key.length < 32)
    throw new Error('the organisation key must be at least 32 characters');
  const [head, ...rows] = parseCsv(text);
  if (head === undefined) throw new Error('the export is empty');
  const names = head.fields.map(header);
  const at = Object.fromEntries(
    Object.entries(HELPDESK_COLUMNS).map(([k, candidates]) => [k, columnIndex(names, candidates)]),
  ) as Record<keyof typeof HELPDESK_COLUMNS, number | undefined>;
  if (at.id === undefined)
    throw new Error(`no ticket id column (one of ${HELPDESK_COLUMNS.id.join(', ')})`);
  if (at.day === undefined)
    throw new Error(`no date column (one of ${HELPDESK_COLUMNS.day.join(', ')})`);
  const result: ParsedExport = { tickets: [], skipped: 0, problems: [] };
  for (const { line, fields } of rows) {
    const cell = (i: number | undefined) => (i === undefined ? undefined : fields[i]);
    try {
      const id = (cell(at.id) ?? '').trim();
      if (id === '' || id.length > 200) throw new Error('no ticket id');
      const hours = number(cell(at.hours), 'resolution time');
      const team = slugify(cell(at.team) ?? '');
      result.tickets.push({
        app: options.app,
        record: await hashRecord(options.key, { app: options.app, type: options.recordType, id }),
        day: dayOf(cell(at.day)),
        team: team === '' ? undefined : team,
        resolution_minutes:
          number(cell(at.minutes), 'resolution time') ??
          (hours === undefined ? undefined : hours * 60),
        reopens: number(cell(at.reopens), 'reopens'),
        replies: number(cell(at.replies), 'replies'),
      });
    } catch (error) {
      result.skipped += 1;
      if (result.problems.length < 20)
        result.problems.push(`line ${line}: ${(error as Error).message}`);
    }
  }
  return result;
}
