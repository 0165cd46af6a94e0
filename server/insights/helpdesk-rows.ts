import type { HelpdeskImport } from '@/lib/insights/views';
import type { HelpdeskTicketInput } from '../store/insight-types';

/** A record seen in Waymark (ins_guidance), as the join reads it. */
export interface GuidanceRow {
  team: string;
  opened: number;
  agent: string | null;
  agent_week: string;
}

/** A ticket's stored outcome: its cohort and team from the join, no id and no hash. */
export interface HelpdeskTicketRow {
  day: string;
  team: string;
  cohort: 'guidance' | 'no_guidance' | 'unmatched';
  agent: string | null;
  agent_week: string | null;
  resolution: number | null;
  log_resolution: number | null;
  reopens: number | null;
  replies: number | null;
}

/** The join of one ticket: what both backends store for it. */
export function helpdeskTicketRow(
  ticket: HelpdeskTicketInput,
  seen: GuidanceRow | undefined,
): HelpdeskTicketRow {
  const minutes = ticket.resolution_minutes;
  return {
    day: ticket.day,
    team: seen !== undefined && seen.team !== '' ? seen.team : (ticket.team ?? ''),
    cohort: seen === undefined ? 'unmatched' : seen.opened === 1 ? 'guidance' : 'no_guidance',
    agent: seen?.agent ?? null,
    agent_week: seen?.agent_week ?? null,
    resolution: minutes ?? null,
    // Resolution times are skewed: means and effects are read on the log scale too.
    log_resolution: minutes !== undefined && minutes > 0 ? Math.log(minutes) : null,
    reopens: ticket.reopens ?? null,
    replies: ticket.replies ?? null,
  };
}

/** The summary kept for an import (everything but its id and time). */
export function importSummary(
  rows: readonly HelpdeskTicketRow[],
  meta: { skipped: number; problems: string[] },
): Omit<HelpdeskImport, 'id' | 'at'> {
  const count = (cohort: HelpdeskTicketRow['cohort']) =>
    rows.filter((r) => r.cohort === cohort).length;
  return {
    tickets: rows.length,
    matched: rows.length - count('unmatched'),
    guidance: count('guidance'),
    no_guidance: count('no_guidance'),
    skipped: meta.skipped,
    problems: meta.problems.slice(0, 20),
  };
}
