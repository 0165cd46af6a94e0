/** The small button that shows how many items fit this page and opens the side panel. */
export interface Launcher {
  update(count: number, where: string): void;
}

export function mountLauncher(
  layer: HTMLElement,
  onOpen: () => void,
  signal: AbortSignal,
): Launcher {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'launcher';
  const mark = document.createElement('span');
  mark.className = 'mark';
  mark.textContent = 'Waymark';
  const count = document.createElement('span');
  count.className = 'count';
  button.append(mark, count);
  layer.append(button);
  button.addEventListener(
    'click',
    (event) => {
      // Events a page script synthesises are not the user's: never act on them.
      if (event.isTrusted) onOpen();
    },
    { signal },
  );

  return {
    update(n, where) {
      count.textContent = String(n);
      button.dataset.count = String(n);
      button.title = where;
      button.setAttribute(
        'aria-label',
        `Waymark: ${n} ${n === 1 ? 'item' : 'items'} for ${where}. Open the side panel.`,
      );
    },
  };
}
