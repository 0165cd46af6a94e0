import type { Item, Template } from '@/lib/content-model';
import { systemClock, type Clock } from '../../clock';
import { headOf } from '../item-row';
import { nextItemRow } from '../item-row';
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
import { dump, holdsData, loadChunk } from './copy';
import { lastSeqOf, openDatabase, readMeta, schemaStatus, type Db } from './database';
import * as extras from './extras';
import { feedPage } from './feed';
import * as items from './items';
import * as identity from './identity';
import * as people from './people';
import * as scim from './scim';

import type { SettingsChange } from '@/lib/insights/views';
import type { ContentRequest } from '@/lib/insights';
import { InsightReads } from '../insight-reads';
import type { GapState, HelpdeskTicketInput, InsightBatch } from '../insight-types';
import * as insightAdmin from './insight-admin';
import { appendInsightEvents, type NameCache } from './insight-events';
import { startCheckpointer, type Checkpointer } from './checkpointer';
import { appendContentRequests } from './content-requests';

/**
 * The embedded backend: one SQLite file (better-sqlite3, synchronous). Every method is one
 * transaction on the one connection, so writes are serialised by SQLite itself and the feed's
 * sequence order is commit order. Nothing is cached in memory: the CLI may change the same file
 * (add or revoke a user) while `serve` runs, and the next request sees it.
 */
export class SqliteStore implements Store {
  readonly backend = 'sqlite';
  private currentEpoch: string;
  /** Insight slugs' ids: given once and never changed, so safe to keep across requests. */
  private readonly names: NameCache = new Map();
  readonly insights: InsightReads;

  private constructor(
    private readonly db: Db,
    readonly now: Clock,
  ) {
    this.currentEpoch = readMeta(db, 'epoch') ?? '';
    const statements = new Map<string, ReturnType<Db['prepare']>>();
    this.insights = new InsightReads((sql, params) =>
      this.run(() => {
        const statement = statements.get(sql) ?? db.prepare(sql);
        statements.set(sql, statement);
        return statement.all(...params) as Record<string, unknown>[];
      }),
    );
  }

  /** Checkpoints the WAL from a worker thread (servers; see checkpointer.ts), when asked. */
  private checkpointer: Checkpointer | undefined;

  static open(
    file: string,
    options: { now?: Clock; backgroundCheckpoint?: boolean } = {},
  ): SqliteStore {
    const store = new SqliteStore(openDatabase(file), options.now ?? systemClock);
    if (options.backgroundCheckpoint === true && file !== ':memory:')
      store.checkpointer = startCheckpointer(store.db, file);
    return store;
  }

  get epoch(): string {
    return this.currentEpoch;
  }

  async close(): Promise<void> {
    const checkpointer = this.checkpointer;
    this.checkpointer = undefined;
    await checkpointer?.stop();
    if (this.db.open) this.db.close();
  }

  /** Runs synchronous work as the async interface's promise (a throw becomes a rejection). */
  private run<T>(work: () => T): Promise<T> {
    return new Promise((resolve) => resolve(work()));
  }

  readiness(): Promise<Readiness> {
    return this.run(() => {
      const schema = schemaStatus(this.db);
      return { ok: schema.current === schema.latest, database: 'ok', schema };
    });
  }

  lastSeq = () => this.run(() => lastSeqOf(this.db));
  committedSeq = () => this.lastSeq();
  feedPage = (audience: Audience, afterSeq: number, limit: number) =>
    this.run(() => feedPage(this.db, this.epoch, audience, afterSeq, limit));

  isEmpty = () => this.run(() => extras.seedNeeds(this.db).items);
  getItem = (id: string) =>
    this.run(() => {
      const row = items.readItem(this.db, id);
      return row === undefined || row.deleted ? undefined : headOf(row).item;
    });
  itemHead = (id: string) =>
    this.run(() => {
      const row = items.readItem(this.db, id);
      return row === undefined ? undefined : headOf(row);
    });
  listItems = () => this.run(() => items.itemBodies(this.db, 'body'));
  liveItems = () => this.run(() => items.itemBodies(this.db, 'live_body'));
  itemVersion = (id: string, version: number) =>
    this.run(() => items.itemVersion(this.db, id, version));
  itemVersions = (id: string) => this.run(() => items.itemVersions(this.db, id));
  upsertItem = (input: unknown, author: string | undefined) =>
    this.run(() =>
      this.db.transaction(() => items.upsertItem(this.db, input, author, this.now()))(),
    );
  upsertItems = (inputs: unknown[], author: string | undefined) =>
    this.run(() =>
      this.db.transaction(() =>
        inputs.reduce<number>(
          (_, input) => items.upsertItem(this.db, input, author, this.now()),
          0,
        ),
      )(),
    );
  deleteItem = (id: string) =>
    this.run(() => this.db.transaction(() => items.tombstone(this.db, 'items', id))());
  upsertApp = (input: unknown) =>
    this.run(() => this.db.transaction(() => items.upsertApp(this.db, input))());
  deleteApp = (id: string) =>
    this.run(() => this.db.transaction(() => items.tombstone(this.db, 'apps', id))());

  workflowStep(id: string, actor: string, decide: StepDecider): Promise<Item> {
    return this.run(() =>
      this.db.transaction(() => {
        const current = items.readItem(this.db, id);
        const decision = decide(current && headOf(current), people.lastEditor(this.db, id));
        if (decision.kind === 'unchanged') return decision.item;
        const at = this.now();
        const { item } = decision;
        items.writeItem(this.db, nextItemRow(item, current, true), { author: actor, at });
        for (const entry of decision.audit)
          people.appendAudit(this.db, at, {
            actor,
            item: item.id,
            version: item.version,
            ...entry,
          });
        return item;
      })(),
    );
  }

  appendAudit = (entry: AuditInput) =>
    this.run(() => people.appendAudit(this.db, this.now(), entry));
  queryAudit = (filter: AuditFilter) => this.run(() => people.queryAudit(this.db, filter));

  addUser = (input: UserInput) => this.run(() => people.addUser(this.db, input, this.now()));
  revokeUser = (email: string, actor = 'cli') =>
    this.run(() => people.revokeUser(this.db, email, actor, this.now()));
  listUsers = () => this.run(() => people.listUsers(this.db));
  userForToken = (token: string) => this.run(() => people.userForToken(this.db, token));
  activeUser = (email: string) => this.run(() => people.activeUser(this.db, email));

  // Identity, provisioning, acknowledgements (issue 17): each one transaction.
  private tx = <T>(work: () => T) => this.run(() => this.db.transaction(work)());
  signIn = (claims: IdentityClaims, assign: GroupAssigner, options: { create: boolean }) =>
    this.tx(() => identity.signIn(this.db, claims, assign, options.create, this.now()));
  scimUser = (id: string) => this.run(() => scim.scimUser(this.db, id));
  scimUsers = (query: ScimQuery) => this.tx(() => scim.scimUsers(this.db, query));
  scimWriteUser = (
    id: string | undefined,
    decide: ScimDecider<ScimUserRecord, ScimUserWrite>,
    assign: GroupAssigner,
  ) => this.tx(() => scim.scimWriteUser(this.db, id, decide, assign, this.now()));
  scimDeleteUser = (id: string) => this.tx(() => scim.scimDeleteUser(this.db, id, this.now()));
  scimGroup = (id: string) => this.run(() => scim.scimGroup(this.db, id));
  scimGroups = (query: ScimQuery) => this.tx(() => scim.scimGroups(this.db, query));
  scimWriteGroup = (
    id: string | undefined,
    decide: ScimDecider<ScimGroupRecord, ScimGroupWrite>,
    assign: GroupAssigner,
  ) => this.tx(() => scim.scimWriteGroup(this.db, id, decide, assign, this.now()));
  scimDeleteGroup = (id: string, assign: GroupAssigner) =>
    this.tx(() => scim.scimDeleteGroup(this.db, id, assign, this.now()));
  acknowledge = (itemId: string, email: string) =>
    this.tx(() => identity.acknowledge(this.db, itemId, email, this.now()));
  acknowledgements = (itemId: string) => this.run(() => identity.acknowledgements(this.db, itemId));

  listTemplates = () => this.run(() => extras.listTemplates(this.db));
  putTemplate = (template: Template, actor: string | undefined) =>
    this.run(() =>
      this.db.transaction(() => extras.putTemplate(this.db, template, actor, this.now()))(),
    );

  addAnchorReports = (reports: AnchorReportInput[]) =>
    this.run(() => extras.addAnchorReports(this.db, reports, this.now()));
  anchorReports = () => this.run(() => extras.anchorReports(this.db));

  appendInsightEvents = (batch: InsightBatch) =>
    this.run(() => appendInsightEvents(this.db, this.names, batch, this.now()));
  weekSalts = (weeks: readonly string[], oldest: string) =>
    this.run(() => insightAdmin.weekSalts(this.db, weeks, oldest));
  appendContentRequests = (requests: readonly ContentRequest[]) =>
    this.run(() => appendContentRequests(this.db, requests));
  insightSettings = () => this.run(() => insightAdmin.insightSettings(this.db));
  putInsightSettings = (change: SettingsChange, actor: string) =>
    this.run(() => insightAdmin.putInsightSettings(this.db, change, actor, this.now()));
  gapStates = () => this.run(() => insightAdmin.gapStates(this.db));
  setGapState = (
    gap: { app: string; screen: string; status: GapState['status']; item: string | undefined },
    actor: string,
  ) => this.run(() => insightAdmin.setGapState(this.db, gap, actor, this.now()));
  importHelpdesk = (
    tickets: readonly HelpdeskTicketInput[],
    meta: { actor: string; skipped: number; problems: string[] },
  ) => this.run(() => insightAdmin.importHelpdesk(this.db, tickets, meta, this.now()));
  helpdeskImports = () => this.run(() => insightAdmin.helpdeskImports(this.db));
  learningRecordsOf = (email: string) =>
    this.run(() => insightAdmin.learningRecordsOf(this.db, email));
  pruneInsights = (today: string) => this.run(() => insightAdmin.pruneInsights(this.db, today));

  seedNeeds = () => this.run(() => extras.seedNeeds(this.db));
  seed = (content: SeedContent, what: { items: boolean; templates: boolean }) =>
    this.run(() => extras.seed(this.db, content, what, this.now()));

  // eslint-disable-next-line @typescript-eslint/require-await -- the interface is async; SQLite reads synchronously
  async *dump(): AsyncGenerator<DumpChunk> {
    yield* dump(this.db);
  }

  async load(chunks: AsyncIterable<DumpChunk>): Promise<void> {
    if (holdsData(this.db)) throw new Error('the target database is not empty');
    this.db.exec('BEGIN IMMEDIATE');
    try {
      for await (const chunk of chunks) loadChunk(this.db, chunk);
      this.db.exec('COMMIT');
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
    this.currentEpoch = readMeta(this.db, 'epoch') ?? this.currentEpoch;
  }
}
