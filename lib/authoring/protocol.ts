import type { Item, ItemStatus } from '@/lib/content-model';
import type { AuditAction, AuditEntry } from '@/lib/content-model/audit';
import type { Detection } from '@/lib/context';

/**
 * The shapes authoring messages carry (see `bg:pick-*`, `bg:draft-*` and `bg:author-*` in
 * `lib/messages.ts`, which re-exports them): picks, local drafts, and the server's answers in words.
 */

type ItemType = Item['type'];

/** Whose anchor a pick fills: the tip's own, or one lesson step's. */
export type PickTarget = { kind: 'tip' } | { kind: 'lesson-step'; step: number };

export type PickResult =
  | {
      draftKey: string;
      target: PickTarget;
      outcome: 'picked';
      /** A `lib/anchors` anchor; validated by the anchor schema before it is stored. */
      anchor: unknown;
      /** Whether `resolveAnchor` found the chosen element again, at once, on the same page. */
      resolves: boolean;
      /** How the element reads to people, e.g. `button "Submit as Solved"`. */
      label: string;
      /** Where the element was chosen, to prefill screen targeting. */
      detection: Detection | null;
    }
  | { draftKey: string; target: PickTarget; outcome: 'cancelled' };

/** A local draft: the fields as authored so far; never lost when the panel closes. */
export interface Draft {
  key: string;
  type: ItemType;
  templateId?: string;
  /** Set once the server holds the item (created, or opened from the server to edit). */
  itemId?: string;
  /** The server version these edits are based on (sent as If-Match). */
  baseVersion?: number;
  /** The item's fields (id, title, body, targeting, type-specific fields…), possibly incomplete. */
  fields: Record<string, unknown>;
  /** The template's example text, which must not be sent unchanged (template-text.ts). */
  templateText?: string[];
  /** The last element pick: whether it resolved back, and what the author chose. */
  pick?: { resolves: boolean; label: string; pickedAt: string; target: PickTarget };
  createdAt: string;
  updatedAt: string;
  /** When the server last accepted these fields. */
  sentAt?: string;
}

export interface DraftSummary {
  key: string;
  type: ItemType;
  title: string;
  itemId?: string;
  updatedAt: string;
  sentAt?: string;
}

/** An answer from the server in words: a value, or what went wrong (with the 409's version). */
export type AuthorResult<T> =
  { ok: true; value: T } | { ok: false; status: number; problem: string; currentVersion?: number };

export interface AuthorItem {
  id: string;
  type: ItemType;
  title: string;
  status: ItemStatus;
  owner: string;
  version: number;
  updated_at: string;
  verify_by?: string;
}

export interface AuthorItemDetail {
  item: Item;
  versions: { version: number; status: ItemStatus; author: string | null; created_at: string }[];
  /** What happened to the item, newest first, with reviewers' comments. */
  history: AuditEntry[];
}

export type WorkflowAction =
  'submit' | 'approve' | 'request-changes' | 'archive' | 'verify' | 'rollback';

export interface WorkflowStep {
  id: string;
  action: WorkflowAction;
  /** The version the author saw (If-Match): a stale one is refused as a conflict. */
  version: number;
  comment?: string;
  /** For rollback: the earlier version to restore. */
  restore?: number;
}

export interface AuditQuery {
  item?: string;
  actor?: string;
  action?: AuditAction;
  /** YYYY-MM-DD: entries on or after that day. */
  since?: string;
  /** The `next` of the previous page. */
  before?: string;
}

export interface AuditPage {
  entries: AuditEntry[];
  next: string | null;
}

export interface VerificationQueue {
  /** `version`: what a one-click verify is based on. */
  overdue: {
    id: string;
    type: ItemType;
    title: string;
    owner: string;
    verify_by: string;
    version: number;
  }[];
  broken_anchors: {
    id: string;
    title: string;
    owner: string;
    app: string;
    screen: string;
    count: number;
    last_reported_at: string;
  }[];
}
