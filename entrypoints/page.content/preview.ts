import { resolveAnchor } from '@/lib/anchors';
import type { InPageTip } from '@/lib/messages';
import { Beacons } from './beacons';
import { TipCard } from './tip-card';

/**
 * An author's preview of a draft tip, drawn by the same TipCard and Beacons a learner gets, with
 * their card already open. It has a layer, card and beacons of its own, so it never touches the
 * learner's tips: "Got it" only hides it (nothing is stored) and an anchor that stops resolving is
 * not reported. A tip without an anchor is shown above the launcher, where the page has no element.
 */
export class TipPreview {
  readonly #layer = document.createElement('div');
  readonly #spot = document.createElement('div');
  readonly #card: TipCard;
  readonly #beacons: Beacons;

  constructor(layer: HTMLElement, onMore: (tip: InPageTip) => void, signal: AbortSignal) {
    this.#layer.className = 'preview';
    this.#spot.className = 'preview-spot';
    layer.append(this.#layer);
    this.#card = new TipCard(this.#layer, { onDismiss: () => this.show(null), onMore }, signal);
    const resolve = (anchor: unknown) => resolveAnchor(anchor, document);
    this.#beacons = new Beacons(this.#layer, this.#card, resolve, {}, signal);
  }

  /** Shows `tip` (or hides the preview for null); answers whether its anchor found an element. */
  show(tip: InPageTip | null): boolean {
    this.#beacons.clear();
    this.#card.close();
    this.#spot.remove();
    if (tip === null) return false;
    if (tip.anchor === undefined || tip.anchor === null) {
      this.#layer.append(this.#spot);
      this.#card.open(tip, this.#spot, this.#spot);
      return true;
    }
    const element = resolveAnchor(tip.anchor, document);
    if (element === null) return false;
    this.#beacons.show([tip]);
    const beacon = this.#layer.querySelector<HTMLElement>('.beacon') ?? this.#spot;
    this.#card.open(tip, element, beacon);
    return true;
  }
}
