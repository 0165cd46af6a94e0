import type { AuditAction, AuditEntry } from '@/lib/content-model/audit';
import type { AppDefinition, Item, Role, Template } from '@/lib/content-model';
import type { Clock } from '../clock';
import type { FeedRead } from './feed-rows';
import type { IdentityStore } from './identity-types';
import type { InsightsStore } from './insight-types';
import { insightTables } from './insight-tables';

/** Who a feed is built for: a signed-in user, or an audience of a static export. */
export interface Audience {
  role: Role;
  /** undefined: the user belongs to no team (sees only items targeted at every team). */
  team: string | undefined;
}

/** A signed-in caller, as the feed's visibility rules see them. */
export interface User extends Audience {
  email: string;
}

export interface UserListing extends User {
  created_at: string;
  revoked_at: string | undefined;
}

/** An item's stored head (the newest version, whatever its status) and its live copy. */
export interface ItemHead {
  item: Item;
  deleted: boolean;
  /** The copy learners see (the last published one), if any. */
  live: Item | undefined;
}

export interface VersionInfo {
  version: number;
  status: Item['status'];
  author: string | undefined;
  created_at: string;
}

export interface AuditInput {
  actor: string;
  action: AuditAction;
  item?: string | undefined;
  version?: number | undefined;
  comment?: string | undefined;
}

export interface AuditFilter {
  item?: string | undefined;
  actor?: string | undefined;
  action?: AuditAction | undefined;
  /** ISO date-time: entries at or after it. */
  since?: string | undefined;
  /** Entries older than this id (the `next` of the previous page). */
  before?: number | undefined;
  limit: number;
}

/** Newest first; `next` is the `before` of the following page, or null at the end. */
export interface AuditPage {
  entries: AuditEntry[];
  next: number | null;
}

/**
 * What a governed change decides, given the item's head (undefined: no such id yet) and who last
 * changed its content. Pure and synchronous: the backend writes what it returns only if the head
 * is still the one it decided on (SQLite: in one transaction; PostgreSQL: a write guarded by the
 * head's version, and the decision made again if another writer got there first) — or nothing
 * when it throws.
 */
export type StepDecider = (
  head: ItemHead | undefined,
  lastEditor: string | undefined,
) => StepDecision;

export type StepDecision =
  | { kind: 'unchanged'; item: Item }
  | {
      kind: 'write';
      item: Item;
      /** Audit rows written with the change, in order. */
      audit: { action: AuditAction; comment?: string | undefined }[];
    };

export interface UserInput {
  email: string;
  role: Role | undefined;
  team: string | undefined;
  /** Issue a new token for an existing user (and un-revoke), keeping role and team unless given. */
  rotate: boolean;
  /** Who made the change, for the audit trail (the CLI runs with database access). */
  actor?: string;
}

export type TemplatePutOutcome = 'created' | 'updated' | 'unchanged';

export interface AnchorReportInput {
  id: string;
  app: string;
  screen: string;
  count: number;
}

export interface AnchorReport extends AnchorReportInput {
  last_at: string;
  /** The item's head. */
  item: Item;
}

/** What a first start seeds: apps, then items (each at its own version), then templates. */
export interface SeedContent {
  apps: AppDefinition[];
  items: Item[];
  templates: Template[];
}

export interface SchemaStatus {
  /** Migrations applied to this database. */
  current: number;
  /** Migrations this server knows. */
  latest: number;
}

/** Why a store is not ready to serve: the database or its schema, in words for /readyz. */
export interface Readiness {
  ok: boolean;
  /** 'ok', or what went wrong reaching it. */
  database: string;
  schema: SchemaStatus | undefined;
}

/** One batch of rows of one table, in a backend-neutral shape (waymark db copy). */
export interface DumpChunk {
  table: DumpTable;
  rows: Record<string, string | number | boolean | null>[];
}
export const dumpTables = [
  'meta',
  'users',
  'apps',
  'items',
  'item_versions',
  'audit_log',
  'anchor_reports',
  'templates',
  'scim_groups',
  'scim_members',
  'acknowledgements',
  'seq',
  ...insightTables,
] as const;
export type DumpTable = (typeof dumpTables)[number];

/**
 * The server's storage: every operation routes, the CLI and the seed need, each whole (one
 * transaction inside the backend), async so one interface fits an embedded and a networked
 * database. Nothing outside `server/store/<backend>/` sees SQL. See docs/DESIGN.md ("Storage")
 * and docs/adr/0006-one-store-two-backends.md for the rules a new operation follows.
 */
export interface Store extends IdentityStore, InsightsStore {
  readonly backend: 'sqlite' | 'postgres';
  /** Names this database in cursors: a cursor minted by another database is "unknown". */
  readonly epoch: string;
  /** The time now, for every stamp and date the server writes (tests pass a fixed clock). */
  readonly now: Clock;
  close(): Promise<void>;

  /** Database reachable, schema at this server's version. */
  readiness(): Promise<Readiness>;

  /** The last feed sequence number this process knows (kept fresh; may trail by milliseconds). */
  lastSeq(): Promise<number>;
  /** The last sequence number committed, read from the database now. */
  committedSeq(): Promise<number>;
  /** One feed page (server/store/feed-rows.ts) and the sequence it was read at: one snapshot. */
  feedPage(audience: Audience, afterSeq: number, limit: number): Promise<FeedRead>;

  isEmpty(): Promise<boolean>;
  /** The head of a live (not deleted) item. */
  getItem(id: string): Promise<Item | undefined>;
  itemHead(id: string): Promise<ItemHead | undefined>;
  /** Heads of every live item, by id. */
  listItems(): Promise<Item[]>;
  /** The published copies learners see, by id. */
  liveItems(): Promise<Item[]>;
  itemVersion(id: string, version: number): Promise<Item | undefined>;
  /** Every stored version of an item, oldest first (the history behind `version`). */
  itemVersions(id: string): Promise<VersionInfo[]>;
  /**
   * Stores an item (validated) as its newest version and gives it the next sequence number.
   * Re-sending the stored body is a no-op; any other change needs a higher `version`
   * (VersionConflictError). Returns the item's sequence number.
   */
  upsertItem(input: unknown, author: string | undefined): Promise<number>;
  /** upsertItem for many items in one transaction (bulk loads); returns the last sequence. */
  upsertItems(inputs: unknown[], author: string | undefined): Promise<number>;
  /** Deletes an item, leaving a tombstone at a new sequence number; false if there was none. */
  deleteItem(id: string): Promise<boolean>;
  /** Stores an app definition (validated); re-sending the same body is a no-op. */
  upsertApp(input: unknown): Promise<number>;
  deleteApp(id: string): Promise<boolean>;

  /** A governed change of one item (server/workflow.ts decides; the store locks and writes). */
  workflowStep(id: string, actor: string, decide: StepDecider): Promise<Item>;

  appendAudit(entry: AuditInput): Promise<void>;
  queryAudit(filter: AuditFilter): Promise<AuditPage>;

  /** Adds a user (or rotates their token); returns the token, shown this once. */
  addUser(input: UserInput): Promise<string>;
  /** Revokes a user's token at once; false if the email is unknown or already revoked. */
  revokeUser(email: string, actor?: string): Promise<boolean>;
  listUsers(): Promise<UserListing[]>;
  /** The user a token belongs to, if it is known and not revoked. */
  userForToken(token: string): Promise<User | undefined>;
  /**
   * The user with this email if they may still sign in (not disabled by SCIM or the provider):
   * what a web session made by a provider sign-in is checked against on every request.
   */
  activeUser(email: string): Promise<User | undefined>;

  /** Every template, by item type (registry order), then name. */
  listTemplates(): Promise<Template[]>;
  /** Stores a validated template; a change by a person (`actor`) is audited with it. */
  putTemplate(template: Template, actor: string | undefined): Promise<TemplatePutOutcome>;

  /** Adds counts for items the server has (others are dropped); returns how many were kept. */
  addAnchorReports(reports: AnchorReportInput[]): Promise<number>;
  /** Reports for live items, most counted first. */
  anchorReports(): Promise<AnchorReport[]>;

  /** What a start should seed: items when the database is empty, templates once. */
  seedNeeds(): Promise<{ items: boolean; templates: boolean }>;
  /** Seeds in one transaction: content (when `items`), then templates (when `templates`). */
  seed(content: SeedContent, what: { items: boolean; templates: boolean }): Promise<void>;

  /** Every row of every table, in batches, for `waymark db copy`. */
  dump(): AsyncGenerator<DumpChunk>;
  /** Loads a dump into this (empty) database in one transaction, keeping epoch and sequence. */
  load(chunks: AsyncIterable<DumpChunk>): Promise<void>;
}
