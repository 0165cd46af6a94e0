import type { InPageTip } from '@/lib/messages';
import { s } from './strings';
import { isShown, viewportRect } from './geometry';
import type { Card } from './guidance';

export type Resolve = (anchor: unknown) => Element | null;

/** What the beacons tell the background (for insights and owners' health reports). */
export interface BeaconReports {
  /** Tips now on their elements: once per tip each time the page's tips are set. */
  shown?(tips: InPageTip[]): void;
  /** The learner opened a tip's card from its beacon. */
  opened?(tip: InPageTip): void;
  /** A tip's anchor found nothing after the retries. */
  unresolved?(tip: InPageTip): void;
}

interface Entry {
  tip: InPageTip;
  beacon: HTMLButtonElement;
  element: Element | undefined;
  watcher: MutationObserver | undefined;
  /** Whether `shown` was reported for this page. */
  reported: boolean;
}

/** Resolution retries while an SPA is still rendering the screen, then the tip counts as broken. */
const RETRY_MS = [0, 400, 1200, 3000];
/** How often a resolved element is checked for having been replaced by a re-render. */
const RECHECK_MS = 1000;

/**
 * Beacons for anchored tips. Each follows its element: positions are refreshed on scroll, resize
 * and element resize (once per animation frame); a re-render that replaces the element is noticed by
 * a throttled observer scoped to the element's grandparent (never the whole page) and by a 1 s
 * `isConnected` check, and the anchor is resolved again. An anchor that resolves to nothing hides
 * its tip and is reported once — it never points at a guess.
 */
export class Beacons {
  readonly #entries = new Map<string, Entry>();
  readonly #resize = new ResizeObserver(() => this.#schedule());
  #frame = 0;
  #timers: number[] = [];
  #recheck: number | undefined;

  constructor(
    private readonly layer: HTMLElement,
    private readonly card: Card,
    private readonly resolve: Resolve,
    private readonly reports: BeaconReports,
    private readonly signal: AbortSignal,
  ) {
    const schedule = () => this.#schedule();
    window.addEventListener('scroll', schedule, { capture: true, passive: true, signal });
    window.addEventListener('resize', schedule, { passive: true, signal });
    signal.addEventListener('abort', () => this.clear());
  }

  /** Shows exactly these tips (others are removed). */
  show(tips: InPageTip[]): void {
    const wanted = new Set(tips.map((t) => t.id));
    for (const id of [...this.#entries.keys()]) if (!wanted.has(id)) this.#drop(id);
    const fresh = tips.filter((t) => !this.#entries.has(t.id));
    for (const entry of this.#entries.values()) entry.reported = false;
    for (const tip of fresh)
      this.#entries.set(tip.id, {
        tip,
        beacon: this.#beacon(tip),
        element: undefined,
        watcher: undefined,
        reported: false,
      });
    this.#timers.forEach((t) => clearTimeout(t));
    this.#timers = RETRY_MS.map((ms, i) =>
      window.setTimeout(() => this.#resolveAll(i === RETRY_MS.length - 1), ms),
    );
    this.#recheck ??= window.setInterval(() => this.#resolveAll(false), RECHECK_MS);
  }

  /** Beacons on screen now, top to bottom: what the keyboard shortcut moves through. */
  shown(): HTMLButtonElement[] {
    return [...this.#entries.values()]
      .map((e) => e.beacon)
      .filter((b) => !b.hidden)
      .sort((a, b) => a.offsetTop - b.offsetTop || a.offsetLeft - b.offsetLeft);
  }

  /** Opens the tip of `beacon` (keyboard shortcut), as a click on it would. */
  open(beacon: HTMLButtonElement): void {
    const entry = this.#entries.get(beacon.dataset.tip ?? '');
    if (entry?.element === undefined) return;
    this.card.open(entry.tip, entry.element, beacon);
  }

  /** Takes one tip's beacon away (it was dismissed). */
  remove(id: string): void {
    this.#drop(id);
  }

  clear(): void {
    for (const id of [...this.#entries.keys()]) this.#drop(id);
    this.#timers.forEach((t) => clearTimeout(t));
    if (this.#recheck !== undefined) clearInterval(this.#recheck);
    this.#recheck = undefined;
    this.#resize.disconnect();
  }

  #resolveAll(final: boolean): void {
    if (this.signal.aborted) return;
    const shown: InPageTip[] = [];
    for (const entry of this.#entries.values()) {
      if (!entry.element?.isConnected) {
        const element = this.resolve(entry.tip.anchor) ?? undefined;
        this.#attach(entry, element);
        if (element === undefined && final) this.reports.unresolved?.(entry.tip);
      }
      if (entry.element !== undefined && !entry.reported) {
        entry.reported = true;
        shown.push(entry.tip);
      }
    }
    if (shown.length > 0) this.reports.shown?.(shown);
    this.#schedule();
  }

  #attach(entry: Entry, element: Element | undefined): void {
    if (entry.element === element) return;
    if (entry.element) this.#resize.unobserve(entry.element);
    entry.watcher?.disconnect();
    entry.element = element;
    entry.watcher = undefined;
    if (element === undefined) return;
    this.#resize.observe(element);
    const scope = element.parentElement?.parentElement ?? element.parentElement;
    if (scope) {
      let pending = false;
      entry.watcher = new MutationObserver(() => {
        if (pending) return;
        pending = true;
        window.setTimeout(() => {
          pending = false;
          if (!entry.element?.isConnected) this.#resolveAll(false);
        }, 100);
      });
      entry.watcher.observe(scope, { childList: true, subtree: true });
    }
  }

  #beacon(tip: InPageTip): HTMLButtonElement {
    const beacon = document.createElement('button');
    beacon.type = 'button';
    beacon.className = 'beacon';
    beacon.hidden = true;
    beacon.dataset.tip = tip.id;
    beacon.setAttribute('aria-label', s('page.tip.beacon', { title: tip.title }));
    beacon.addEventListener('click', (event) => {
      const entry = this.#entries.get(tip.id);
      if (!event.isTrusted || entry?.element === undefined) return;
      if (this.card.openTipId === tip.id) this.card.close(beacon);
      else {
        this.card.open(entry.tip, entry.element, beacon);
        this.reports.opened?.(entry.tip);
      }
    });
    this.layer.append(beacon);
    return beacon;
  }

  #drop(id: string): void {
    const entry = this.#entries.get(id);
    if (entry === undefined) return;
    this.#attach(entry, undefined);
    entry.beacon.remove();
    if (this.card.openTipId === id) this.card.close();
    this.#entries.delete(id);
  }

  #schedule(): void {
    if (this.#frame !== 0) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      this.#position();
    });
  }

  #position(): void {
    for (const { beacon, element } of this.#entries.values()) {
      const rect = element?.isConnected ? viewportRect(element) : undefined;
      const visible =
        rect !== undefined && isShown(rect) && rect.bottom > 0 && rect.top < window.innerHeight;
      beacon.hidden = !visible;
      if (visible) {
        beacon.style.left = `${Math.round(rect.right - 9)}px`;
        beacon.style.top = `${Math.round(rect.top - 9)}px`;
      }
    }
    this.card.reposition();
  }
}
