import type { InsightEventType } from './events';

/**
 * What each event is for, which policy level sends it, and what Firefox's data-collection consent
 * calls it. The policy (policy.ts), the Firefox manifest's declaration (wxt.config.ts) and
 * docs/privacy.md all read this table, and tests hold them to it.
 *
 * - `usage`: anonymous (no user id); sent from policy `aggregate` up, unless the user opted out.
 * - `learning`: lesson, quiz and path results, named by the server like an LMS; policy `learning` up.
 * - `impact`: the helpdesk join's keyed record hashes; policy `impact` with an organisation key.
 * - `service`: the outbox's own health (drops); sent whenever anything else may be.
 */
export const eventClasses = ['usage', 'learning', 'impact', 'service'] as const;
export type EventClass = (typeof eventClasses)[number];

/**
 * Firefox's data-collection categories Waymark may transmit (all optional: the user opts in).
 * https://extensionworkshop.com/documentation/develop/firefox-builtin-data-consent/
 */
export const firefoxDataCategories = [
  'technicalAndInteraction',
  'browsingActivity',
  'searchTerms',
] as const;
export type FirefoxDataCategory = (typeof firefoxDataCategories)[number];

export interface EventTypeInfo {
  class: EventClass;
  /** Firefox categories the event needs consent for. */
  firefox: readonly FirefoxDataCategory[];
  /** Optional fields that need one more category; without it the field is left out. */
  fieldConsent?: Readonly<Record<string, FirefoxDataCategory>>;
  /** In plain words, for the privacy documentation and the options page. */
  what: string;
}

const usage = (what: string, ...extra: FirefoxDataCategory[]): EventTypeInfo => ({
  class: 'usage',
  firefox: ['technicalAndInteraction', ...extra],
  what,
});
const learning = (what: string): EventTypeInfo => ({
  class: 'learning',
  firefox: ['technicalAndInteraction'],
  what,
});

export const eventTypes: { readonly [T in InsightEventType]: EventTypeInfo } = {
  suggestion_shown: usage('items listed under "For this page", counted per item, screen and day'),
  suggestion_opened: usage(
    'an item opened: from where (page, search, tip, path, link) and its rank',
  ),
  item_read: usage('an item read for at least 10 s of active time, counted per item and day'),
  search: {
    ...usage(
      'a search session: how many results (bucket), the rank opened; the words only when it failed',
    ),
    fieldConsent: { query: 'searchTerms' },
  },
  feedback: usage('"Was this helpful?": yes or no, and a reason from a fixed list'),
  tip_shown: usage('a tip shown on its element, counted per tip, screen and day'),
  tip_dismissed: usage('a tip dismissed with "Got it"'),
  tip_unresolved: usage('a tip whose element was not found, counted per tip, screen and day'),
  record_view: usage(
    'a record (ticket, case…) opened on a screen with or without help, counted per screen and day',
    'browsingActivity',
  ),
  lesson_step: learning('a lesson step finished for the first time'),
  lesson_completed: learning('a lesson finished, with how many check questions were right'),
  quiz_answer: learning('each knowledge-check answer: question, choices, right or wrong, attempt'),
  path_completed: learning('a learning path finished'),
  record_guidance: {
    class: 'impact',
    firefox: ['browsingActivity'],
    what: 'a keyed hash of a record id (organisation key) and whether guidance was opened on it',
  },
  outbox_dropped: {
    class: 'service',
    firefox: ['technicalAndInteraction'],
    what: 'how many queued events the device dropped because its outbox was full',
  },
};

/** Every Firefox category some event needs: what the manifest declares as optional. */
export function declaredFirefoxCategories(): FirefoxDataCategory[] {
  const used = new Set(
    Object.values(eventTypes).flatMap((info) => [
      ...info.firefox,
      ...Object.values(info.fieldConsent ?? {}),
    ]),
  );
  return firefoxDataCategories.filter((category) => used.has(category));
}
