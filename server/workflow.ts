import {
  DEFAULT_VERIFY_DAYS,
  itemSchema,
  type Item,
  type ItemStatus,
  type Role,
} from '@/lib/content-model';
import type { AuditAction } from '@/lib/content-model/audit';
import { dateInDays } from './clock';
import { HttpError, parseOr400 } from './http';
import { contentOf, draftFrom } from './item-input';
import type { ItemHead, StepDecision, Store } from './store';

export interface Actor {
  email: string;
  role: Role;
}

/**
 * The next verify-by date: today plus the item's own period (set from its template), or the
 * default when the item has none.
 */
function nextVerifyBy(item: Item, now: Date): string {
  return dateInDays(item.verify_days ?? DEFAULT_VERIFY_DAYS, now);
}

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** The later of two YYYY-MM-DD dates (ISO dates compare as strings). */
const laterDate = (a: string | undefined, b: string): string => (a === undefined || b > a ? b : a);

function conflict(message: string, current: number | null): HttpError {
  return new HttpError(409, 'conflict', message, { current_version: current });
}

function existing(id: string, head: ItemHead | undefined): ItemHead {
  if (head === undefined || head.deleted) throw new HttpError(404, 'not_found', `no item "${id}"`);
  return head;
}

interface Step {
  from: readonly ItemStatus[];
  /** Throws to refuse the step for this actor (self-approval, not the owner…). */
  guard?: (head: ItemHead, lastEditor: string | undefined) => void;
  change: (item: Item) => Partial<Item>;
  audit: { action: AuditAction; comment?: string | undefined }[];
}

/**
 * The governed life of an item. Every change is one `store.workflowStep`: the decision below,
 * made on the item's current head, checks the version the caller based it on (no lost update)
 * and that the status allows it; the store then writes the next version (a new immutable version
 * row and the next feed seq) and its audit rows together, only over the head it was decided on.
 */
export class Workflow {
  constructor(private readonly store: Store) {}

  private now(): Date {
    return this.store.now();
  }

  /** A new item, at version 1; `submit` puts that first version straight into review. */
  create(input: unknown, actor: Actor, submit = false): Promise<Item> {
    const draft = draftFrom(input, { version: 1, defaultOwner: actor.email, now: this.now() });
    return this.store.workflowStep(draft.id, actor.email, (head): StepDecision => {
      if (head !== undefined && !head.deleted)
        throw conflict(`item "${draft.id}" already exists; edit it`, head.item.version);
      // A deleted id keeps its history: the new item continues its version numbers.
      const version = (head?.item.version ?? 0) + 1;
      if (!submit)
        return { kind: 'write', item: { ...draft, version }, audit: [{ action: 'create' }] };
      const item = parseOr400(itemSchema, { ...draft, version, status: 'in_review' });
      return { kind: 'write', item, audit: [{ action: 'create' }, { action: 'submit' }] };
    });
  }

  /** An edit is a new draft version; a published copy stays live until the draft is approved. */
  edit(id: string, input: unknown, base: number | undefined, actor: Actor): Promise<Item> {
    if (base === undefined)
      throw new HttpError(400, 'bad_request', 'version: send If-Match: <version> or "version"');
    const now = this.now();
    return this.store.workflowStep(id, actor.email, (found): StepDecision => {
      const head = existing(id, found);
      if (base !== head.item.version)
        throw conflict(
          `item "${id}" changed since version ${base}; it is at version ${head.item.version}`,
          head.item.version,
        );
      const draft = draftFrom(input, {
        id,
        version: head.item.version + 1,
        defaultOwner: head.item.owner,
        now,
      });
      if (draft.type !== head.item.type)
        throw new HttpError(
          400,
          'bad_request',
          `type: item "${id}" is of type ${head.item.type}; an edit cannot make it a ${draft.type}`,
        );
      // Re-sending the same content is a no-op: it never pulls an item out of review.
      if (contentOf(draft) === contentOf(head.item)) return { kind: 'unchanged', item: head.item };
      return { kind: 'write', item: draft, audit: [{ action: 'edit' }] };
    });
  }

  private step(id: string, base: number | undefined, actor: Actor, step: Step): Promise<Item> {
    const now = this.now();
    return this.store.workflowStep(id, actor.email, (found, lastEditor): StepDecision => {
      const head = existing(id, found);
      const current = head.item;
      if (base !== undefined && base !== current.version)
        throw conflict(
          `item "${id}" changed since version ${base}; it is at version ${current.version}`,
          current.version,
        );
      const action = step.audit[0]?.action ?? 'edit';
      if (!step.from.includes(current.status))
        throw conflict(
          `item "${id}" is ${current.status}; ${action} needs ${step.from.join(' or ')}`,
          current.version,
        );
      step.guard?.(head, lastEditor);
      const next = parseOr400(itemSchema, {
        ...current,
        ...step.change(current),
        version: current.version + 1,
        updated_at: now.toISOString(),
      });
      return { kind: 'write', item: next, audit: step.audit };
    });
  }

  submit(id: string, base: number | undefined, actor: Actor): Promise<Item> {
    return this.step(id, base, actor, {
      from: ['draft'],
      change: () => ({ status: 'in_review' }),
      audit: [{ action: 'submit' }],
    });
  }

  approve(id: string, base: number | undefined, actor: Actor, comment?: string): Promise<Item> {
    const now = this.now();
    return this.step(id, base, actor, {
      from: ['in_review'],
      guard: (_head, editor) => {
        if (editor !== undefined && same(editor, actor.email))
          throw new HttpError(
            403,
            'forbidden',
            `you made the last change to "${id}"; another reviewer must approve it`,
          );
      },
      change: (item) => ({
        status: 'published',
        // A review is a verification: at least a full period from today, never shortening a
        // later date the author set.
        verify_by: laterDate(item.verify_by, nextVerifyBy(item, now)),
      }),
      audit: [{ action: 'approve', comment }, { action: 'publish' }],
    });
  }

  requestChanges(id: string, base: number | undefined, actor: Actor, comment: string) {
    if (comment.trim() === '')
      throw new HttpError(400, 'bad_request', 'comment: say what needs to change');
    return this.step(id, base, actor, {
      from: ['in_review'],
      change: () => ({ status: 'draft' }),
      audit: [{ action: 'request_changes', comment }],
    });
  }

  archive(id: string, base: number | undefined, actor: Actor, comment?: string): Promise<Item> {
    return this.step(id, base, actor, {
      from: ['draft', 'in_review', 'published'],
      change: () => ({ status: 'archived' }),
      audit: [{ action: 'archive', comment }],
    });
  }

  /**
   * Publishes a copy of an earlier version as the next one. Only a version that was published
   * can come back: restoring an unreviewed draft this way would skip review. Versions never
   * change, so reading it before the step's transaction is safe.
   */
  async rollback(id: string, to: number, base: number | undefined, actor: Actor, comment?: string) {
    const restored = await this.store.itemVersion(id, to);
    if (restored === undefined)
      throw new HttpError(400, 'bad_request', `version: "${id}" has no ${to}`);
    if (restored.status !== 'published')
      throw new HttpError(
        400,
        'bad_request',
        `version: ${to} was never published (it is a ${restored.status})`,
      );
    return this.step(id, base, actor, {
      from: ['draft', 'in_review', 'published', 'archived'],
      change: () => ({ ...restored, status: 'published' }),
      audit: [{ action: 'rollback', comment: comment ?? `restored version ${to}` }],
    });
  }

  /** The owner (or an admin) confirms a published item is still right for another period. */
  verify(id: string, base: number | undefined, actor: Actor): Promise<Item> {
    const now = this.now();
    return this.step(id, base, actor, {
      from: ['published'],
      guard: (head) => {
        if (actor.role !== 'admin' && !same(head.item.owner, actor.email))
          throw new HttpError(
            403,
            'forbidden',
            `only the owner (${head.item.owner}) or an admin can verify "${id}"`,
          );
      },
      change: (item) => ({ verify_by: nextVerifyBy(item, now) }),
      audit: [{ action: 'verify' }],
    });
  }
}
