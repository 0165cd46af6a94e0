import { type Anchor, createAnchor, resolveAnchor } from '@/lib/anchors';
import { elementLabel } from './element-label';
import { PickOverlay } from './pick-overlay';

export interface Picked {
  element: Element;
  anchor: Anchor;
  /** Whether `resolveAnchor` finds the very same element again from the top document. */
  resolves: boolean;
  /** How the element reads, e.g. `button "Submit"`. */
  label: string;
}

export interface PickCallbacks {
  onPicked(picked: Picked): void;
  /** The author pressed Esc (or Cancel), or a new pick replaced this one. */
  onCancel(): void;
}

interface Session {
  callbacks: PickCallbacks;
  removers: (() => void)[];
  documents: WeakSet<Document>;
  hovered: Element | undefined;
  /** Set once an element is chosen: clicks are still swallowed for a moment, nothing else. */
  chosen: boolean;
}

/** Every event of a click, so the page never acts on the click that chooses (nor on a right click). */
const SWALLOWED = [
  'pointerdown',
  'pointerup',
  'mousedown',
  'mouseup',
  'click',
  'dblclick',
  'auxclick',
  'contextmenu',
];
/** The second click of an author's double-click must not reach the page either (it may be "Delete"). */
const LINGER_MS = 500;

/** Frames in `root` and in every open shadow root below it (an app shell's web components). */
function framesIn(root: Document | ShadowRoot): Element[] {
  const found: Element[] = [];
  for (const element of Array.from(root.querySelectorAll('*'))) {
    if (element.localName === 'iframe' || element.localName === 'frame') found.push(element);
    if (element.shadowRoot) found.push(...framesIn(element.shadowRoot));
  }
  return found;
}

/**
 * Lets an author choose an element: the element under the pointer is framed, a click chooses it,
 * Esc cancels. Listeners are capture-phase on the top window and on every same-origin frame's
 * window (found at start, inside open shadow roots too, recursively, and when the pointer enters
 * a frame), so the page sees none
 * of the choosing click's events; only a page listener registered on `window` before ours could.
 * The target is `composedPath()[0]`: the deepest element, inside open shadow roots too. Waymark's
 * own host element is never a target, so its banner's Cancel button keeps working.
 */
export class ElementPicker {
  readonly #overlay: PickOverlay;
  readonly #host: Element | undefined;
  readonly #layer: HTMLElement;
  #session: Session | undefined;
  #frame = 0;

  constructor(
    layer: HTMLElement,
    signal: AbortSignal,
    /** Whether an event is the user's own; tests swap it, since a page's synthetic events never are. */
    private readonly isUser: (event: Event) => boolean = (event) => event.isTrusted,
  ) {
    const onCancel = (event: Event) => this.isUser(event) && this.#cancel();
    this.#overlay = new PickOverlay(layer, onCancel, signal);
    this.#host = (layer.getRootNode() as Partial<ShadowRoot>).host;
    this.#layer = layer;
    signal.addEventListener('abort', () => this.stop());
  }

  get active(): boolean {
    return this.#session !== undefined && !this.#session.chosen;
  }

  /** Starts picking; a pick already running is cancelled first (its `onCancel` runs). */
  start(callbacks: PickCallbacks): void {
    this.#cancel();
    this.stop();
    this.#session = {
      callbacks,
      removers: [],
      documents: new WeakSet(),
      hovered: undefined,
      chosen: false,
    };
    this.#overlay.show();
    // Beacons, cards and the launcher step aside: they would cover the elements being picked.
    this.#layer.classList.add('picking');
    this.#attach(document);
  }

  /** Removes the note that said whether the last pick resolves (a preview is shown there now). */
  dismissNote(): void {
    this.#overlay.clearNote();
  }

  /** Stops picking without a callback, removing every listener; answers whether a pick was running. */
  stop(): boolean {
    const session = this.#session;
    if (session === undefined) return false;
    this.#session = undefined;
    this.#layer.classList.remove('picking');
    session.removers.forEach((remove) => remove());
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    this.#overlay.hide();
    return !session.chosen;
  }

  #cancel(): void {
    const callbacks = this.#session?.callbacks;
    if (this.active && this.stop()) callbacks?.onCancel();
  }

  #choose(session: Session, element: Element): void {
    session.chosen = true;
    this.#overlay.hide();
    window.setTimeout(() => this.#session === session && this.stop(), LINGER_MS);
    const anchor = createAnchor(element);
    const resolves = resolveAnchor(anchor, document) === element;
    this.#overlay.confirm(element, resolves);
    session.callbacks.onPicked({ element, anchor, resolves, label: elementLabel(element) });
  }

  /** Listens in `doc`'s window and, recursively, in its same-origin frames. */
  #attach(doc: Document): void {
    const session = this.#session;
    const view = doc.defaultView;
    if (!session || !view || session.documents.has(doc)) return;
    session.documents.add(doc);
    const on = (type: string, listener: (event: Event) => void, passive = false) => {
      view.addEventListener(type, listener, { capture: true, passive });
      session.removers.push(() => view.removeEventListener(type, listener, { capture: true }));
    };
    for (const type of SWALLOWED) on(type, this.#onPress);
    on('mouseover', this.#onHover);
    // Keyboard authors: Tab frames the focused element (inside open shadow roots too), Enter picks it.
    on('focusin', this.#onHover);
    on('keydown', this.#onKey);
    on('scroll', this.#schedule, true);
    on('resize', this.#schedule, true);
    framesIn(doc).forEach((frame) => this.#enter(frame));
  }

  #enter(frame: Element): void {
    try {
      const inner = (frame as HTMLIFrameElement).contentDocument;
      if (inner) this.#attach(inner);
    } catch {
      // A cross-origin frame: null in Chrome, a SecurityError in some engines. Not ours to enter.
    }
  }

  /** The deepest element the event is about, unless it is Waymark's own UI. */
  #target(event: Event): Element | undefined {
    const path = event.composedPath();
    const first = path[0] as Node | undefined;
    if (this.#host && path.includes(this.#host)) return undefined;
    return first?.nodeType === Node.ELEMENT_NODE ? (first as Element) : undefined;
  }

  readonly #onHover = (event: Event): void => {
    const element = this.#target(event);
    if (!this.active || element === undefined) return;
    if (element.localName === 'iframe' || element.localName === 'frame') this.#enter(element);
    this.#hover(element);
  };

  readonly #onPress = (event: Event): void => {
    const session = this.#session;
    const element = this.#target(event);
    if (session === undefined || element === undefined) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    const isChoice = event.type === 'click' && (event as MouseEvent).button === 0;
    if (isChoice && !session.chosen && this.isUser(event)) this.#choose(session, element);
  };

  readonly #onKey = (event: Event): void => {
    const session = this.#session;
    const key = (event as KeyboardEvent).key;
    if (session === undefined || !this.isUser(event)) return;
    if (key === 'Escape') {
      event.preventDefault();
      event.stopImmediatePropagation();
      this.#cancel();
      return;
    }
    // Enter picks what is framed (the page must not submit or activate it meanwhile).
    if (key !== 'Enter' || session.hovered === undefined || this.#target(event) === undefined)
      return;
    event.preventDefault();
    event.stopImmediatePropagation();
    if (!session.chosen) this.#choose(session, session.hovered);
  };

  readonly #schedule = (): void => {
    if (this.#frame !== 0) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      const hovered = this.#session?.hovered;
      if (hovered && this.active) this.#hover(hovered);
    });
  };

  #hover(element: Element): void {
    if (this.#session) this.#session.hovered = element;
    this.#overlay.frame(element, elementLabel(element));
  }
}
