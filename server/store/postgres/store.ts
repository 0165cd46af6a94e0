import type { Item, Template } from '@/lib/content-model';
import { systemClock, type Clock } from '../../clock';
import { SchemaMismatchError, StoreBusyError } from '../errors';
import { headOf, nextItemRow } from '../item-row';
import { newEpoch, tokenHash } from '../plans';
import type {
  GroupAssigner,
  IdentityClaims,
  ScimDecider,
  ScimGroupRecord,
  ScimGroupWrite,
  ScimQuery,
  ScimUserRecord,
  ScimUserWrite,
} from '../identity-types';
import type {
  AnchorReportInput,
  Audience,
  AuditFilter,
  AuditInput,
  DumpChunk,
  Readiness,
  SeedContent,
  StepDecider,
  Store,
  UserInput,
} from '../types';
import { connect, transaction, translate, type Sql } from './connect';
import { readForStep, writeGoverned } from './governed-write';
import * as copy from './copy';
import * as extras from './extras';
import { feedPage } from './feed';
import * as items from './items';
import { ChangeListener } from './listener';
import { migrate, schemaStatus } from './migrate';
import * as identity from './identity';
import * as people from './people';
import * as scim from './scim';
import { TokenCache } from './token-cache';
import type { SettingsChange } from '@/lib/insights/views';
import type { ContentRequest } from '@/lib/insights';
import { InsightReads } from '../insight-reads';
import type { GapState, HelpdeskTicketInput, InsightBatch } from '../insight-types';
import * as insightAdmin from './insight-admin';
import { appendInsightEvents, type NameCache } from './insight-events';
import { appendContentRequests } from './content-requests';

export interface PostgresOpenOptions {
  now?: Clock;
  /** Apply pending migrations first (default true; `serve` on a restricted role may not). */
  migrate?: boolean;
  /** LISTEN for changes to keep lastSeq and the token cache fresh (servers: true; CLI: false). */
  listen?: boolean;
  /** Pool size (default 10). */
  max?: number;
}

/**
 * The networked backend: PostgreSQL through postgres.js. Several server instances share one
 * database; each keeps the last feed sequence and a token cache in memory, kept fresh by
 * LISTEN/NOTIFY (listener.ts), and re-reads both whenever its listener reconnects.
 */
export class PostgresStore implements Store {
  readonly backend = 'postgres';
  private currentEpoch = '';
  private knownSeq = 0;
  private readonly tokens = new TokenCache();
  private listener: ChangeListener | undefined;
  /** Insight slugs' ids: committed before use and never changed, so safe to cache. */
  private readonly names: NameCache = new Map();
  readonly insights: InsightReads;

  private constructor(
    private readonly sql: Sql,
    readonly now: Clock,
  ) {
    this.insights = new InsightReads(
      async (text, params) =>
        (await sql.unsafe(insightAdmin.numbered(text), params as never[])) as Record<
          string,
          unknown
        >[],
    );
  }

  static async open(url: string, options: PostgresOpenOptions = {}): Promise<PostgresStore> {
    const store = new PostgresStore(connect(url, { max: options.max }), options.now ?? systemClock);
    try {
      await store.prepare(options.migrate ?? true);
      if (options.listen ?? false) await store.listen(url);
      return store;
    } catch (error) {
      await store.close();
      throw error;
    }
  }

  private async prepare(apply: boolean): Promise<void> {
    const status = apply ? await migrate(this.sql) : await schemaStatus(this.sql);
    if (status.current !== status.latest)
      throw new SchemaMismatchError(
        `the database schema is at version ${status.current}, this server needs ${status.latest}: run "waymark db migrate" as the database owner`,
      );
    await this.sql`INSERT INTO meta (key, value) VALUES ('epoch', ${newEpoch()})
      ON CONFLICT (key) DO NOTHING`;
    const [row] = await this.sql<{ value: string }[]>`SELECT value FROM meta WHERE key = 'epoch'`;
    this.currentEpoch = row?.value ?? '';
    this.knownSeq = await this.committedSeq();
  }

  private async listen(url: string): Promise<void> {
    this.listener = new ChangeListener(url, {
      seq: (value) => this.learn(value),
      user: (hash) => this.tokens.evict(hash),
      up: () => {
        this.tokens.enable();
        void this.committedSeq().catch(() => undefined);
      },
      down: () => this.tokens.disable(),
    });
    await this.listener.start();
  }

  get epoch(): string {
    return this.currentEpoch;
  }

  async close(): Promise<void> {
    await this.listener?.close();
    await this.sql.end({ timeout: 5 });
  }

  private learn(seq: number): void {
    if (seq > this.knownSeq) this.knownSeq = seq;
  }

  async readiness(): Promise<Readiness> {
    try {
      const schema = await schemaStatus(this.sql);
      return { ok: schema.current === schema.latest, database: 'ok', schema };
    } catch (error) {
      return { ok: false, database: (error as Error).message, schema: undefined };
    }
  }

  /** In memory while the listener hears every commit; read from the database otherwise. */
  lastSeq(): Promise<number> {
    return this.listener?.isListening === true
      ? Promise.resolve(this.knownSeq)
      : this.committedSeq();
  }

  async committedSeq(): Promise<number> {
    const [row] = await this.sql<{ value: number }[]>`SELECT value FROM seq WHERE id = 1`;
    this.learn(row?.value ?? 0);
    return row?.value ?? 0;
  }

  async feedPage(audience: Audience, afterSeq: number, limit: number) {
    const read = await feedPage(this.sql, this.epoch, audience, afterSeq, limit);
    this.learn(read.lastSeq);
    return read;
  }

  isEmpty = async () => (await extras.seedNeeds(this.sql)).items;
  getItem = async (id: string) => {
    const row = await items.readItem(this.sql, id);
    return row === undefined || row.deleted ? undefined : headOf(row).item;
  };
  itemHead = async (id: string) => {
    const row = await items.readItem(this.sql, id);
    return row === undefined ? undefined : headOf(row);
  };
  listItems = () => items.itemBodies(this.sql, 'body');
  liveItems = () => items.itemBodies(this.sql, 'live_body');
  itemVersion = (id: string, version: number) => items.itemVersion(this.sql, id, version);
  itemVersions = (id: string) => items.itemVersions(this.sql, id);

  private write<T>(work: Parameters<typeof transaction<T>>[1]): Promise<T> {
    return transaction(this.sql, work);
  }

  /** A write that moved the feed tells this instance at once (others hear it by NOTIFY). */
  private async written(seq: Promise<number | undefined>): Promise<number | undefined> {
    const value = await seq;
    if (value !== undefined) this.learn(value);
    return value;
  }

  upsertItem = async (input: unknown, author: string | undefined) =>
    (await this.written(this.write((tx) => items.upsertItem(tx, input, author, this.now()))))!;
  upsertItems = async (inputs: unknown[], author: string | undefined) =>
    (await this.written(
      this.write(async (tx) => {
        let seq = 0;
        for (const input of inputs) seq = await items.upsertItem(tx, input, author, this.now());
        return seq;
      }),
    ))!;
  deleteItem = async (id: string) =>
    (await this.written(this.write((tx) => items.tombstone(tx, 'items', id)))) !== undefined;
  upsertApp = async (input: unknown) =>
    (await this.written(this.write((tx) => items.upsertApp(tx, input))))!;
  deleteApp = async (id: string) =>
    (await this.written(this.write((tx) => items.tombstone(tx, 'apps', id)))) !== undefined;

  /**
   * Read, decide, then one conditional write statement (governed-write.ts); when another writer
   * moved the item in between, read and decide again — the decision then sees the new version
   * and answers 409 if the caller's base is stale. Bounded: a step never spins.
   */
  async workflowStep(id: string, actor: string, decide: StepDecider): Promise<Item> {
    for (let attempt = 1; ; attempt++) {
      const { current, lastEditor } = await readForStep(this.sql, id);
      const decision = decide(current && headOf(current), lastEditor);
      if (decision.kind === 'unchanged') return decision.item;
      const { item } = decision;
      const audit = decision.audit.map((entry) => ({
        actor,
        action: entry.action,
        item_id: item.id,
        version: item.version,
        comment: entry.comment ?? null,
      }));
      const row = nextItemRow(item, current, true);
      let seq: number | undefined;
      try {
        seq = await writeGoverned(this.sql, current, row, { author: actor, at: this.now() }, audit);
      } catch (error) {
        throw translate(error);
      }
      if (seq !== undefined) {
        this.learn(seq);
        return item;
      }
      if (attempt >= 20) throw new StoreBusyError(1);
    }
  }

  appendAudit = (entry: AuditInput) => people.appendAudit(this.sql, this.now(), entry);
  queryAudit = (filter: AuditFilter) => people.queryAudit(this.sql, filter);

  // This instance drops a changed token at once; the others when the NOTIFY reaches them.
  addUser = async (input: UserInput) => {
    const { token, replaced } = await this.write((tx) => people.addUser(tx, input, this.now()));
    if (replaced !== undefined) this.tokens.evict(replaced);
    return token;
  };
  revokeUser = async (email: string, actor = 'cli') => {
    const hash = await this.write((tx) => people.revokeUser(tx, email, actor, this.now()));
    if (hash !== undefined) this.tokens.evict(hash);
    return hash !== undefined;
  };
  listUsers = () => people.listUsers(this.sql);
  activeUser = (email: string) => people.activeUser(this.sql, email);

  async userForToken(token: string) {
    const hash = tokenHash(token);
    if (hash === undefined) return undefined;
    const cached = this.tokens.get(hash);
    if (cached !== undefined) return cached;
    const user = await people.userByHash(this.sql, hash);
    if (user !== undefined) this.tokens.set(hash, user);
    return user;
  }

  // Identity, provisioning, acknowledgements (issue 17). A user's first two requests may race
  // to create them: the loser's unique violation is answered by reading again.
  async signIn(claims: IdentityClaims, assign: GroupAssigner, options: { create: boolean }) {
    const once = () =>
      this.write((tx) => identity.signIn(tx, claims, assign, options.create, this.now()));
    try {
      return await once();
    } catch (error) {
      if ((error as { code?: string }).code !== '23505') throw error;
      return once();
    }
  }
  scimUser = (id: string) => scim.scimUser(this.sql, id);
  scimUsers = (query: ScimQuery) => scim.scimUsers(this.sql, query);
  scimWriteUser = (
    id: string | undefined,
    decide: ScimDecider<ScimUserRecord, ScimUserWrite>,
    assign: GroupAssigner,
  ) => this.write((tx) => scim.scimWriteUser(tx, id, decide, assign, this.now()));
  scimDeleteUser = (id: string) => this.write((tx) => scim.scimDeleteUser(tx, id, this.now()));
  scimGroup = (id: string) => scim.scimGroup(this.sql, id);
  scimGroups = (query: ScimQuery) => scim.scimGroups(this.sql, query);
  scimWriteGroup = (
    id: string | undefined,
    decide: ScimDecider<ScimGroupRecord, ScimGroupWrite>,
    assign: GroupAssigner,
  ) => this.write((tx) => scim.scimWriteGroup(tx, id, decide, assign, this.now()));
  scimDeleteGroup = (id: string, assign: GroupAssigner) =>
    this.write((tx) => scim.scimDeleteGroup(tx, id, assign, this.now()));
  acknowledge = (itemId: string, email: string) =>
    this.write((tx) => identity.acknowledge(tx, itemId, email, this.now()));
  acknowledgements = (itemId: string) => identity.acknowledgements(this.sql, itemId);

  listTemplates = () => extras.listTemplates(this.sql);
  putTemplate = (template: Template, actor: string | undefined) =>
    this.write((tx) => extras.putTemplate(tx, template, actor, this.now()));

  addAnchorReports = (reports: AnchorReportInput[]) =>
    this.write((tx) => extras.addAnchorReports(tx, reports, this.now()));
  anchorReports = () => extras.anchorReports(this.sql);

  appendInsightEvents = (batch: InsightBatch) =>
    appendInsightEvents(this.sql, this.names, batch, this.now(), (work) => this.write(work));
  weekSalts = (weeks: readonly string[], oldest: string) =>
    insightAdmin.weekSalts(this.sql, weeks, oldest);
  appendContentRequests = (requests: readonly ContentRequest[]) =>
    this.write((tx) => appendContentRequests(tx, requests));
  insightSettings = () => insightAdmin.insightSettings(this.sql);
  putInsightSettings = (change: SettingsChange, actor: string) =>
    this.write((tx) => insightAdmin.putInsightSettings(tx, change, actor, this.now()));
  gapStates = () => insightAdmin.gapStates(this.sql);
  setGapState = (
    gap: { app: string; screen: string; status: GapState['status']; item: string | undefined },
    actor: string,
  ) => this.write((tx) => insightAdmin.setGapState(tx, gap, actor, this.now()));
  importHelpdesk = (
    tickets: readonly HelpdeskTicketInput[],
    meta: { actor: string; skipped: number; problems: string[] },
  ) => this.write((tx) => insightAdmin.importHelpdesk(tx, tickets, meta, this.now()));
  helpdeskImports = () => insightAdmin.helpdeskImports(this.sql);
  learningRecordsOf = (email: string) => insightAdmin.learningRecordsOf(this.sql, email);
  pruneInsights = (today: string) => this.write((tx) => insightAdmin.pruneInsights(tx, today));

  seedNeeds = () => extras.seedNeeds(this.sql);
  seed = (content: SeedContent, what: { items: boolean; templates: boolean }) =>
    this.write((tx) => extras.seed(tx, content, what, this.now()));

  dump = (): AsyncGenerator<DumpChunk> => copy.dump(this.sql);

  async load(chunks: AsyncIterable<DumpChunk>): Promise<void> {
    if (await copy.holdsData(this.sql)) throw new Error('the target database is not empty');
    await this.write(async (tx) => {
      for await (const chunk of chunks) await copy.loadChunk(tx, chunk);
      await copy.resumeIdentities(tx);
    });
    const [row] = await this.sql<{ value: string }[]>`SELECT value FROM meta WHERE key = 'epoch'`;
    this.currentEpoch = row?.value ?? this.currentEpoch;
    await this.committedSeq();
  }
}
