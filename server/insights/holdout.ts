import { createHmac } from 'node:crypto';
import type { HoldoutDesign, HoldoutStatus } from '@/lib/insights/views';
import type { Store } from '../store';

/**
 * Which teams a holdout keeps without guidance. A random share is drawn reproducibly: teams are
 * ordered by HMAC(seed, team) and the first ⌈share × teams⌉ are held out, so the same seed and
 * team list always give the same draw and anyone can check it.
 */
export function heldOutTeams(design: Extract<HoldoutDesign, { design: 'holdout' }>): Set<string> {
  const teams = [...new Set(design.teams ?? [])];
  const rank = (team: string) => createHmac('sha256', design.seed).update(team).digest('hex');
  const ordered = teams.sort((a, b) => (rank(a) < rank(b) ? -1 : 1));
  return new Set(ordered.slice(0, Math.ceil(design.share * teams.length)));
}

/** A team's treatment: from which day it has guidance (undefined: never, a control). */
export function teamStart(design: HoldoutDesign, team: string): string | undefined {
  if (design.design === 'staggered') return design.teams[team];
  return heldOutTeams(design).has(team) ? undefined : design.start;
}

/** What GET /v1/me/holdout answers for a user of `team` on `today`. */
export function holdoutStatus(
  design: HoldoutDesign | undefined,
  team: string | undefined,
  today: string,
): HoldoutStatus {
  if (design === undefined || team === undefined) return { held_out: false };
  if (design.design === 'holdout') {
    const held = today >= design.start && heldOutTeams(design).has(team);
    return { held_out: held, design: 'holdout' };
  }
  const start = design.teams[team];
  return {
    held_out: start === undefined || today < start,
    design: 'staggered',
    ...(start === undefined ? {} : { starts_on: start }),
  };
}

/**
 * A random-share holdout draws from a fixed list of teams, so that adding a user later never
 * moves a team between arms: without one, the teams of today's users are written into it.
 */
export async function fillHoldoutTeams(
  store: Store,
  design: HoldoutDesign,
): Promise<HoldoutDesign> {
  if (design.design !== 'holdout' || design.teams !== undefined) return design;
  const teams = (await store.listUsers()).flatMap((u) => (u.team === undefined ? [] : [u.team]));
  return { ...design, teams: [...new Set(teams)].sort() };
}
