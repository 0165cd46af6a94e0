import type { InPageTip } from '@/lib/messages';
import type { showAnnouncement } from './announcement-card';
import type { Highlight } from './highlight';
import { loadLazy, registerLazy } from './lazy';
import type { PanelNote } from './panel-note';
import type { insertReply } from './reply-editor';
import type { TipCard, TipCardActions } from './tip-card';
import type { showToast } from './toast';
import type { UiRoot } from './ui-root';

/**
 * What a learner sees only once they act: a tip's card (with the Markdown renderer), a lesson
 * step's highlight, the "Tip hidden · Undo" note and Firefox's panel note. They are
 * `guidance.js` (entrypoints/guidance.ts), imported on first use (lazy.ts), so the script every
 * visit runs holds only detection, the launcher and the beacons.
 */
export interface Guidance {
  TipCard: typeof TipCard;
  Highlight: typeof Highlight;
  PanelNote: typeof PanelNote;
  showToast: typeof showToast;
  insertReply: typeof insertReply;
  showAnnouncement: typeof showAnnouncement;
  style: string;
}

const KEY = '__waymarkGuidance';

export function registerGuidance(parts: Guidance): void {
  registerLazy(KEY, parts);
}

/** The guidance, loaded on first use; its stylesheet joins ours (in `root`'s shadow) then. */
export async function loadGuidance(root: UiRoot): Promise<Guidance> {
  const parts = await loadLazy<Guidance>(KEY, '/guidance.js');
  if (!root.shadow.querySelector('style[data-guidance]')) {
    const style = document.createElement('style');
    style.dataset.guidance = '';
    style.textContent = parts.style;
    root.shadow.append(style);
  }
  return parts;
}

/** What beacons need of a tip card. */
export interface Card {
  readonly openTipId: string | undefined;
  open(tip: InPageTip, target: Element, opener: HTMLElement): void;
  close(returnFocusTo?: HTMLElement): void;
  reposition(): void;
}

/**
 * A tip card built on its first opening. Until then nothing is open, so closing and repositioning
 * have nothing to do; an opening asked for while the code loads happens once it has (the latest
 * one only, unless a close came after it).
 */
export class LazyCard implements Card {
  #card: TipCard | undefined;
  #wanted: [InPageTip, Element, HTMLElement] | undefined;
  #loading = false;

  constructor(
    private readonly root: UiRoot,
    private readonly actions: TipCardActions,
    private readonly signal: AbortSignal,
    private readonly onError: (error: unknown) => void,
  ) {}

  get openTipId(): string | undefined {
    return this.#card?.openTipId ?? this.#wanted?.[0].id;
  }

  get lastSpot(): { left: number; top: number } | undefined {
    return this.#card?.lastSpot;
  }

  open(tip: InPageTip, target: Element, opener: HTMLElement): void {
    if (this.#card !== undefined) return this.#card.open(tip, target, opener);
    this.#wanted = [tip, target, opener];
    if (this.#loading) return;
    this.#loading = true;
    void loadGuidance(this.root).then(({ TipCard }) => {
      if (this.signal.aborted) return;
      this.#card = new TipCard(this.root.layer, this.actions, this.signal);
      const wanted = this.#wanted;
      this.#wanted = undefined;
      if (wanted !== undefined) this.#card.open(...wanted);
    }, this.onError);
  }

  close(returnFocusTo?: HTMLElement): void {
    this.#wanted = undefined;
    this.#card?.close(returnFocusTo);
  }

  reposition(): void {
    this.#card?.reposition();
  }
}

/** A lesson step's highlight, loaded on the first step that asks for one. */
export class LazyHighlight {
  #highlight: Highlight | undefined;
  #asked = 0;

  constructor(
    private readonly root: UiRoot,
    private readonly signal: AbortSignal,
  ) {}

  async show(element: Element, note?: string): Promise<void> {
    const asked = ++this.#asked;
    if (this.#highlight === undefined) {
      const { Highlight } = await loadGuidance(this.root);
      this.#highlight ??= new Highlight(this.root.layer, this.signal);
    }
    // A clear (or another step) since this was asked wins.
    if (asked === this.#asked && !this.signal.aborted) this.#highlight.show(element, note);
  }

  clear(): void {
    this.#asked++;
    this.#highlight?.clear();
  }
}
