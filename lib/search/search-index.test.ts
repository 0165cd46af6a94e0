import { describe, expect, it } from 'vitest';
import { APP_BOOST, buildIndex, loadIndex, type SearchDoc, type SerializedIndex } from './index';

const docs: SearchDoc[] = [
  {
    id: 'password-prompt',
    title: 'Outlook keeps asking for a password',
    summary: 'Stop repeated credential prompts in Outlook.',
    body: 'Clear cached credentials in Windows Credential Manager, then restart Outlook.',
  },
  {
    id: 'mailbox-size',
    title: 'Mailbox size limits',
    summary: 'How big a mailbox can grow.',
    body: 'Archive old items. Outlook shows a password field for shared mailboxes only.',
  },
  {
    id: 'refund-policy',
    title: 'Refund policy for annual plans',
    summary: 'When customers get their money back.',
    tags: ['billing', 'refunds'],
    body: 'Refunds are prorated after the first thirty days.',
    roles: ['billing-agent'],
    apps: ['zendesk'],
  },
  {
    id: 'refund-escalation',
    title: 'Escalating a refund request',
    summary: 'Refund requests above the limit go to a team lead.',
    body: 'Open the ticket and use the escalation macro.',
    teams: ['tier-2'],
    screens: ['zendesk:ticket'],
  },
  {
    id: 'machine-center',
    title: 'Machine center statistics',
    summary: 'Capacity and load per machine center.',
    body: 'The report lists machine centers with their efficiency.',
  },
  {
    id: 'sync-settings',
    title: 'OneDrive sync settings',
    summary: 'Choose which folders synchronise.',
    body: 'Open settings from the OneDrive icon.',
  },
];
const index = buildIndex(docs);
const ids = (query: string, options = {}) => index.search(query, options).map((h) => h.id);

describe('SearchIndex.search', () => {
  it('returns the title hit above the body hit when both contain the word', () => {
    expect(ids('password').slice(0, 2)).toEqual(['password-prompt', 'mailbox-size']);
  });

  it('returns the article when given a natural-language question', () => {
    expect(ids('how do I stop outlook asking for my password again')[0]).toBe('password-prompt');
  });

  it('returns matches for words with one typo (4-7 letters) and two typos (8+ letters)', () => {
    expect(ids('pasword')[0]).toBe('password-prompt');
    expect(ids('mqachkine statistics')[0]).toBe('machine-center');
    expect(ids('statisstiks')[0]).toBe('machine-center');
  });

  it('returns completions of the last word while it is being typed', () => {
    expect(ids('onedrive sett')[0]).toBe('sync-settings');
    expect(ids('statist')[0]).toBe('machine-center');
    // A finished word is completed only when the corpus does not know it (techniques.test.ts).
    expect(ids('machine ')).toEqual(['machine-center']);
    expect(ids('onedrive sett ')[0]).toBe('sync-settings');
  });

  it('returns only items for everyone or for the given role and team when filtered', () => {
    expect(ids('refund').sort()).toEqual(['refund-escalation', 'refund-policy']);
    expect(ids('refund', { filter: { role: 'sales-rep', team: 'tier-1' } })).toEqual([]);
    expect(ids('refund', { filter: { role: 'billing-agent', team: 'tier-1' } })).toEqual([
      'refund-policy',
    ]);
    expect(ids('refund', { filter: { team: 'tier-2', role: 'billing-agent' } }).sort()).toEqual([
      'refund-escalation',
      'refund-policy',
    ]);
  });

  it('does not filter by a role or team the user has not set', () => {
    expect(ids('refund', { filter: {} }).sort()).toEqual(['refund-escalation', 'refund-policy']);
    expect(ids('refund', { filter: { role: 'sales-rep' } })).toEqual(['refund-escalation']);
  });

  it('returns the current app and screen items higher when boosted, never above a clearly better match', () => {
    const score = (options: object) =>
      index.search('refund', { ...options, rerank: false }).find((h) => h.id === 'refund-policy')
        ?.score ?? 0;
    expect(score({ boost: { app: 'zendesk' } }) / score({})).toBeCloseTo(APP_BOOST);
    expect(score({ boost: { app: 'jira' } }) / score({})).toBe(1);
    expect(ids('refund', { boost: { screen: 'zendesk:ticket' } })[0]).toBe('refund-escalation');
    // A title match beats a body-only match even when the body-only item is on the current screen.
    expect(ids('escalation macro ticket', { boost: { app: 'zendesk' } })[0]).toBe(
      'refund-escalation',
    );
    expect(ids('outlook password', { boost: { screen: 'zendesk:ticket' } })[0]).toBe(
      'password-prompt',
    );
  });

  it('returns highlight ranges that cover the matched words in each field', () => {
    const [hit] = index.search('pasword outlook');
    const title = hit?.highlights.find((h) => h.field === 'title');
    expect(title?.ranges.map(([s, e]) => title.text.slice(s, e))).toEqual(['Outlook', 'password']);
    const body = hit?.highlights.find((h) => h.field === 'body');
    expect(body?.ranges.map(([s, e]) => body.text.slice(s, e))).toEqual(['Outlook']);
  });

  it('returns no results when given an empty, blank or one-character query', () => {
    expect(ids('')).toEqual([]);
    expect(ids('   \n\t')).toEqual([]);
    expect(ids('o')).toEqual([]);
  });

  // How fast lives in `npm run bench:search`, never in a unit test.
  it('returns results and does not throw for a 5,000-character query or 1,000 distinct words', () => {
    const long = 'outlook password refund machine '.repeat(160).slice(0, 5000);
    expect(ids(long).length).toBeGreaterThan(0);
    const words = Array.from({ length: 1000 }, (_, i) => `word${i}`).join(' ');
    expect(() => ids(words)).not.toThrow();
  });

  it('returns no results and does not throw for emoji, punctuation and non-Latin text', () => {
    expect(ids('🙂🔥')).toEqual([]);
    expect(ids('?!;:…()[]{}')).toEqual([]);
    expect(ids('Настройка 設定 ')).toEqual([]);
  });

  it('returns at most limit hits', () => {
    expect(ids('outlook refund machine onedrive', { limit: 2 })).toHaveLength(2);
    expect(ids('outlook', { limit: 0 })).toEqual([]);
  });
});

describe('SearchIndex.add and remove', () => {
  it('returns the same results as a rebuild after incremental adds and removes', () => {
    const incremental = buildIndex(docs.slice(0, 3));
    docs.slice(3).forEach((d) => incremental.add(d));
    incremental.add({ id: 'temp', title: 'Temporary password article', body: 'machine refund' });
    incremental.remove('temp');
    incremental.remove('mailbox-size');
    incremental.add({ ...docs[0]!, title: 'Outlook keeps asking for a password again' });
    const rebuilt = buildIndex([
      ...docs.filter((d) => d.id !== 'mailbox-size' && d.id !== 'password-prompt'),
      { ...docs[0]!, title: 'Outlook keeps asking for a password again' },
    ]);
    for (const query of ['password', 'refund', 'machin', 'outlook pasword', 'sync settings'])
      expect(incremental.search(query)).toEqual(rebuilt.search(query));
    expect(incremental.size).toBe(rebuilt.size);
  });

  it('returns completions of terms added after earlier searches, as a rebuild does', () => {
    const growing = buildIndex(docs.slice(0, 2));
    growing.warm();
    expect(growing.search('stat').map((h) => h.id)).toEqual([]);
    docs.slice(2).forEach((d) => growing.add(d));
    growing.warm();
    const rebuilt = buildIndex(docs);
    for (const query of ['stat', 'mach', 'onedrive sett', 'refu', 'statisstiks'])
      expect(growing.search(query)).toEqual(rebuilt.search(query));
  });

  it('returns false when removing an unknown id', () => {
    expect(buildIndex(docs).remove('nope')).toBe(false);
  });
});

/** Enough articles sharing words for the semantic model to have something to learn. */
const TOPICS = [
  'Outlook password prompt credentials',
  'Refund policy billing plans',
  'Mailbox archive size quota',
];
const manyDocs: SearchDoc[] = Array.from({ length: 15 }, (_, i) => ({
  id: `doc-${i}`,
  title: `${TOPICS[i % 3]!} ${i}`,
  body: `${TOPICS[i % 3]!} ${TOPICS[(i + 1) % 3]!}`,
}));

describe('loadIndex', () => {
  it('returns identical results from a JSON round trip of toJSON()', () => {
    const changed = buildIndex(docs);
    changed.remove('mailbox-size');
    const loaded = loadIndex(JSON.parse(JSON.stringify(changed.toJSON())) as SerializedIndex);
    for (const query of ['password', 'refund', 'mach', 'outlok', 'how do I sync onedrive'])
      expect(loaded.search(query, { filter: { role: 'billing-agent' } })).toEqual(
        changed.search(query, { filter: { role: 'billing-agent' } }),
      );
    expect(structuredClone(changed.toJSON())).toEqual(changed.toJSON());
  });

  it('loads an index stored in format 1 (before the semantic model) and learns the model later', async () => {
    const built = buildIndex(manyDocs);
    expect(built.vectors).toBeDefined();
    const { semantic, ...rest } = built.toJSON();
    expect(semantic).toBeDefined();
    const v1 = loadIndex({ ...rest, format: 'waymark-search@1' } as unknown as SerializedIndex);
    const lexical = buildIndex(manyDocs, { semantic: false });
    const queries = ['password', 'refund billing', 'outlok', 'how big can my mailbox get'];
    for (const query of queries) expect(v1.search(query)).toEqual(lexical.search(query));
    expect(v1.semanticStale).toBe(true);
    expect(await v1.refreshSemantic(() => Promise.resolve())).toBe(true);
    expect(v1.semanticStale).toBe(false);
    expect(v1.toJSON()).toEqual(built.toJSON());
    for (const query of queries) expect(v1.search(query)).toEqual(built.search(query));
  });

  it('does not store a model learned while the index changed under it', async () => {
    const index = buildIndex(manyDocs, { semantic: false });
    const semantic = loadIndex(index.toJSON());
    const learning = semantic.refreshSemantic(() => {
      semantic.remove('doc-1');
      return Promise.resolve();
    });
    expect(await learning).toBe(false);
    expect(semantic.vectors).toBeUndefined();
  });

  it('throws when given something that is not a serialized index', () => {
    expect(() => loadIndex({ format: 'other' } as never)).toThrow(/waymark-search/);
  });
});
