import type { HttpClient } from './http';
import type { PhaseStats } from './stats';

/** One author's own article, targeted at a team or at everyone. */
export function authoredItem(i: number, teams: string[]) {
  return {
    type: 'article',
    template: 'how-to',
    id: `scale-author-${i}-notes`,
    title: `Team notes kept by author ${i}`,
    summary: 'What changed this week.',
    body: 'First version.',
    owner: `author-${i}@example.com`,
    verify_by: '2027-06-01',
    targeting: { apps: [], screens: [], roles: [], teams },
  };
}

/**
 * An author working through draft → review → publish on their own item, each step based on the
 * version they hold (If-Match), and a reviewer approving it. A 409 (someone else moved the item)
 * is re-read and counted; it never happens when authors keep to their own items.
 */
export class SimulatedAuthor {
  version = 0;
  edits = 0;
  conflicts = 0;
  failures = 0;

  constructor(
    private readonly item: ReturnType<typeof authoredItem>,
    private readonly authorToken: string,
    private readonly reviewerToken: string,
  ) {}

  private async step(
    http: HttpClient,
    stats: PhaseStats,
    kind: string,
    token: string,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<boolean> {
    const headers: Record<string, string> = {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      'if-match': `"${this.version}"`,
    };
    let reply;
    try {
      reply = await http.call(method, path, headers, JSON.stringify(body ?? {}));
    } catch {
      stats.errors += 1;
      this.failures += 1;
      return false;
    }
    stats.record(kind, reply.status, reply.ms);
    if (reply.status === 200 || reply.status === 201) {
      this.version = (JSON.parse(reply.body.toString('utf8')) as { version: number }).version;
      return true;
    }
    if (reply.status === 409) this.conflicts += 1;
    else this.failures += 1;
    // Re-read the version the server holds, as the extension's conflict view does.
    const current = await http.call('GET', `/v1/items/${this.item.id}`, {
      authorization: `Bearer ${this.authorToken}`,
    });
    if (current.status === 200)
      this.version = (JSON.parse(current.body.toString('utf8')) as { version: number }).version;
    return false;
  }

  /** Creates the item as a draft and publishes it (setup; not measured as a phase). */
  async create(http: HttpClient, stats: PhaseStats): Promise<void> {
    const path = '/v1/items';
    if (!(await this.step(http, stats, 'create', this.authorToken, 'POST', path, this.item)))
      throw new Error(`could not create ${this.item.id}`);
    await this.submitAndPublish(http, stats);
  }

  private async submitAndPublish(http: HttpClient, stats: PhaseStats): Promise<void> {
    const base = `/v1/items/${this.item.id}`;
    if (!(await this.step(http, stats, 'submit', this.authorToken, 'POST', `${base}/submit`)))
      return;
    await this.step(http, stats, 'publish', this.reviewerToken, 'POST', `${base}/approve`);
  }

  /** One edit, review and publication. */
  async cycle(http: HttpClient, stats: PhaseStats): Promise<void> {
    this.edits += 1;
    const body = { ...this.item, body: `Version ${this.edits}: what changed this week.` };
    const path = `/v1/items/${this.item.id}`;
    if (await this.step(http, stats, 'edit', this.authorToken, 'PUT', path, body))
      await this.submitAndPublish(http, stats);
  }
}
