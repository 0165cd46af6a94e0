import { resolveAnchor } from '@/lib/anchors/resolve';
import type { AppDefinition } from '@/lib/content-model';
import { compileApp, detectInApp, type Detection } from '@/lib/context/app-detector';
import type { InPageTip, PickResult, PickTarget } from '@/lib/messages';
import type { PageContext } from '@/lib/runtime/page-context';
import { sendTyped } from '@/lib/runtime/send';
import { Beacons } from './beacons';
import { LazyCard, LazyHighlight, loadGuidance } from './guidance';
import { narrowLargePages } from './large-pages';
import { Launcher } from './launcher';
import type { PanelNote } from './panel-note';
import { type ContentHandlers, listenForMessages } from './messages';
import { authorTools } from './author-tools';
import type { ElementPicker, PickCallbacks } from './picker';
import type { TipPreview } from './preview';
import { ReplyEditor } from './reply-editor';
import { setPageStrings, s } from './strings';
import { mountUiRoot, type UiRoot } from './ui-root';

/** SPAs render the new screen after the URL changes: detect again while it settles. */
const SETTLE_MS = [0, 500, 1500];
type Send = (message: unknown) => Promise<unknown>;

function describe(detection: Detection, app: AppDefinition): string {
  const screen = app.screens.find((s) => s.id === detection.screen)?.name;
  const record = detection.record ? `${detection.record.type} ${detection.record.id}` : undefined;
  return [app.name, screen, record].filter(Boolean).join(' · ');
}

/** What a pick reports to the background: the chosen element's anchor, or that Esc was pressed. */
function reportPick(
  report: (result: PickResult) => void,
  detect: () => Detection,
  draftKey: string,
  target: PickTarget,
): PickCallbacks {
  return {
    onPicked: ({ anchor, resolves, label }) =>
      report({ draftKey, target, outcome: 'picked', anchor, resolves, label, detection: detect() }),
    onCancel: () => report({ draftKey, target, outcome: 'cancelled' }),
  };
}

/** The page's parts the background's messages reach. */
interface Parts {
  root: UiRoot;
  launcher: Launcher;
  beacons: Beacons;
  highlight: LazyHighlight;
  report: (result: PickResult) => void;
  detect: () => Detection;
  openPanel: () => void;
  refresh: (force?: boolean) => Promise<void>;
  signal: AbortSignal;
}

/**
 * The keyboard shortcut: the launcher first, then each tip on screen in turn (its card opens),
 * then the launcher again. A press from outside Waymark's UI starts at the launcher.
 */
function shortcutCycle({ root, launcher, beacons }: Parts): () => string {
  let at = 0;
  return () => {
    const stops = beacons.shown();
    at = root.shadow.activeElement === null ? 0 : (at + 1) % (stops.length + 1);
    const beacon = stops[at - 1];
    if (beacon === undefined) {
      at = 0;
      launcher.focus();
      return 'launcher';
    }
    beacons.open(beacon);
    return `tip ${beacon.dataset.tip ?? ''}`;
  };
}

/** The messages the page answers: highlights, the reply editor, the launcher and authors' tools. */
function contentHandlers(parts: Parts): ContentHandlers {
  const { root, detect, report, openPanel, signal, highlight } = parts;
  const reply = new ReplyEditor(signal);
  const focusNext = shortcutCycle(parts);
  // Authors' tools are loaded (author-tools.ts) and built on first use: a learner's page never
  // pays for their code, their DOM or their scroll and key listeners.
  let picker: ElementPicker | undefined;
  let preview: TipPreview | undefined;
  return {
    'cs:highlight': async ({ anchor, note }) => {
      const element = anchor === null ? null : resolveAnchor(anchor, document);
      if (element === null) highlight.clear();
      else await highlight.show(element, note);
      return { found: element !== null };
    },
    'cs:insert-reply': async ({ text }) => {
      const editor = reply.target();
      return (await loadGuidance(root)).insertReply(editor, text);
    },
    'cs:launcher-show': () => {
      parts.launcher.setPrefs({ ...parts.launcher.prefs, hiddenOnSite: false });
      void parts.refresh(true);
      return { shown: true };
    },
    'cs:focus-next': () => ({ focused: focusNext() }),
    'cs:pick-start': async ({ draftKey, target }) => {
      picker ??= new (await authorTools(root.shadow)).ElementPicker(root.layer, signal);
      picker.start(reportPick(report, detect, draftKey, target));
      return { started: true };
    },
    'cs:pick-cancel': () => ({ cancelled: picker?.stop() ?? false }),
    'cs:preview-tip': async ({ tip }) => {
      picker?.dismissNote();
      // The preview draws the learner's own card, so the guidance's stylesheet comes too.
      await loadGuidance(root);
      preview ??= new (await authorTools(root.shadow)).TipPreview(root.layer, openPanel, signal);
      return { found: preview.show(tip) };
    },
  };
}
/** Tip cards and their beacons; "Got it" can be undone, and tips can be rated. */
function tipParts(
  root: UiRoot,
  app: AppDefinition,
  send: Send,
  hooks: {
    openPanel: () => void;
    refresh: (force?: boolean) => Promise<void>;
    screen: () => string | null;
  },
  signal: AbortSignal,
  onError: (error: unknown) => void,
) {
  const dismissed = new Set<string>();
  const dismiss = (tip: InPageTip) => {
    // The beacon goes at once; an answer already on its way must not bring it back.
    dismissed.add(tip.id);
    beacons.remove(tip.id);
    void sendTyped(send, 'bg:dismiss-tip', { id: tip.id }).catch(onError);
    const undo = {
      label: s('page.toast.undo'),
      run: () => {
        dismissed.delete(tip.id);
        void sendTyped(send, 'bg:undismiss-tip', { id: tip.id })
          .then(() => hooks.refresh(true))
          .catch(onError);
      },
    };
    // The card was open, so its code (and the note's) is here already.
    void loadGuidance(root).then(
      ({ showToast }) =>
        showToast(root.layer, `${s('page.toast.hidden')} `, undo, card.lastSpot, signal),
      onError,
    );
  };
  const card = new LazyCard(
    root,
    {
      onDismiss: dismiss,
      onMore: hooks.openPanel,
      onRate: (tip, helpful) =>
        void sendTyped(send, 'bg:vote', { id: tip.id, helpful }).catch(onError),
    },
    signal,
    onError,
  );
  const beacons = new Beacons(
    root.layer,
    card,
    (anchor) => {
      narrowLargePages(document);
      return resolveAnchor(anchor, document);
    },
    {
      unresolved: (tip) =>
        void sendTyped(send, 'bg:tip-unresolved', {
          id: tip.id,
          app: app.id,
          screen: hooks.screen(),
        }).catch(onError),
      // Only ids: the background names the app and screen from this tab's detection.
      shown: (tips) =>
        void sendTyped(send, 'bg:tips-shown', { ids: tips.map((t) => t.id) }).catch(onError),
      opened: (tip) => void sendTyped(send, 'bg:tip-opened', { id: tip.id }).catch(onError),
    },
    signal,
  );
  return { beacons, dismissed };
}

/**
 * Runs only on catalogue hosts: `matches` is replaced at build time by the patterns derived from
 * `content/apps/` (see wxt.config.ts). It asks the background for this host's app definition,
 * detects locally (page content never leaves the browser), reports where the tab is, and shows the
 * launcher (out of the page's way) and the beacons of anchored tips; for authors it runs the
 * element picker and tip previews the background asks for. SPA navigation is followed through
 * WXT's `wxt:locationchange` (Navigation API events), not a page-wide MutationObserver.
 * Everything is torn down through `ctx` when the extension reloads or updates.
 */
export default defineContentScript({
  matches: ['https://*.zendesk.com/*'],
  runAt: 'document_idle',
  async main(ctx: PageContext) {
    const send: Send = (message) => browser.runtime.sendMessage(message);
    const found = await sendTyped(send, 'bg:app-for-host', { host: location.hostname });
    if (found === null || ctx.isInvalid) return;
    // The user's language before anything is built: the in-page UI never shows another first.
    const words = await sendTyped(send, 'bg:page-strings', {});
    if (ctx.isInvalid) return;
    setPageStrings(words.lang, words.strings);
    const app = found;
    const { signal } = ctx;
    // The background matched this host to the app already (bg:app-for-host): screens only.
    const detector = compileApp(app);
    const root = mountUiRoot(signal, words);
    ctx.onInvalidated(() => root.remove());

    const ignoreWhenGone = (error: unknown) => {
      if (!ctx.isInvalid) console.warn('Waymark:', error);
    };
    // Where the browser will not open its side panel from the page (Firefox), say what to do.
    let panelNote: PanelNote | undefined;
    const openInTab = () =>
      void sendTyped(send, 'bg:open-panel-tab', { view: 'page' }).catch(ignoreWhenGone);
    const notePanel = async (instead: string) => {
      panelNote ??= new (await loadGuidance(root)).PanelNote(root.layer, openInTab, signal);
      panelNote.show(instead);
    };
    const openPanel = () =>
      void sendTyped(send, 'bg:open-panel', { view: 'page' })
        .then((opening) => (opening.opened ? panelNote?.hide() : notePanel(opening.instead)))
        .catch(ignoreWhenGone);
    let current: Detection | undefined;
    let lastKey = '';
    let tips: InPageTip[] = [];

    const { beacons, dismissed } = tipParts(
      root,
      app,
      send,
      { openPanel, refresh: (force) => refresh(force), screen: () => current?.screen ?? null },
      signal,
      ignoreWhenGone,
    );
    const launcher = new Launcher({
      layer: root.layer,
      host: root.host,
      onOpen: openPanel,
      onSave: (change) => sendTyped(send, 'bg:launcher-save', { app: app.id, change }),
      onQuiet: () => showTips(),
      signal,
    });
    const highlight = new LazyHighlight(root, signal);
    const showTips = () =>
      beacons.show(launcher.quiet ? [] : tips.filter((t) => !dismissed.has(t.id)));
    const report = (result: PickResult) =>
      void sendTyped(send, 'bg:picked', result).catch(ignoreWhenGone);
    const detect = () => detectInApp(detector, location.href, document);
    listenForMessages(
      contentHandlers({
        root,
        launcher,
        beacons,
        highlight,
        report,
        detect,
        openPanel,
        refresh,
        signal,
      }),
      signal,
    );

    async function refresh(force = false): Promise<void> {
      const detection = detect();
      const key = JSON.stringify(detection);
      if (key === lastKey && !force) return launcher.check();
      [current, lastKey] = [detection, key];
      const knowledge = await sendTyped(send, 'bg:page-detected', { detection });
      if (ctx.isInvalid || key !== lastKey) return;
      launcher.update(knowledge.count, describe(detection, app));
      tips = knowledge.tips;
      showTips();
      const news = knowledge.announcement;
      if (news) void loadGuidance(root).then((g) => g.showAnnouncement(root.layer, news, signal));
      launcher.check();
    }
    void sendTyped(send, 'bg:launcher-prefs', { app: app.id }).then(
      (prefs) => launcher.setPrefs(prefs),
      ignoreWhenGone,
    );
    const settle = () =>
      SETTLE_MS.forEach((ms) => ctx.setTimeout(() => void refresh().catch(ignoreWhenGone), ms));
    settle();
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      highlight.clear();
      settle();
    });
  },
});
