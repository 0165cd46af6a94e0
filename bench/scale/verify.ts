import type { Audience, Store } from '@/server/store';
import type { SimulatedAgent } from './agents';

/** What the database says an audience should hold: id → version of each visible item. */
async function expectedFor(store: Store, audience: Audience): Promise<Map<string, number>> {
  const expected = new Map<string, number>();
  let afterSeq = 0;
  for (;;) {
    const { page } = await store.feedPage(audience, afterSeq, 1000);
    for (const item of page.items as { id: string; version: number }[])
      expected.set(item.id, item.version);
    for (const gone of page.deleted) if (gone.kind === 'item') expected.delete(gone.id);
    afterSeq = Number(page.cursor.split('.').at(-1));
    if (!page.more) return expected;
  }
}

/**
 * Compares every agent's synced items with what the database shows its role and team: an item
 * it lacks or holds at an older version is missed, one it should not hold (or holds at a version
 * that is not the current one) is stale.
 */
export async function verifyAgents(
  store: Store,
  agents: SimulatedAgent[],
): Promise<{ missed: number; stale: number; agentsWrong: number }> {
  const byAudience = new Map<string, Map<string, number>>();
  let missed = 0;
  let stale = 0;
  let agentsWrong = 0;
  for (const agent of agents) {
    const { role, team } = agent.identity;
    const key = `${role}:${team ?? ''}`;
    let expected = byAudience.get(key);
    if (expected === undefined) {
      expected = await expectedFor(store, { role, team });
      byAudience.set(key, expected);
    }
    let wrong = 0;
    for (const [id, version] of expected) {
      const held = agent.items.get(id);
      if (held === undefined || held < version) wrong += 1;
    }
    missed += wrong;
    for (const [id, version] of agent.items)
      if (expected.get(id) !== version && !(expected.get(id)! > version)) {
        stale += 1;
        wrong += 1;
      }
    if (wrong > 0) agentsWrong += 1;
  }
  return { missed, stale, agentsWrong };
}
