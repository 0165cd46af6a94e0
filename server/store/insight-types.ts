import type {
  GapStatus,
  HelpdeskImport,
  InsightSettings,
  SettingsChange,
} from '@/lib/insights/views';
import type { ContentRequest } from '@/lib/insights';
import type { PlannedRow } from '../insights/ingest-plan';
import type { InsightReads } from './insight-reads';

/** One `POST /v1/events` batch, planned (server/insights/ingest-plan.ts). */
export interface InsightBatch {
  install: string;
  /** The server's day: query counts are made as of it. */
  today: string;
  rows: PlannedRow[];
}

/** Which seqs were stored now, and which the store already had. */
export interface InsightBatchResult {
  inserted: number[];
  duplicates: number[];
}

/** A gap someone acted on. */
export interface GapState {
  app: string;
  screen: string;
  status: GapStatus;
  item: string | undefined;
  updated_at: string;
  updated_by: string;
}

/** One ticket of a helpdesk export after its id was hashed (the id itself never gets here). */
export interface HelpdeskTicketInput {
  app: string;
  /** hashRecord(organisation key, app / type / id). */
  record: string;
  /** The day it was solved (or created): YYYY-MM-DD. */
  day: string;
  /** From the export, for tickets Waymark never saw (the join's team wins otherwise). */
  team: string | undefined;
  resolution_minutes: number | undefined;
  reopens: number | undefined;
  replies: number | undefined;
}

/** Which content requests (by id) were stored now, and which the store already had. */
export interface ContentRequestsResult {
  inserted: string[];
  duplicates: string[];
}

/** A learner's own named record. */
export interface LearningRecord {
  day: string;
  type: string;
  subject: string;
  /** The event as received. */
  body: string;
}

/** Rows deleted by one retention run, per kind. */
export interface PruneCounts {
  raw_events: number;
  installs: number;
  query_words: number;
  rollup_rows: number;
  learning_records: number;
  salts: number;
  person_marks: number;
  guidance_records: number;
  content_requests: number;
}

/** The insights part of the Store (server/store/types.ts); each write is one transaction. */
export interface InsightsStore {
  /**
   * Stores a batch: each row whose (install, seq) is new, and for exactly those rows their rollup
   * counts, person marks, learning record, anchor report, guidance record and query words — all
   * in one transaction. Returns the seqs inserted and the seqs it already had.
   */
  appendInsightEvents(batch: InsightBatch): Promise<InsightBatchResult>;
  /** The salts of `weeks` (Mondays), made when missing; weeks before `oldest` are never made. */
  weekSalts(weeks: readonly string[], oldest: string): Promise<Map<string, string>>;

  insightSettings(): Promise<InsightSettings>;
  /** Applies a change, auditing each setting changed by `actor`; returns the settings now. */
  putInsightSettings(change: SettingsChange, actor: string): Promise<InsightSettings>;

  /** Stores each content request whose id is new (one transaction); which were new, which not. */
  appendContentRequests(requests: readonly ContentRequest[]): Promise<ContentRequestsResult>;

  gapStates(): Promise<GapState[]>;
  /** Sets a gap's status (and item) and audits it; returns the state stored. */
  setGapState(
    gap: { app: string; screen: string; status: GapStatus; item: string | undefined },
    actor: string,
  ): Promise<GapState>;

  /**
   * Joins hashed tickets with the records seen in Waymark and stores their outcomes with the
   * cohort (guidance opened or not), the team and the agent's weekly pseudonym — never the hash.
   */
  importHelpdesk(
    tickets: readonly HelpdeskTicketInput[],
    meta: { actor: string; skipped: number; problems: string[] },
  ): Promise<HelpdeskImport>;
  helpdeskImports(): Promise<HelpdeskImport[]>;

  /** The learner's own records, oldest first. */
  learningRecordsOf(email: string): Promise<LearningRecord[]>;

  /** Deletes what retention says is past keeping on `today` (docs/privacy.md). */
  pruneInsights(today: string): Promise<PruneCounts>;

  /** The aggregates the views are built from (read-only). */
  readonly insights: InsightReads;
}
