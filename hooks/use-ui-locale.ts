import { useEffect, useState } from 'react';
import {
  LOCALE_KEY,
  type LocaleChoice,
  parseChoice,
  resolveLocale,
  type UiLocale,
} from '@/lib/i18n';

export interface UiLocaleState {
  /** What the user picked in the options (`auto`: the browser's language). */
  choice: LocaleChoice;
  /** The language the UI is in. */
  locale: UiLocale;
  /** The browser's own UI language, as the picker names it. */
  browserLocale: UiLocale;
}

const browserLanguages = () => [browser.i18n.getUILanguage(), ...navigator.languages];

/**
 * The UI language of this browser profile: the options' choice (`storage.local`), else the
 * browser's. Followed live, so picking another language in the options changes every open page.
 * Undefined until the choice is read (pages render nothing for those few milliseconds rather
 * than flash another language).
 */
export function useUiLocale(): UiLocaleState | undefined {
  const [state, setState] = useState<UiLocaleState>();
  useEffect(() => {
    let live = true;
    const apply = (stored: unknown) => {
      const choice = parseChoice(stored);
      const langs = browserLanguages();
      if (live)
        setState({
          choice,
          locale: resolveLocale(choice, langs),
          browserLocale: resolveLocale('auto', langs),
        });
    };
    void browser.storage.local.get(LOCALE_KEY).then((got) => apply(got[LOCALE_KEY]));
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && LOCALE_KEY in changes) apply(changes[LOCALE_KEY]?.newValue);
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);
  return state;
}

/** Stores the user's pick (`auto` removes it: the browser's language again). */
export async function setUiLocale(choice: LocaleChoice): Promise<void> {
  if (choice === 'auto') await browser.storage.local.remove(LOCALE_KEY);
  else await browser.storage.local.set({ [LOCALE_KEY]: choice });
}
