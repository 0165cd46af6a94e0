import type { LauncherChange, LauncherPrefs } from '@/lib/messages';
import style from './launcher-menu.css?raw';
import { s } from './strings';

interface Entry {
  label: (prefs: LauncherPrefs) => string;
  change: (prefs: LauncherPrefs) => LauncherChange;
}

const ENTRIES: Entry[] = [
  {
    label: (p) => s(p.dock?.edge === 'left' ? 'page.menu.moveRight' : 'page.menu.moveLeft'),
    change: (p) => ({
      dock: { edge: p.dock?.edge === 'left' ? 'right' : 'left', y: p.dock?.y ?? 1 },
    }),
  },
  {
    label: (p) => s(p.minimised ? 'page.menu.fullSize' : 'page.menu.minimise'),
    change: (p) => ({ minimised: !p.minimised }),
  },
  { label: () => s('page.menu.snooze'), change: () => ({ snoozeMinutes: 60 }) },
  { label: () => s('page.menu.hide'), change: () => ({ hideOnSite: true }) },
];

/**
 * The launcher's options (WAI-ARIA menu button): move to the other edge, minimise, snooze, hide
 * on this site. ↑/↓, Home/End move, Enter chooses, Esc closes and returns to the ⋯ button, Tab
 * leaves. Loaded on first use (entrypoints/launcher-menu.ts): few visits ever open it.
 */
export class LauncherMenu {
  readonly #menu = document.createElement('div');

  constructor(
    box: HTMLElement,
    private readonly button: HTMLButtonElement,
    private readonly onChange: (change: LauncherChange) => void,
  ) {
    const menu = this.#menu;
    menu.className = 'menu';
    menu.hidden = true;
    menu.setAttribute('role', 'menu');
    menu.setAttribute('aria-label', s('page.launcher.options'));
    menu.addEventListener('keydown', (e) => this.#key(e));
    // Its stylesheet comes with it, into the launcher's (closed) shadow root.
    const sheet = document.createElement('style');
    sheet.textContent = style;
    box.before(sheet);
    menu.addEventListener('focusout', (e) => {
      if (!menu.contains(e.relatedTarget as Node | null)) this.close(false);
    });
    box.append(menu);
  }

  get isOpen(): boolean {
    return !this.#menu.hidden;
  }

  open(prefs: LauncherPrefs): void {
    this.#menu.replaceChildren(
      ...ENTRIES.map((entry) => {
        const item = document.createElement('button');
        item.type = 'button';
        item.tabIndex = -1;
        item.setAttribute('role', 'menuitem');
        item.textContent = entry.label(prefs);
        item.addEventListener('click', (e) => {
          if (!e.isTrusted) return;
          this.close(false);
          this.onChange(entry.change(prefs));
        });
        return item;
      }),
    );
    this.#menu.hidden = false;
    this.button.setAttribute('aria-expanded', 'true');
    this.#menu.querySelector('button')?.focus();
  }

  close(returnFocus: boolean): void {
    if (this.#menu.hidden) return;
    this.#menu.hidden = true;
    this.button.setAttribute('aria-expanded', 'false');
    if (returnFocus) this.button.focus();
  }

  #key(event: KeyboardEvent): void {
    const items = [...this.#menu.querySelectorAll<HTMLButtonElement>('button')];
    const at = items.indexOf(event.target as HTMLButtonElement);
    const to: Record<string, number> = {
      ArrowDown: (at + 1) % items.length,
      ArrowUp: (at - 1 + items.length) % items.length,
      Home: 0,
      End: items.length - 1,
    };
    if (event.key === 'Escape') {
      event.stopPropagation();
      this.close(true);
    } else if (event.key in to) items[to[event.key]!]?.focus();
    else return;
    event.preventDefault();
  }
}
