import { loadContent } from '@/lib/content-files';
import { seedFromContent } from '@/server/seed';
import type { Store } from '@/server/store';
import { generatedArticle } from '../lib/generated-article';
import { SimulatedAgent } from './agents';
import type { AuthorWorkerData } from './author-worker';

export const TEAMS = Array.from({ length: 10 }, (_, i) => `team-${i}`);
/** Authors (who also run the extension, as authors) and the reviewers who approve their work. */
export const AUTHORS = 50;
const REVIEWERS = 10;
/** Generated articles on top of content/: a third for one team each, the rest for everyone. */
const GENERATED = 150;

/**
 * Seeds the database the way an organisation's looks: content/ plus generated articles, the
 * agents (learners spread over ten teams, and the authors), reviewers; returns the simulated
 * agents, and the authors (with their tokens) for the authors' thread.
 */
export async function prepareDatabase(store: Store, contentDir: string, agentCount: number) {
  await seedFromContent(store, contentDir, loadContent);
  await store.upsertItems(
    Array.from({ length: GENERATED }, (_, i) => ({
      ...generatedArticle(i),
      targeting: { apps: [], screens: [], roles: [], teams: i % 3 === 0 ? [TEAMS[i % 10]!] : [] },
    })),
    undefined,
  );
  const agents: SimulatedAgent[] = [];
  for (let i = 0; i < agentCount - AUTHORS; i++) {
    const identity = {
      email: `agent-${i}@example.com`,
      role: 'learner' as const,
      team: TEAMS[i % 10],
    };
    agents.push(
      new SimulatedAgent({
        ...identity,
        token: await store.addUser({ ...identity, rotate: false }),
      }),
    );
  }
  const reviewers: string[] = [];
  for (let i = 0; i < REVIEWERS; i++)
    reviewers.push(
      await store.addUser({
        email: `reviewer-${i}@example.com`,
        role: 'reviewer',
        team: undefined,
        rotate: false,
      }),
    );
  const authors: AuthorWorkerData['authors'] = [];
  for (let i = 0; i < AUTHORS; i++) {
    const identity = { email: `author-${i}@example.com`, role: 'author' as const, team: undefined };
    const token = await store.addUser({ ...identity, rotate: false });
    agents.push(new SimulatedAgent({ ...identity, token }));
    const teams = i % 2 === 0 ? [TEAMS[i % 10]!] : [];
    authors.push({ index: i, teams, authorToken: token, reviewerToken: reviewers[i % REVIEWERS]! });
  }
  return { agents, authors };
}
