import { roles, type Role } from '@/lib/content-model';
import type { Access, GroupAssigner } from '../store/identity-types';

/** How the organisation's groups become Waymark roles and teams (the `groups` part of the config). */
export interface GroupMapping {
  /** Group name (or id) → role. A user in several gets the strongest. */
  roles: ReadonlyMap<string, Role>;
  /** Group name (or id) → team slug. A user in several gets the first listed here. */
  teams: ReadonlyMap<string, string>;
  /** The role of a user in none of the role groups. */
  defaultRole: Role;
}

/** learner < author < reviewer < admin: the order of `roles` in the content model. */
const rank = (role: Role) => roles.indexOf(role);

/** Names compare case-insensitively: IdPs and admins spell groups differently. */
const key = (name: string) => name.trim().toLowerCase();

/**
 * The assigner the store calls with a user's groups (names and ids alike). The identity provider
 * is the source of truth for the users it manages: leaving a role group takes the role away
 * (down to `defaultRole`), and leaving every team group leaves the user without a team. A part
 * left unmapped (no `roles`, or no `teams`) leaves that part as the user holds it (set with the
 * CLI), and a new user then gets `defaultRole` and no team.
 */
export function groupAssigner(mapping: GroupMapping): GroupAssigner {
  const roleOf = new Map([...mapping.roles].map(([group, role]) => [key(group), role]));
  const teamOrder = [...mapping.teams].map(([group, team]) => [key(group), team] as const);
  return (groups, current): Access => {
    const names = new Set(groups.map(key));
    const role =
      roleOf.size === 0
        ? (current?.role ?? mapping.defaultRole)
        : [...names]
            .map((name) => roleOf.get(name))
            .filter((r): r is Role => r !== undefined)
            .reduce<Role>((best, r) => (rank(r) > rank(best) ? r : best), mapping.defaultRole);
    const team =
      teamOrder.length === 0 ? current?.team : teamOrder.find(([group]) => names.has(group))?.[1];
    return { role, team };
  };
}
