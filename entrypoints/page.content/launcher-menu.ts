import type { LauncherChange, LauncherPrefs } from '@/lib/messages';

interface Entry {
  label: (prefs: LauncherPrefs) => string;
  change: (prefs: LauncherPrefs) => LauncherChange;
}

const ENTRIES: Entry[] = [
  {
    label: (p) => `Move to the ${p.dock?.edge === 'left' ? 'right' : 'left'} edge`,
    change: (p) => ({
      dock: { edge: p.dock?.edge === 'left' ? 'right' : 'left', y: p.dock?.y ?? 1 },
    }),
  },
  {
    label: (p) => (p.minimised ? 'Show full size' : 'Minimise'),
    change: (p) => ({ minimised: !p.minimised }),
  },
  { label: () => 'Snooze for 1 hour', change: () => ({ snoozeMinutes: 60 }) },
  { label: () => 'Hide on this site', change: () => ({ hideOnSite: true }) },
];

/**
 * The launcher's ⋯ options (move to the other edge, minimise, snooze, hide on this site) as a
 * native select: the browser draws its list outside the page's layout and gives it keyboard
 * (↑/↓, Enter, Esc), touch and screen-reader support, for a few bytes of the content script.
 */
export class LauncherMenu {
  readonly #select = document.createElement('select');
  #prefs: LauncherPrefs = { minimised: false, hiddenOnSite: false };

  constructor(box: HTMLElement, onChange: (change: LauncherChange) => void, signal: AbortSignal) {
    const select = this.#select;
    select.className = 'more';
    select.setAttribute('aria-label', 'Launcher options');
    // The shown value: "⋯", never offered in the list.
    select.add(new Option('⋯', '', true, true));
    select.options[0]!.hidden = true;
    ENTRIES.forEach((_, i) => select.add(new Option('', String(i))));
    select.addEventListener(
      'change',
      (event) => {
        const entry = ENTRIES[Number(select.value)];
        select.value = '';
        if (event.isTrusted && entry) onChange(entry.change(this.#prefs));
      },
      { signal },
    );
    box.append(select);
    this.sync(this.#prefs);
  }

  sync(prefs: LauncherPrefs): void {
    this.#prefs = prefs;
    ENTRIES.forEach((entry, i) => (this.#select.options[i + 1]!.text = entry.label(prefs)));
  }
}
