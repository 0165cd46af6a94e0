import {
  LOCALE_KEY,
  pageStrings,
  parseChoice,
  resolveLocale,
  translator,
  type Translate,
  type UiLocale,
} from '@/lib/i18n';

/**
 * The UI language as the background sees it: the options' choice, else the browser's. Read per
 * request (one `storage.local` read): the service worker may have slept since the user changed it.
 */
export async function backgroundLocale(): Promise<UiLocale> {
  const stored = await browser.storage.local.get(LOCALE_KEY);
  return resolveLocale(parseChoice(stored[LOCALE_KEY]), [
    browser.i18n.getUILanguage(),
    ...(globalThis.navigator?.languages ?? []),
  ]);
}

export async function backgroundTranslator(): Promise<Translate> {
  return translator(await backgroundLocale());
}

/** `bg:page-strings`: the in-page UI's words and direction, in the user's language. */
export async function pageStringsForTab(): Promise<ReturnType<typeof pageStrings>> {
  return pageStrings(await backgroundLocale());
}
