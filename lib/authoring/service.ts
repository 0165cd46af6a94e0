import { deleteDraft, getDraft, listDrafts, putDraft, type WaymarkDatabase } from '@/lib/db';
import type { TabPages } from '@/lib/knowledge';
import { memoryTabStore, type TabStore } from '@/lib/runtime/tab-store';
import { staticFeedBase } from '@/lib/sync';
import type {
  AcknowledgementCount,
  AuditPage,
  AuditQuery,
  AuthorItem,
  AuthorItemDetail,
  AuthorResult,
  Draft,
  DraftSummary,
  PickResult,
  PickTarget,
  VerificationQueue,
  WorkflowStep,
} from '@/lib/messages';
import type { Item, ItemStatus, Template } from '@/lib/content-model';
import type { ItemView, ScreenView } from '@/lib/insights/views';
import { AuthorApi } from './api';
import {
  applyPick,
  checkDraft,
  draftFromItem,
  draftFromTemplate,
  itemInput,
  submitProblems,
  summarizeDraft,
} from './drafts';

export interface AuthorAccount {
  serverUrl: string;
  token: string;
  me?: { email: string; role: string; team: string | null } | undefined;
}

/** Which draft (and which part of it) a tab's picker fills. */
export interface PendingPick {
  draftKey: string;
  target: PickTarget;
}
export type PendingPicks = TabStore<PendingPick>;
export const memoryPendingPicks = (): PendingPicks => memoryTabStore<PendingPick>();

export interface AuthoringDeps {
  db: WaymarkDatabase;
  account: () => Promise<AuthorAccount | undefined>;
  fetch: (url: string, init?: RequestInit) => Promise<Response>;
  tabs: TabPages;
  picks: PendingPicks;
  now: () => Date;
  newKey: () => string;
  /** Tells an open side panel that a draft changed outside it. */
  draftChanged: (draftKey: string) => void;
}

const signedOut: AuthResultFailure = {
  ok: false,
  status: 401,
  problem:
    'Authoring needs a content server: connect Waymark to your server in its options (a static feed is read-only).',
};
type AuthResultFailure = Extract<AuthorResult<never>, { ok: false }>;

/**
 * Authoring from the background: local drafts (autosaved in the extension's IndexedDB), the
 * element picker's results, and the server's authoring API with the account's token. The side
 * panel only ever sees drafts and answers in words; the token never leaves the background.
 */
export class AuthoringService {
  constructor(private readonly deps: AuthoringDeps) {}

  async #api(): Promise<{ api: AuthorApi; account: AuthorAccount } | AuthResultFailure> {
    const account = await this.deps.account();
    // A static feed (…/head.json) has no authoring API.
    if (account === undefined || staticFeedBase(account.serverUrl) !== undefined) return signedOut;
    return {
      account,
      api: new AuthorApi({
        serverUrl: account.serverUrl,
        token: account.token,
        fetch: this.deps.fetch,
      }),
    };
  }

  async templates(): Promise<AuthorResult<Template[]>> {
    const c = await this.#api();
    return 'api' in c ? c.api.templates() : c;
  }

  async items(query: { status?: ItemStatus; mine?: boolean }): Promise<AuthorResult<AuthorItem[]>> {
    const c = await this.#api();
    if (!('api' in c)) return c;
    const owner = query.mine === true ? c.account.me?.email : undefined;
    return c.api.items({
      ...(query.status === undefined ? {} : { status: query.status }),
      ...(owner === undefined ? {} : { owner }),
    });
  }

  async item(id: string): Promise<AuthorResult<AuthorItemDetail>> {
    const c = await this.#api();
    return 'api' in c ? c.api.item(id) : c;
  }

  async step(step: WorkflowStep): Promise<AuthorResult<Item>> {
    const c = await this.#api();
    return 'api' in c ? c.api.step(step) : c;
  }

  async queue(): Promise<AuthorResult<VerificationQueue>> {
    const c = await this.#api();
    return 'api' in c ? c.api.queue() : c;
  }

  async audit(query: AuditQuery): Promise<AuthorResult<AuditPage>> {
    const c = await this.#api();
    return 'api' in c ? c.api.audit(query) : c;
  }

  /** Insights for the screen the tab shows (its app and screen as detected). */
  async screenInsights(tabId: number | undefined): Promise<AuthorResult<ScreenView>> {
    const detection = tabId === undefined ? undefined : await this.deps.tabs.get(tabId);
    if (detection?.app == null)
      return { ok: false, status: 400, problem: 'This tab is not one of the apps Waymark knows.' };
    const c = await this.#api();
    return 'api' in c ? c.api.screenInsights(detection.app, detection.screen ?? undefined) : c;
  }

  async itemInsights(id: string): Promise<AuthorResult<ItemView>> {
    const c = await this.#api();
    return 'api' in c ? c.api.itemInsights(id) : c;
  }

  async acknowledgements(id: string): Promise<AuthorResult<AcknowledgementCount>> {
    const c = await this.#api();
    return 'api' in c ? c.api.acknowledgements(id) : c;
  }

  async listDrafts(): Promise<DraftSummary[]> {
    return (await listDrafts(this.deps.db)).map(summarizeDraft);
  }

  async getDraft(key: string): Promise<Draft | null> {
    return (await getDraft(this.deps.db, key)) ?? null;
  }

  putDraft(draft: Draft): Promise<{ saved: boolean; draft: Draft }> {
    return putDraft(this.deps.db, draft);
  }

  async deleteDraft(key: string): Promise<{ deleted: boolean }> {
    return { deleted: await deleteDraft(this.deps.db, key) };
  }

  /**
   * A new local draft: from a template (prefilled with the tab's app and screen), or from an item
   * on the server (to edit it, based on the version read). Editing an item that already has a
   * local draft reopens that draft rather than dropping its unsent text.
   */
  async newDraft(from: {
    templateId?: string;
    itemId?: string;
    tabId?: number;
  }): Promise<AuthorResult<Draft>> {
    const c = await this.#api();
    if (!('api' in c)) return c;
    const now = this.deps.now();
    if (from.itemId !== undefined) {
      const existing = (await listDrafts(this.deps.db)).find((d) => d.itemId === from.itemId);
      if (existing !== undefined) return { ok: true, value: existing };
      const item = await c.api.read(from.itemId);
      if (!item.ok) return item;
      const draft = draftFromItem(item.value, { key: this.deps.newKey(), now });
      await putDraft(this.deps.db, draft);
      return { ok: true, value: draft };
    }
    const templates = await c.api.templates();
    if (!templates.ok) return templates;
    const template = templates.value.find((t) => t.id === from.templateId);
    if (template === undefined)
      return {
        ok: false,
        status: 404,
        problem: `There is no template "${from.templateId ?? ''}".`,
      };
    const detection = from.tabId === undefined ? undefined : await this.deps.tabs.get(from.tabId);
    const draft = draftFromTemplate(template, {
      key: this.deps.newKey(),
      now,
      owner: c.account.me?.email ?? '',
      detection: detection ?? null,
    });
    await putDraft(this.deps.db, draft);
    return { ok: true, value: draft };
  }

  /**
   * Sends a draft: creates the item (first time) or edits it based on the version the draft was
   * made from (a newer version on the server is a conflict in words, never an overwrite); then,
   * if asked, submits it for review. The draft stays until the author discards it.
   */
  async sendDraft(key: string, submit: boolean): Promise<AuthorResult<Item>> {
    const c = await this.#api();
    if (!('api' in c)) return c;
    const draft = await getDraft(this.deps.db, key);
    if (draft === undefined) return { ok: false, status: 404, problem: 'This draft is gone.' };
    const problems = [
      ...checkDraft(draft, this.deps.now()),
      ...(submit ? submitProblems(draft) : []),
    ];
    if (problems.length > 0)
      return {
        ok: false,
        status: 400,
        problem: `Fix these first: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
      };
    const input = itemInput(draft);
    let saved =
      draft.itemId === undefined || draft.baseVersion === undefined
        ? await c.api.create(input, submit)
        : await c.api.edit(draft.itemId, input, draft.baseVersion);
    if (!saved.ok) return saved;
    await this.#markSent(draft, saved.value);
    if (submit && saved.value.status === 'draft')
      saved = await c.api.step({
        id: saved.value.id,
        action: 'submit',
        version: saved.value.version,
      });
    // Submitted: the server holds the text and the review takes over; the local copy is done.
    if (submit && saved.ok && saved.value.status === 'in_review')
      await deleteDraft(this.deps.db, draft.key);
    return saved;
  }

  async #markSent(draft: Draft, item: Item): Promise<void> {
    const stored = (await getDraft(this.deps.db, draft.key)) ?? draft;
    await this.deps.db.drafts.put({
      ...stored,
      itemId: item.id,
      baseVersion: item.version,
      sentAt: this.deps.now().toISOString(),
    });
  }

  /** Remembers which draft this tab's picker fills; the content script is told by the caller. */
  async startPick(
    tabId: number,
    draftKey: string,
    target: PickTarget,
  ): Promise<string | undefined> {
    const draft = await getDraft(this.deps.db, draftKey);
    if (draft === undefined) return 'This draft is gone.';
    await this.deps.picks.set(tabId, { draftKey, target });
    return undefined;
  }

  async cancelPick(tabId: number): Promise<void> {
    await this.deps.picks.delete(tabId);
  }

  /**
   * A pick from a tab's content script. Accepted only from the tab the picker was started in
   * and for the draft it was started for; the anchor is validated before it is stored.
   */
  async picked(tabId: number | undefined, result: PickResult): Promise<{ saved: boolean }> {
    if (tabId === undefined) return { saved: false };
    const pending = await this.deps.picks.get(tabId);
    if (pending?.draftKey !== result.draftKey) return { saved: false };
    if (result.outcome === 'cancelled') {
      await this.deps.picks.delete(tabId);
      this.deps.draftChanged(result.draftKey);
      return { saved: false };
    }
    const draft = await getDraft(this.deps.db, result.draftKey);
    if (draft === undefined) return { saved: false };
    let next: Draft;
    try {
      next = applyPick(draft, { ...result, target: pending.target }, this.deps.now());
    } catch (error) {
      console.warn('Waymark: a picked anchor was refused', error);
      return { saved: false };
    }
    await this.deps.picks.delete(tabId);
    await this.deps.db.drafts.put(next);
    this.deps.draftChanged(result.draftKey);
    return { saved: true };
  }
}
