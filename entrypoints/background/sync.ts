import { staticHeadSchema } from '@/lib/content-model';
import { countItems, getSettings, getSyncState, setSetting, type WaymarkDatabase } from '@/lib/db';
import type { KnowledgeService } from '@/lib/knowledge';
import type { AccountView, ConnectResult } from '@/lib/messages';
import {
  createServerTransport,
  createStaticTransport,
  createSyncEngine,
  refreshContentSettings,
  SearchFollower,
  signOut,
  staticFeedBase,
  testConnection,
  type FeedTransport,
  type SyncEngine,
} from '@/lib/sync';
import type { OidcState } from '@/lib/auth/session';
import { forgetAccount, readAccount, readManaged, saveAccount, type Account } from './account';
import { pendingServerApps, refreshServerAppScripts } from './server-apps';
import { refreshShareScript } from './shared-link';
import { loadStarterBundle } from './starter-bundle';

const PERIODIC = 'waymark-sync';
const RETRY = 'waymark-sync-retry';
/** Retries inside one run stay short: a service worker should not sleep for minutes. */
const MAX_SLEEP_MS = 20_000;

function transportFor(account: Account): FeedTransport {
  const base = staticFeedBase(account.serverUrl);
  const fetch = (input: string, init?: RequestInit) => globalThis.fetch(input, init);
  return base !== undefined
    ? createStaticTransport({ baseUrl: base, fetch })
    : createServerTransport({ baseUrl: account.serverUrl, token: account.token, fetch });
}

/**
 * Sync wiring: one engine per account, on start-up, on a chrome.alarms schedule and on "Sync now";
 * a failed run schedules its retry through an alarm rather than sleeping in the worker. After a
 * successful sync (the server just answered) `afterSync` sends what waited — insight events.
 */
export function createSyncService(
  db: WaymarkDatabase,
  knowledge: KnowledgeService,
  afterSync: () => void = () => {},
) {
  let engine: { key: string; engine: SyncEngine } | undefined;
  let running = false;
  const refreshApps = async () => {
    try {
      await refreshServerAppScripts(db);
    } catch (error) {
      console.warn('Waymark: could not register the content script for server apps', error);
    }
    try {
      await refreshShareScript();
    } catch (error) {
      console.warn('Waymark: could not register the script for shared links', error);
    }
  };

  const engineFor = (account: Account): SyncEngine => {
    const key = `${account.serverUrl}\n${account.token}`;
    if (engine?.key !== key) {
      const search = new SearchFollower(db, knowledge.search);
      engine = {
        key,
        engine: createSyncEngine({
          db,
          transport: transportFor(account),
          now: Date.now,
          random: Math.random,
          sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.min(ms, MAX_SLEEP_MS))),
          log: (text) => console.warn(`Waymark sync: ${text}`),
          onStaged: (page, staged) => search.stage(page, staged),
          onChanged: (change) => search.changed(change),
        }),
      };
    }
    return engine.engine;
  };

  async function view(): Promise<AccountView> {
    const [account, managed, state] = [
      await readAccount(),
      await readManaged(),
      await getSyncState(db),
    ];
    return {
      ...(account ? { serverUrl: account.serverUrl } : {}),
      signedIn: account !== undefined,
      ...(account?.me ? { me: account.me } : {}),
      managed,
      pendingApps: await pendingServerApps(db).catch((error: unknown) => {
        console.warn('Waymark: could not check which server apps are allowed', error);
        return [];
      }),
      sync: {
        items: await countItems(db),
        running,
        intervalMinutes: managed.syncIntervalMinutes ?? (await getSettings(db)).syncIntervalMinutes,
        intervalManaged: managed.syncIntervalMinutes !== undefined,
        ...(state.lastSyncAt ? { lastSyncAt: new Date(state.lastSyncAt).toISOString() } : {}),
        ...(state.lastError ? { problem: state.lastError } : {}),
      },
    };
  }

  /** The organisation's default content language, from a server (a static feed has none). */
  async function refreshDefaultLocale(account: Account): Promise<void> {
    if (staticFeedBase(account.serverUrl) !== undefined) return;
    const fetch = (input: string, init?: RequestInit) => globalThis.fetch(input, init);
    try {
      await refreshContentSettings(db, { baseUrl: account.serverUrl, token: account.token, fetch });
    } catch (error) {
      console.warn('Waymark: could not read the content settings', error);
    }
  }

  async function syncNow(): Promise<AccountView> {
    const account = await readAccount();
    if (account !== undefined) {
      running = true;
      try {
        const result = await engineFor(account).syncNow();
        if (result.status === 'retry-later')
          await browser.alarms.create(RETRY, { when: result.nextAttemptAt });
        // The server just answered: a good moment to send what waited, without holding up sync.
        if (result.status === 'synced') {
          afterSync();
          await refreshDefaultLocale(account);
        }
        await refreshApps();
        // Build (or load) the index now, in the background, rather than at the learner's first search.
        void knowledge.search.get().catch(() => undefined);
      } finally {
        running = false;
      }
    }
    return view();
  }

  /** What the learner did under the signed-in account: what "keep" or "discard" is about. */
  async function stake(account: Account): Promise<NonNullable<ConnectResult['replaces']>> {
    return {
      account: account.me?.email ?? account.serverUrl,
      lessons: await db.lessonProgress.count(),
      votes: await db.votes.count(),
      hiddenTips: await db.dismissals.count(),
      unsent: await db.outbox.count(),
    };
  }

  async function connect(
    serverUrl: string,
    token: string,
    previousChoice?: 'keep' | 'discard',
    oidc?: OidcState,
  ): Promise<ConnectResult> {
    const managed = await readManaged();
    const url = managed.serverUrl ?? serverUrl;
    const previous = await readAccount();
    const secret = token === '' ? (previous?.serverUrl === url ? previous.token : '') : token;
    let result: { ok: boolean; message: string; me?: Account['me'] };
    try {
      result =
        staticFeedBase(url) !== undefined ? await checkStatic(url) : await checkServer(url, secret);
    } catch {
      result = {
        ok: false,
        message:
          'That is not a valid address: use https://… (or http://127.0.0.1:… for a local server)',
      };
    }
    if (!result.ok) return { ok: false, message: result.message, account: await view() };
    if (
      previous !== undefined &&
      (previous.serverUrl !== url || previous.me?.email !== result.me?.email)
    ) {
      const replaces = await stake(previous);
      const learned = replaces.lessons + replaces.votes + replaces.hiddenTips;
      if (previousChoice === undefined && learned > 0)
        return {
          ok: false,
          message: `This is another account than ${replaces.account}. Choose what happens to what you did under it.`,
          account: await view(),
          replaces,
        };
      // Another account or server: none of the previous one's content may leak into this one;
      // the learner's own progress, votes and hidden tips come along only if they said so.
      await signOut(db, await loadStarterBundle(), { keepLearning: previousChoice === 'keep' });
    }
    await saveAccount({
      serverUrl: url,
      token: secret,
      ...(result.me ? { me: result.me } : {}),
      ...(oidc ? { oidc } : {}),
    });
    if (result.me?.team ?? managed.team)
      await setSetting(db, 'team', result.me?.team ?? managed.team);
    await syncNow();
    return { ok: true, message: result.message, account: await view() };
  }

  async function checkServer(url: string, token: string) {
    const outcome = await testConnection({
      baseUrl: url,
      token,
      fetch: (i, init) => globalThis.fetch(i, init),
    });
    if (!outcome.ok) return { ok: false, message: outcome.message };
    return {
      ok: true,
      message: outcome.message,
      me: { email: outcome.email, role: outcome.role, team: outcome.team ?? null },
    };
  }

  async function checkStatic(url: string) {
    const response = await globalThis.fetch(url, { cache: 'no-cache' }).catch(() => undefined);
    const head = staticHeadSchema.safeParse(
      response?.ok ? await response.json().catch(() => undefined) : undefined,
    );
    if (!head.success)
      return {
        ok: false,
        message: 'This address does not serve a Waymark static feed (head.json)',
      };
    const { role, team } = head.data.audience;
    return { ok: true, message: `Static feed for ${role}${team ? ` (team ${team})` : ''}` };
  }

  async function signOutAll(): Promise<AccountView> {
    await forgetAccount();
    engine = undefined;
    await browser.alarms.clear(RETRY);
    await signOut(db, await loadStarterBundle());
    await refreshApps();
    return view();
  }

  /** The periodic sync, every `syncIntervalMinutes` (the organisation's policy wins over the user's). */
  async function schedule(): Promise<void> {
    const managed = await readManaged();
    const minutes = managed.syncIntervalMinutes ?? (await getSettings(db)).syncIntervalMinutes;
    await browser.alarms.create(PERIODIC, { periodInMinutes: minutes });
  }

  async function setInterval(minutes: number): Promise<AccountView> {
    await setSetting(db, 'syncIntervalMinutes', minutes);
    await schedule();
    return view();
  }

  function start(): void {
    void schedule();
    browser.alarms.onAlarm.addListener((alarm) => {
      if (alarm.name === PERIODIC || alarm.name === RETRY) void syncNow();
    });
    browser.permissions.onAdded.addListener(() => void refreshApps());
    browser.permissions.onRemoved.addListener(() => void refreshApps());
    void refreshApps().then(syncNow);
  }

  return { view, syncNow, connect, signOut: signOutAll, start, setInterval };
}
