/**
 * Where the launcher may sit without covering the page: never over something a user can act on
 * (a button, link, field, menu…) and never over a fixed or sticky bar (toolbars, a composer's
 * footer), found with `elementsFromPoint` on a grid over the launcher's box. Our own host element
 * is skipped, so the launcher's current spot never hides what is under it.
 */
const CONTROL =
  'a[href],button,input,select,textarea,summary,label,[role=button],[role=link],[role=menuitem],' +
  '[role=tab],[role=checkbox],[role=radio],[role=combobox],[role=option],[role=switch],' +
  '[role=textbox],[contenteditable=""],[contenteditable=true],[tabindex]:not([tabindex="-1"])';
/** A focusable pane this large is a region to scroll, not a control to click. */
const CONTROL_MAX_SHARE = 0.2;
/** A fixed element this large is the app's shell, not a bar. */
const BAR_MAX_SHARE = 0.4;
/** Kept clear around the box, so a control's edge is not hidden either. */
const MARGIN = 6;

export interface Spot {
  left: number;
  top: number;
  width: number;
  height: number;
}

function share(element: Element): number {
  const r = element.getBoundingClientRect();
  return (r.width * r.height) / Math.max(1, innerWidth * innerHeight);
}

function inBar(element: Element): boolean {
  for (let n: Element | null = element; n && n !== document.body; n = n.parentElement) {
    const position = getComputedStyle(n).position;
    if ((position === 'fixed' || position === 'sticky') && share(n) < BAR_MAX_SHARE) return true;
  }
  return false;
}

/** Answers per page element during one placement: neighbouring points mostly hit the same one. */
type Seen = Map<Element, boolean>;

/** Whether the page shows something to act on, or a bar, at (x, y) under our UI. */
export function covers(x: number, y: number, host: Element, seen: Seen = new Map()): boolean {
  const element = document.elementsFromPoint(x, y).find((e) => e !== host);
  if (element === undefined || element === document.documentElement) return false;
  let answer = seen.get(element);
  if (answer === undefined) {
    const control = element.closest(CONTROL);
    answer = (control !== null && share(control) < CONTROL_MAX_SHARE) || inBar(element);
    seen.set(element, answer);
  }
  return answer;
}

/** Whether `spot` (plus a margin) is clear of the page's controls and bars. */
export function isClear(spot: Spot, host: Element, seen: Seen = new Map()): boolean {
  const xs = [0, 0.25, 0.5, 0.75, 1].map((f) => spot.left - MARGIN + f * (spot.width + 2 * MARGIN));
  const ys = [0, 0.5, 1].map((f) => spot.top - MARGIN + f * (spot.height + 2 * MARGIN));
  return xs.every((x) => ys.every((y) => !covers(x, y, host, seen)));
}

/** How far in from an edge the launcher may go to clear a rail along it (a side navigation). */
const INWARD = [0, 20, 40, 60, 80, 120, 160];

/**
 * The clear spot nearest to `preferred` along the two side edges: up and down its own edge
 * first (moving inward past a rail along it if need be), then the other edge. Undefined when
 * both edges are taken from top to bottom.
 */
export function clearSpot(
  preferred: { edge: 'left' | 'right'; y: number },
  size: { width: number; height: number },
  host: Element,
  inset = 16,
): (Spot & { edge: 'left' | 'right' }) | undefined {
  const step = 20;
  const maxTop = Math.max(inset, innerHeight - size.height - inset);
  const start = inset + preferred.y * (maxTop - inset);
  const edges =
    preferred.edge === 'right' ? (['right', 'left'] as const) : (['left', 'right'] as const);
  const seen: Seen = new Map();
  for (const edge of edges)
    for (const inward of INWARD) {
      const left = edge === 'right' ? innerWidth - size.width - inset - inward : inset + inward;
      for (let d = 0; d <= maxTop; d += step)
        for (const top of d === 0 ? [start] : [start - d, start + d]) {
          if (top < inset || top > maxTop) continue;
          const spot = { left, top, ...size };
          if (isClear(spot, host, seen)) return { ...spot, edge };
        }
    }
  return undefined;
}
