import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { useUiLocale, type UiLocaleState } from '@/hooks/use-ui-locale';
import { dirOf, type Dir, translator, type Translate, type UiLocale } from '@/lib/i18n';

export interface I18n {
  t: Translate;
  locale: UiLocale;
  dir: Dir;
  /** The language state for the options' picker (undefined outside a provider). */
  choice?: UiLocaleState;
}

const english: I18n = { t: translator('en'), locale: 'en', dir: 'ltr' };
/** Without a provider (component tests) the UI is English. */
const I18nContext = createContext<I18n>(english);

/** The UI strings in the user's language, and `lang`/`dir` on the page for that language. */
export function useI18n(): I18n {
  return useContext(I18nContext);
}

/** Shorthand for components that only need `t`. */
export function useT(): Translate {
  return useContext(I18nContext).t;
}

/** Holds the page until the user's language is known, then renders it in that language. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const state = useUiLocale();
  const locale = state?.locale;
  const value = useMemo<I18n | undefined>(
    () =>
      locale === undefined
        ? undefined
        : {
            t: translator(locale),
            locale,
            dir: dirOf(locale),
            ...(state ? { choice: state } : {}),
          },
    [locale, state],
  );
  useEffect(() => {
    if (value === undefined) return;
    document.documentElement.lang = value.locale;
    document.documentElement.dir = value.dir;
  }, [value]);
  if (value === undefined) return null;
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
