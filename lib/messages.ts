import type { AppDefinition, Item, ItemStatus, Template } from '@/lib/content-model';
import type {
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
} from '@/lib/authoring/protocol';
import type { Detection } from '@/lib/context';
import type { Entry } from '@/lib/i18n/format';
import type { SentBatch } from '@/lib/db/delivery-meta';
import type { AnalyticsLevel, FeedbackReason, OpenSource, SearchOutcome } from '@/lib/insights';
import type { ItemView as ItemInsights, ScreenView } from '@/lib/insights/views';

/**
 * THE protocol between the extension's contexts. Every message is declared once here, keyed by its
 * receiver (`bg:` background, `cs:` content script), with its payload and result types. Receivers
 * check payloads with the schemas in `lib/message-schemas.ts` (kept apart so the content script does
 * not bundle zod); those schemas are typed against this map, so the two cannot drift.
 */
export interface MessageMap {
  /** Content script → background: the app definition for this page's host, if any. */
  'bg:app-for-host': { payload: { host: string }; result: AppDefinition | null };
  /** Content script → background: where the tab is now; answers what to show in the page. */
  'bg:page-detected': { payload: { detection: Detection }; result: PageKnowledge };
  /** Content script → background: open the side panel for this tab (from a user's click). */
  'bg:open-panel': { payload: { view: PanelView }; result: PanelOpening };
  /** Content script → background: the panel page in a tab beside this one (no sidebar allowed). */
  'bg:open-panel-tab': { payload: { view: PanelView }; result: { opened: boolean } };
  /** Content script → background: the user dismissed a tip; it stays dismissed. */
  'bg:dismiss-tip': { payload: { id: string }; result: { dismissed: true } };
  /** Content script ("Undo") / side panel ("Show again") → background: a dismissed tip comes back. */
  'bg:undismiss-tip': { payload: { id: string }; result: { dismissed: false } };
  /** Content script → background: a tip's anchor found no element (counted, no page content). */
  'bg:tip-unresolved': {
    payload: { id: string; app: string; screen: string | null };
    result: { counted: true };
  };
  /** Content script → background: these tips' beacons are on the page (counted per day). */
  'bg:tips-shown': { payload: { ids: string[] }; result: { counted: number } };
  /** Content script → background: the learner opened a tip's card. */
  'bg:tip-opened': { payload: { id: string }; result: { counted: boolean } };
  /** Side panel / popup → background: something happened worth an insight event. */
  'bg:insight': { payload: PanelInsight; result: { recorded: true } };
  /** Options page → background: what Waymark sends, and the last batch verbatim. */
  'bg:insights-view': { payload: Record<string, never>; result: InsightsView };
  /** Options page → background: the user's choice about usage events. */
  'bg:usage-events': { payload: { enabled: boolean }; result: InsightsView };
  /** Side panel → background: items for a tab's current page, ranked for its context. */
  'bg:page-items': { payload: { tabId: number }; result: PageItems };
  /** Side panel / popup → background: search the local store. */
  'bg:search': {
    /** `app`: only items for that app (or for every app). */
    payload: { query: string; limit?: number; tabId?: number; app?: string };
    result: SearchResult[];
  };
  /** Side panel → background: one item, whole. */
  'bg:item': { payload: { id: string }; result: ItemView | null };
  /** Side panel → background: "Was this helpful?", with a reason from the fixed list. */
  'bg:vote': {
    payload: { id: string; helpful: boolean; reason?: FeedbackReason };
    result: { helpful: boolean };
  };
  /** Side panel → background: a lesson's saved progress. */
  'bg:lesson-progress': { payload: { id: string }; result: LessonProgressView };
  /** Side panel → background: record a step reached or an answer given. */
  'bg:lesson-update': { payload: LessonUpdate; result: LessonProgressView };
  /** Side panel → background: learning paths with the learner's progress. */
  'bg:paths': { payload: Record<string, never>; result: PathView[] };
  /** Side panel → background → tab: highlight a lesson step's element (or clear with `anchor: null`). */
  'bg:highlight': {
    payload: { tabId: number; anchor: unknown; note?: string };
    result: { found: boolean };
  };
  /** Background → content script: ring a lesson step's element, its callout naming it (`note`:
   * the step); `anchor: null` clears it. */
  'cs:highlight': { payload: { anchor: unknown; note?: string }; result: { found: boolean } };
  /**
   * Background → side panel: the active tab's page changed, or the panel should show a view
   * (`item`: open that item, from a shared link).
   */
  'panel:show': { payload: { tabId?: number; view?: PanelView; item?: string }; result: undefined };
  /** Options page → background: the account and sync state, in words. */
  'bg:account': { payload: Record<string, never>; result: AccountView };
  /**
   * Options page → background: check an endpoint and token; saves them and syncs when they work.
   * Another account than the one signed in is connected only with `previous`: whether the
   * learner keeps or discards what they did under it (the first answer says what is at stake).
   */
  'bg:connect': {
    payload: { serverUrl: string; token: string; previous?: 'keep' | 'discard' };
    result: ConnectResult;
  };
  /** Options page → background: does this server sign in through an identity provider? */
  'bg:provider': { payload: { serverUrl: string }; result: ProviderView };
  /**
   * Options page → background: sign in through the server's identity provider (the browser's
   * auth window); saves the account and syncs like `bg:connect`. The tokens stay in the background.
   */
  'bg:provider-sign-in': {
    payload: { serverUrl: string; previous?: 'keep' | 'discard' };
    result: ConnectResult;
  };
  /** Options page / popup / side panel → background: sync now. */
  'bg:sync-now': { payload: Record<string, never>; result: AccountView };
  /** Options page → background: how often to sync in the background. */
  'bg:sync-interval': { payload: { minutes: number }; result: AccountView };
  /** Options page → background: forget the token and everything synced or learned under it. */
  'bg:sign-out': { payload: Record<string, never>; result: AccountView };
  /** Popup / side panel → background: what the local store holds. */
  'bg:status': { payload: Record<string, never>; result: StatusResult };

  // ——— Using the answer, asking for more, keeping up (issue 12). ———
  /** Side panel → background: items published or changed since the learner last looked. */
  'bg:whats-new': { payload: Record<string, never>; result: WhatsNewView };
  /** Side panel → background: the learner looked at what's new (the badge clears). */
  'bg:whats-new-seen': { payload: Record<string, never>; result: { seenAt: string } };
  /** Side panel → background: ask the authors for content, with the tab's app and screen. */
  'bg:request-content': {
    payload: { text: string; query?: string; tabId?: number };
    result: { where: string | null; delivery: string };
  };
  /** Side panel → background → tab: put text into the page's focused reply editor. */
  'bg:insert-reply': { payload: { tabId: number; text: string }; result: InsertResult };
  /** Background → content script: insert text at the caret of the focused editor (never read it). */
  'cs:insert-reply': {
    payload: { text: string };
    result: { inserted: boolean; reason?: InsertRefusal };
  };

  // ——— The launcher: out of the page's way, as the learner placed it (issue 12). ———
  /** Content script → background: the in-page UI's words and direction, in the user's language. */
  'bg:page-strings': { payload: Record<string, never>; result: PageStrings };
  /** Content script → background: how the learner left the launcher for this app and site. */
  'bg:launcher-prefs': { payload: { app: string }; result: LauncherPrefs };
  /** Content script → background: the learner moved, minimised, snoozed or hid the launcher. */
  'bg:launcher-save': { payload: { app: string; change: LauncherChange }; result: LauncherPrefs };
  /** Side panel → background → tab: show the launcher again on the tab's site. */
  'bg:launcher-show': { payload: { tabId: number }; result: { shown: boolean } };
  /** Background → content script: show the launcher (again), e.g. after "hide on this site". */
  'cs:launcher-show': { payload: Record<string, never>; result: { shown: true } };
  /** Background → content script (keyboard command): focus the launcher, then each tip in turn. */
  'cs:focus-next': { payload: Record<string, never>; result: { focused: string } };

  // ——— Authoring (issue 6). The background holds the token and talks to the server. ———
  /** Side panel → background → tab: let the author choose an element for a draft's anchor. */
  'bg:pick-start': {
    payload: { tabId: number; draftKey: string; target: PickTarget };
    result: { started: boolean; problem?: string };
  };
  /** Side panel → background → tab: stop picking. */
  'bg:pick-cancel': { payload: { tabId: number }; result: { cancelled: boolean } };
  /** Background → content script: start the element picker (hover, click to choose, Esc). */
  'cs:pick-start': { payload: { draftKey: string; target: PickTarget }; result: { started: true } };
  /** Background → content script: stop the picker if it runs. */
  'cs:pick-cancel': { payload: Record<string, never>; result: { cancelled: boolean } };
  /** Content script → background: what the author chose (or that they pressed Esc). */
  'bg:picked': { payload: PickResult; result: { saved: boolean } };
  /** Background → side panel: a draft changed outside the panel (an element was picked). */
  'panel:draft-changed': { payload: { draftKey: string }; result: undefined };
  /** Side panel → background → tab: show a tip card on the page exactly as a learner will see it. */
  'bg:preview-tip': { payload: { tabId: number; tip: InPageTip }; result: { found: boolean } };
  /** Background → content script: show (or with `tip: null` hide) a preview tip card. */
  'cs:preview-tip': { payload: { tip: InPageTip | null }; result: { found: boolean } };

  /** Side panel → background: templates to start from (from the server). */
  'bg:author-templates': { payload: Record<string, never>; result: AuthorResult<Template[]> };
  /** Side panel → background: items on the server, e.g. those in review, or the author's own. */
  'bg:author-items': {
    payload: { status?: ItemStatus; mine?: boolean };
    result: AuthorResult<AuthorItem[]>;
  };
  /** Side panel → background: one item as the server holds it, with its versions. */
  'bg:author-item': { payload: { id: string }; result: AuthorResult<AuthorItemDetail> };
  /** Side panel → background: a workflow step on the server (version = the one it is based on). */
  'bg:author-step': { payload: WorkflowStep; result: AuthorResult<Item> };
  /** Side panel → background: overdue items and broken anchors for the signed-in owner. */
  'bg:author-queue': { payload: Record<string, never>; result: AuthorResult<VerificationQueue> };

  /** Side panel → background (admins): the audit log, filtered, newest first, a page at a time. */
  'bg:author-audit': { payload: AuditQuery; result: AuthorResult<AuditPage> };
  /** Side panel → background: the apps, screens, roles and teams an item can be aimed at. */
  'bg:targeting-options': { payload: Record<string, never>; result: TargetingOptions };

  'bg:author-insights-screen': { payload: { tabId: number }; result: AuthorResult<ScreenView> };
  'bg:author-insights-item': { payload: { id: string }; result: AuthorResult<ItemInsights> };
  /** Side panel → background: local drafts (autosaved in the extension's IndexedDB). */
  'bg:draft-list': { payload: Record<string, never>; result: DraftSummary[] };
  /** Side panel → background: start a draft from a template or from a server item (to edit it). */
  'bg:draft-new': {
    payload: { templateId?: string; itemId?: string; tabId?: number };
    result: AuthorResult<Draft>;
  };
  'bg:draft-get': { payload: { key: string }; result: Draft | null };
  /** Side panel → background: autosave; refused (saved: false) when `updatedAt` is older than the stored one. */
  'bg:draft-put': { payload: { draft: Draft }; result: { saved: boolean; draft: Draft } };
  'bg:draft-delete': { payload: { key: string }; result: { deleted: boolean } };
  /** Side panel → background: send a draft to the server (create or edit), and submit it if asked. */
  'bg:draft-send': { payload: { key: string; submit: boolean }; result: AuthorResult<Item> };

  // ——— Shared links and announcements (issue 17). ———
  /**
   * Share script (only on the connected content server's `/i/<id>` pages) → background: the user
   * clicked "Open in the Waymark side panel" for the item the page is about.
   */
  'bg:open-shared': { payload: { id: string }; result: PanelOpening };
  /** Side panel → background: the announcements due for the learner, not yet dismissed. */
  'bg:announcements': { payload: Record<string, never>; result: AnnouncementView[] };
  /**
   * Content script / side panel → background: the learner dismissed or acknowledged an
   * announcement; it is not shown again, and an acknowledgement goes to the server.
   */
  'bg:announcement-done': {
    payload: { id: string; acknowledged: boolean };
    result: { done: true };
  };
  /** Side panel → background: how many of an announcement's audience acknowledged it. */
  'bg:author-acknowledgements': {
    payload: { id: string };
    result: AuthorResult<AcknowledgementCount>;
  };
}

/** An announcement as the launcher's card and the panel show it. */
export interface AnnouncementView {
  id: string;
  title: string;
  body: string;
  /** The reader confirms they read it ("I have read this") rather than just closing it. */
  acknowledge: boolean;
  /** When it stops being shown (ISO date or date-time), for "until …". */
  endsAt: string;
}

/** `GET /v1/items/:id/acknowledgements`, as the Author tab shows it. */
export interface AcknowledgementCount {
  item: string;
  acknowledge: boolean;
  audience: number;
  acknowledged: number;
  people: { email: string; at: string }[];
}

/** The authoring shapes travel in these messages; they are defined beside the authoring code. */
export type * from '@/lib/authoring/protocol';

/**
 * What the side panel and popup report for insights. `tabId` is the tab the panel is beside: the
 * background names its app and screen from what that tab's content script detected.
 */
export type PanelInsight =
  | { kind: 'shown'; tabId?: number; items: string[] }
  | {
      kind: 'opened';
      tabId?: number;
      item: string;
      source: Exclude<OpenSource, 'tip'>;
      rank?: number;
    }
  | { kind: 'read'; tabId?: number; item: string }
  | { kind: 'search'; tabId?: number; outcome: SearchOutcome };

/** "What Waymark sends", for the options page. */
export interface InsightsView {
  /** The organisation's analytics level, and whether a policy set it (else the default). */
  level: AnalyticsLevel;
  levelManaged: boolean;
  /** Whether a server account is connected: without one nothing is recorded or sent. */
  connected: boolean;
  /** The user's switch for usage events, and whether the policy lets them use it. */
  usageEvents: { enabled: boolean; canOptOut: boolean };
  /** In plain words, each kind of event sent now (empty: nothing is sent). */
  sends: string[];
  /** Events waiting in the outbox. */
  queued: number;
  /** The last request, verbatim. */
  lastBatch?: SentBatch;
}

export const panelViews = ['page', 'search'] as const;
export type PanelView = (typeof panelViews)[number];

/**
 * Whether the browser opened its side panel; when it would not (Firefox, from a page's click),
 * what the user can do instead, in words.
 */
/** The in-page UI's strings (the catalogues' `page.` keys) in the user's language. */
export interface PageStrings {
  lang: string;
  dir: 'ltr' | 'rtl';
  strings: Record<string, Entry>;
}
export type PanelOpening = { opened: true } | { opened: false; instead: string };

/** A tip as the page needs it: no more than the card shows. */
export interface InPageTip {
  id: string;
  title: string;
  body: string;
  anchor?: unknown;
  placement: 'auto' | 'top' | 'bottom' | 'left' | 'right';
}

/** Why the page could not take a reply: no editor was focused, or the editor refused text. */
export type InsertRefusal = 'no-editor' | 'refused';

/** What happened to a text sent to the page's reply editor, in words when it did not go in. */
export interface InsertResult {
  inserted: boolean;
  problem?: string;
}

export interface WhatsNewView {
  /** The last visit (ISO time); absent before the first one. */
  since?: string;
  items: ItemSummary[];
}

export const launcherEdges = ['left', 'right'] as const;

/** Where and how the learner left the launcher: per app, and hidden per site. */
export interface LauncherPrefs {
  /** Docked to an edge at a height (0 top … 1 bottom); unset: bottom right. Either way the
   * launcher moves along its edge off the page's own controls. */
  dock?: { edge: (typeof launcherEdges)[number]; y: number };
  minimised: boolean;
  /** Snoozed until then (epoch ms). */
  snoozedUntil?: number;
  /** Hidden on this site until shown again from the side panel. */
  hiddenOnSite: boolean;
}

export interface LauncherChange {
  dock?: LauncherPrefs['dock'];
  minimised?: boolean;
  /** Snooze for this many minutes (0 wakes it). */
  snoozeMinutes?: number;
  hideOnSite?: boolean;
}

/** What the tip editor offers to choose from: the catalogue's apps and screens, and the roles
 * and teams the content already names. */
export interface TargetingOptions {
  apps: { id: string; name: string; screens: { id: string; name: string }[] }[];
  roles: string[];
  teams: string[];
}

export interface PageKnowledge {
  /** How many items are relevant now: the strong matches for this record (the launcher's badge). */
  count: number;
  /** Anchored tips not yet dismissed, to show as beacons. */
  tips: InPageTip[];
  /** An announcement for the learner not yet dismissed: the launcher shows it once. */
  announcement?: AnnouncementView;
}

export interface ItemSummary {
  id: string;
  type: Item['type'];
  title: string;
  summary: string;
  needsVerification: boolean;
  /** Names of the apps the item is for; empty for every app. */
  apps: string[];
}

/** Why an item is suggested for a page, in the words the panel shows. */
export interface SuggestionReason {
  /** Words of the record's subject it matches, as written there ("refund", "order"). */
  matches: string[];
  /** Aimed at this very screen (its name), rather than anywhere in the app. */
  screen?: string;
  /** The role it is made for, when it names the learner's role. */
  role?: string;
}

export interface PageItem extends ItemSummary {
  why: SuggestionReason;
}

export interface ItemView {
  item: Item;
  /** Past its verify-by date: shown to learners as "needs verification". */
  needsVerification: boolean;
  /** The learner's "Was this helpful?" answer, if any, and its reason. */
  vote?: boolean;
  reason?: FeedbackReason;
}

export interface PageItems {
  detection: Detection | null;
  appName: string | null;
  screenName: string | null;
  /** The few strong matches for this record, best first, with why: what the launcher counts. */
  relevant: PageItem[];
  /** More for this screen, ranked. */
  more: PageItem[];
  /** Tips on this screen the learner dismissed ("Got it"): they can show them again. */
  hiddenTips: { id: string; title: string }[];
  /** The learner hid the launcher on this tab's site ("Show it again" in the panel). */
  launcherHidden: boolean;
}

export interface SearchResult extends ItemSummary {
  /** Matched terms as [start, end) ranges into `title` and `snippet`: render as marks, never HTML. */
  titleRanges: [number, number][];
  snippet: string;
  snippetRanges: [number, number][];
  /** For the app of the page the search was made from (or for every app). */
  currentApp: boolean;
}

export interface LessonProgressView {
  lessonId: string;
  step: number;
  completedSteps: number[];
  answers: Record<string, { choices: string[]; correct: boolean }>;
  /** Passed (set only when the knowledge check reached the pass mark). */
  completedAt?: string;
  /** The knowledge check was finished, with this score; absent before, and after a retry. */
  result?: { right: number; total: number; passMark: number; passed: boolean };
}

export type LessonUpdate =
  /** Move to `step`; `completedStep` marks the step just finished. */
  | { id: string; kind: 'step'; step: number; completedStep?: number }
  | { id: string; kind: 'answer'; questionId: string; choices: string[] }
  /** Finish the lesson: passed when the knowledge check reaches the pass mark. */
  | { id: string; kind: 'complete' }
  /** Answer the wrong questions again. */
  | { id: string; kind: 'retry' }
  | { id: string; kind: 'restart' };

export interface PathView {
  id: string;
  title: string;
  summary: string;
  lessons: { id: string; title: string; completed: boolean }[];
}

export interface AccountView {
  serverUrl?: string;
  signedIn: boolean;
  /** Who the server says the token belongs to. */
  me?: { email: string; role: string; team: string | null };
  /** Set by the organisation's policy (chrome.storage.managed): shown read-only. */
  managed: { serverUrl?: string; team?: string; syncIntervalMinutes?: number };
  /** Apps from the server that Waymark may not run on yet, with their origins: the user grants them. */
  pendingApps: { id: string; name: string; origins: string[] }[];
  sync: {
    lastSyncAt?: string;
    items: number;
    problem?: string;
    running: boolean;
    /** Minutes between background syncs; `managed` when the organisation's policy sets it. */
    intervalMinutes: number;
    intervalManaged: boolean;
  };
}

/** Whether the server offers "Sign in with <name>". */
export interface ProviderView {
  available: boolean;
  name?: string;
}

export interface ConnectResult {
  ok: boolean;
  /** In plain words: what worked, or what is wrong and what to do. */
  message: string;
  account: AccountView;
  /** Connecting would replace another account: what the learner did under it, to keep or not. */
  replaces?: {
    account: string;
    lessons: number;
    votes: number;
    hiddenTips: number;
    /** Usage events not yet sent: they belong to the old account and are not sent for the new. */
    unsent: number;
  };
}

export interface StatusResult {
  apps: number;
  items: number;
  source: 'starter-pack' | 'server';
  lastSyncAt?: string;
  /** The last sync problem in words, if the last sync failed. */
  problem?: string;
  /** A sync is running now. */
  running: boolean;
}

export type MessageType = keyof MessageMap;

/** What travels on the wire. The `waymark` tag keeps unrelated runtime messages out. */
export interface Envelope<T extends MessageType = MessageType> {
  waymark: 1;
  type: T;
  payload: MessageMap[T]['payload'];
}

export type Reply<T extends MessageType> =
  { ok: true; result: MessageMap[T]['result'] } | { ok: false; error: string };

/**
 * Whether `message` is a Waymark envelope of `type` (its payload is not checked: receivers that
 * act on it validate it, or only read what they compare).
 */
export function isEnvelope<T extends MessageType>(
  message: unknown,
  type: T,
): message is Envelope<T> {
  const m = message as Partial<Envelope> | null;
  return typeof m === 'object' && m !== null && m.waymark === 1 && m.type === type;
}

export function envelope<T extends MessageType>(
  type: T,
  payload: MessageMap[T]['payload'],
): Envelope<T> {
  return { waymark: 1, type, payload };
}
