import { resolveAnchor } from '@/lib/anchors';
import type { AppDefinition } from '@/lib/content-model';
import { Catalogue, type Detection } from '@/lib/context';
import type { PickResult, PickTarget } from '@/lib/messages';
import { sendTyped } from '@/lib/runtime/send';
import { Beacons } from './beacons';
import { Highlight } from './highlight';
import { mountLauncher } from './launcher';
import { PanelNote } from './panel-note';
import { type ContentHandlers, listenForMessages } from './messages';
import { ElementPicker, type PickCallbacks } from './picker';
import { TipPreview } from './preview';
import { TipCard } from './tip-card';
import { mountUiRoot } from './ui-root';

/** SPAs render the new screen after the URL changes: detect again while it settles. */
const SETTLE_MS = [0, 500, 1500];

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

/** The messages the page answers: a lesson step's highlight, and the author's picker and preview. */
function contentHandlers(
  layer: HTMLElement,
  report: (result: PickResult) => void,
  detect: () => Detection,
  openPanel: () => void,
  signal: AbortSignal,
): ContentHandlers {
  const highlight = new Highlight(layer, signal);
  // Authors' tools are built on first use: a learner's page never pays for their DOM or their
  // scroll and key listeners.
  let picker: ElementPicker | undefined;
  let preview: TipPreview | undefined;
  return {
    'cs:highlight': ({ anchor }) => {
      const element = anchor === null ? null : resolveAnchor(anchor, document);
      if (element === null) highlight.clear();
      else highlight.show(element);
      return { found: element !== null };
    },
    'cs:pick-start': ({ draftKey, target }) => {
      picker ??= new ElementPicker(layer, signal);
      picker.start(reportPick(report, detect, draftKey, target));
      return { started: true };
    },
    'cs:pick-cancel': () => ({ cancelled: picker?.stop() ?? false }),
    'cs:preview-tip': ({ tip }) => {
      picker?.dismissNote();
      preview ??= new TipPreview(layer, openPanel, signal);
      return { found: preview.show(tip) };
    },
  };
}

/**
 * Runs only on catalogue hosts: `matches` is replaced at build time by the patterns derived from
 * `content/apps/` (see wxt.config.ts). It asks the background for this host's app definition,
 * detects locally (page content never leaves the browser), reports where the tab is, and shows the
 * launcher and the beacons of anchored tips; for authors it runs the element picker and tip
 * previews the background asks for. SPA navigation is followed through WXT's
 * `wxt:locationchange` (Navigation API events), not a page-wide MutationObserver. Everything is
 * torn down through `ctx` when the extension reloads or updates.
 */
export default defineContentScript({
  matches: ['https://*.zendesk.com/*'],
  runAt: 'document_idle',
  async main(ctx) {
    const send = (message: unknown) => browser.runtime.sendMessage(message);
    const found = await sendTyped(send, 'bg:app-for-host', { host: location.hostname });
    if (found === null || ctx.isInvalid) return;
    const app = found;
    const { signal } = ctx;
    const catalogue = new Catalogue([app]);
    const root = mountUiRoot(signal);
    ctx.onInvalidated(() => root.remove());

    const ignoreWhenGone = (error: unknown) => {
      if (!ctx.isInvalid) console.warn('Waymark:', error);
    };
    // Where the browser will not open its side panel from the page (Firefox), say what to do.
    const panelNote = new PanelNote(
      root.layer,
      () => void sendTyped(send, 'bg:open-panel-tab', { view: 'page' }).catch(ignoreWhenGone),
      signal,
    );
    const openPanel = () =>
      void sendTyped(send, 'bg:open-panel', { view: 'page' }).then(
        (opening) => (opening.opened ? panelNote.hide() : panelNote.show(opening.instead)),
        ignoreWhenGone,
      );
    let current: Detection | undefined;
    let lastKey = '';
    const dismissed = new Set<string>();

    const card = new TipCard(
      root.layer,
      {
        onDismiss: (tip) => {
          // The beacon goes at once; an answer already on its way must not bring it back.
          dismissed.add(tip.id);
          beacons.remove(tip.id);
          void sendTyped(send, 'bg:dismiss-tip', { id: tip.id }).then(
            () => refresh(true),
            ignoreWhenGone,
          );
        },
        onMore: openPanel,
      },
      signal,
    );
    const beacons = new Beacons(
      root.layer,
      card,
      (anchor) => resolveAnchor(anchor, document),
      {
        unresolved: (tip) =>
          void sendTyped(send, 'bg:tip-unresolved', {
            id: tip.id,
            app: app.id,
            screen: current?.screen ?? null,
          }).catch(ignoreWhenGone),
        // Only ids: the background names the app and screen from this tab's detection.
        shown: (tips) =>
          void sendTyped(send, 'bg:tips-shown', { ids: tips.map((t) => t.id) }).catch(
            ignoreWhenGone,
          ),
        opened: (tip) =>
          void sendTyped(send, 'bg:tip-opened', { id: tip.id }).catch(ignoreWhenGone),
      },
      signal,
    );
    const launcher = mountLauncher(root.layer, openPanel, signal);
    const report = (result: PickResult) =>
      void sendTyped(send, 'bg:picked', result).catch(ignoreWhenGone);
    const detect = () => catalogue.detect(location.href, document);
    listenForMessages(contentHandlers(root.layer, report, detect, openPanel, signal), signal);

    async function refresh(force = false): Promise<void> {
      const detection = detect();
      const key = JSON.stringify(detection);
      if (key === lastKey && !force) return;
      [current, lastKey] = [detection, key];
      const knowledge = await sendTyped(send, 'bg:page-detected', { detection });
      if (ctx.isInvalid || key !== lastKey) return;
      launcher.update(knowledge.count, describe(detection, app));
      beacons.show(knowledge.tips.filter((tip) => !dismissed.has(tip.id)));
    }
    const settle = () =>
      SETTLE_MS.forEach((ms) => ctx.setTimeout(() => void refresh().catch(ignoreWhenGone), ms));
    settle();
    ctx.addEventListener(window, 'wxt:locationchange', settle);
  },
});
