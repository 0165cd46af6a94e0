/**
 * A short note with one action ("Tip hidden · Undo"), on ground Waymark's UI already covered. It
 * goes by itself after a while, on Esc, or once its action is taken.
 */
export function showToast(
  layer: HTMLElement,
  text: string,
  action: { label: string; run: () => void },
  at: { left: number; top: number } | undefined,
  signal: AbortSignal,
  ms = 8_000,
): () => void {
  layer.querySelector('.toast')?.remove();
  const toast = document.createElement('div');
  toast.className = 'toast';
  toast.setAttribute('role', 'status');
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = action.label;
  toast.append(text, button);
  if (at) Object.assign(toast.style, { left: `${at.left}px`, top: `${at.top}px`, bottom: 'auto' });
  layer.append(toast);
  const timer = setTimeout(() => remove(), ms);
  const onKey = (e: KeyboardEvent) => e.key === 'Escape' && remove();
  function remove() {
    clearTimeout(timer);
    toast.remove();
    document.removeEventListener('keydown', onKey, true);
  }
  button.addEventListener('click', (e) => {
    if (!e.isTrusted) return;
    remove();
    action.run();
  });
  document.addEventListener('keydown', onKey, true);
  signal.addEventListener('abort', remove);
  button.focus();
  return remove;
}
