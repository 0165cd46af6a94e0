import type { Item } from '@/lib/content-model';
import type { ItemHead, User, UserListing } from './store';

/**
 * The copy of an item `user` may read, or undefined: a learner reads only the live (published)
 * copy, and only when it is for every team or for theirs (the feed's rule); the roles that write
 * content read the newest version whatever its status. The API's `GET /v1/items/:id`, the shared
 * link page `/i/:id` and acknowledgements all answer through this one rule.
 */
export function readableCopy(user: User, head: ItemHead | undefined): Item | undefined {
  if (head === undefined || head.deleted) return undefined;
  if (user.role !== 'learner') return head.item;
  const live = head.live;
  if (live === undefined) return undefined;
  const forTeam =
    live.targeting.teams.length === 0 ||
    (user.team !== undefined && live.targeting.teams.includes(user.team));
  return forTeam ? live : undefined;
}

/**
 * The people an item is addressed to: active users whose role and team it targets (an empty list
 * targets everyone), counted once per email whatever number of tokens they hold.
 */
export function audienceOf(item: Item, users: readonly UserListing[]): Set<string> {
  const { roles, teams } = item.targeting;
  const people = new Set<string>();
  for (const user of users) {
    if (user.revoked_at !== undefined) continue;
    if (roles.length > 0 && !roles.includes(user.role)) continue;
    if (teams.length > 0 && (user.team === undefined || !teams.includes(user.team))) continue;
    people.add(user.email.toLowerCase());
  }
  return people;
}
