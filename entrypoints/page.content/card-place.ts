export type Side = 'top' | 'bottom' | 'left' | 'right';

export interface CardPlace {
  left: number;
  top: number;
  side: Side;
  /** Where the arrow's tip touches the card's edge: px from the card's left (top/bottom) or top. */
  arrow: number;
}

const GAP = 14;
const EDGE = 8;
/** The arrow stays this far from the card's corners. */
const ARROW_INSET = 16;

const clamp = (value: number, min: number, max: number) =>
  Math.max(min, Math.min(value, Math.max(min, max)));

/**
 * Places a tip card beside its beacon (at the target's top right corner), with an arrow pointing
 * at it. "auto" tries the right of the field first, then above it, then its left, and below it
 * last: below is where the next field of a form usually is. A side that does not fit the
 * viewport is skipped; the last resort is clamped into view.
 */
export function placeCard(
  target: DOMRect,
  beacon: { x: number; y: number },
  size: { width: number; height: number },
  preferred: 'auto' | Side,
  view = { width: innerWidth, height: innerHeight },
): CardPlace {
  const order: Side[] = ['right', 'top', 'left', 'bottom'];
  const sides = preferred === 'auto' ? order : [preferred, ...order.filter((s) => s !== preferred)];
  const fits = (side: Side) =>
    side === 'right'
      ? target.right + GAP + size.width <= view.width - EDGE
      : side === 'left'
        ? target.left - GAP - size.width >= EDGE
        : side === 'top'
          ? target.top - GAP - size.height >= EDGE
          : target.bottom + GAP + size.height <= view.height - EDGE;
  const side = sides.find(fits) ?? 'bottom';
  if (side === 'left' || side === 'right') {
    const left = side === 'right' ? target.right + GAP : target.left - GAP - size.width;
    const top = clamp(beacon.y - ARROW_INSET - 4, EDGE, view.height - size.height - EDGE);
    const arrow = clamp(beacon.y - top, ARROW_INSET, size.height - ARROW_INSET);
    return { left: clamp(left, EDGE, view.width - size.width - EDGE), top, side, arrow };
  }
  const left = clamp(beacon.x - size.width + ARROW_INSET * 2, EDGE, view.width - size.width - EDGE);
  const top = side === 'top' ? target.top - GAP - size.height : target.bottom + GAP;
  const arrow = clamp(beacon.x - left, ARROW_INSET, size.width - ARROW_INSET);
  return { left, top: clamp(top, EDGE, view.height - size.height - EDGE), side, arrow };
}
