/** Where `element` is in the top window's viewport, adding the offsets of same-origin frames. */
export function viewportRect(element: Element): DOMRect {
  const rect = element.getBoundingClientRect();
  let x = rect.left;
  let y = rect.top;
  let view = element.ownerDocument.defaultView;
  while (view && view !== window.top && view.frameElement) {
    const frame = view.frameElement;
    const box = frame.getBoundingClientRect();
    // The frame's document starts inside the frame's border and padding, not at its outer edge.
    const style = frame.ownerDocument.defaultView?.getComputedStyle(frame);
    x += box.left + frame.clientLeft + (parseFloat(style?.paddingLeft ?? '') || 0);
    y += box.top + frame.clientTop + (parseFloat(style?.paddingTop ?? '') || 0);
    view = frame.ownerDocument.defaultView;
  }
  return new DOMRect(x, y, rect.width, rect.height);
}

/** True when the element takes up space on screen (not display:none, not collapsed). */
export function isShown(rect: DOMRect): boolean {
  return rect.width > 0 || rect.height > 0;
}

/** Places a box of `size` next to `target`, inside the viewport, preferring `side`. */
export function placeNear(
  target: DOMRect,
  size: { width: number; height: number },
  side: 'auto' | 'top' | 'bottom' | 'left' | 'right',
): { left: number; top: number } {
  const gap = 10;
  const vw = window.innerWidth;
  const vh = window.innerHeight;
  const below = target.bottom + gap + size.height <= vh;
  const chosen = side === 'auto' ? (below ? 'bottom' : 'top') : side;
  let left = target.left;
  let top = target.bottom + gap;
  if (chosen === 'top') top = target.top - gap - size.height;
  if (chosen === 'left') [left, top] = [target.left - gap - size.width, target.top];
  if (chosen === 'right') [left, top] = [target.right + gap, target.top];
  return {
    left: Math.max(8, Math.min(left, vw - size.width - 8)),
    top: Math.max(8, Math.min(top, vh - size.height - 8)),
  };
}
