import type { LauncherChange, LauncherPrefs } from '@/lib/messages';
import { loadLazy } from './lazy';
import { s } from './strings';
import type { LauncherMenu } from './launcher-menu';

export const LAUNCHER_MENU = '__waymarkLauncherMenu';

/**
 * The launcher's ⋯ button: a menu button whose menu (launcher-menu.ts) is loaded the first time
 * it opens. Enter, Space or ↓ open it from the keyboard.
 */
export function optionsButton(
  box: HTMLElement,
  prefs: () => LauncherPrefs,
  onChange: (change: LauncherChange) => void,
  signal: AbortSignal,
): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'more';
  button.textContent = '⋯';
  button.setAttribute('aria-label', s('page.launcher.options'));
  button.setAttribute('aria-haspopup', 'menu');
  button.setAttribute('aria-expanded', 'false');
  let menu: LauncherMenu | undefined;
  const toggle = async () => {
    const Menu = await loadLazy<typeof LauncherMenu>(LAUNCHER_MENU, '/launcher-menu.js');
    menu ??= new Menu(box, button, onChange);
    if (menu.isOpen) menu.close(true);
    else menu.open(prefs());
  };
  button.addEventListener('click', (e) => e.isTrusted && void toggle(), { signal });
  button.addEventListener(
    'keydown',
    (e) => e.key === 'ArrowDown' && (e.preventDefault(), void toggle()),
    { signal },
  );
  box.append(button);
  return button;
}
