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
 * The people an item is addressed to, as far as the server knows them: active users of the teams
 * it targets (no team: everyone), counted once per email whatever number of tokens they hold.
 * `targeting.roles` are job roles each learner sets on their device (support agent, sales rep),
 * not the server's permission roles, so the server cannot narrow the audience by them.
 */
export function audienceOf(item: Item, users: readonly UserListing[]): Set<string> {
  const { teams } = item.targeting;
  const people = new Set<string>();
  for (const user of users) {
    if (user.revoked_at !== undefined) continue;
    if (teams.length > 0 && (user.team === undefined || !teams.includes(user.team))) continue;
    people.add(user.email.toLowerCase());
  }
  return people;
}
