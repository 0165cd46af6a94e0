import {
  getSetting,
  getSyncState,
  publishedLanguageVersions,
  type WaymarkDatabase,
} from '@/lib/db';
import { chooseVersions, groupOf, type LanguagePreference } from './language-versions';

/**
 * The learner's language preference, and for search which version stands for each other one:
 * a query may match the English text of an item the learner reads in German, and then the German
 * version is the hit. That map needs every item's language fields: worked out once per content
 * version and preference, not per query.
 */
export class UserLanguage {
  #versions: { key: string; map: Promise<ReadonlyMap<string, string>> } | undefined;

  constructor(
    private readonly db: WaymarkDatabase,
    /** The extension's UI language (lib/i18n): the options' choice, else the browser's. */
    private readonly uiLocale: () => Promise<string>,
  ) {}

  async preference(): Promise<LanguagePreference> {
    return {
      user: await this.uiLocale(),
      orgDefault: await getSetting(this.db, 'contentDefaultLocale'),
    };
  }

  /** Each published item's id → the id of the version the learner sees instead, where it differs. */
  async versionsFor(pref: LanguagePreference): Promise<ReadonlyMap<string, string>> {
    const { contentVersion } = await getSyncState(this.db);
    const key = `${contentVersion}\n${pref.user}\n${pref.orgDefault}`;
    if (this.#versions?.key !== key) {
      const map = publishedLanguageVersions(this.db).then((items) => {
        const { chosen, hidden } = chooseVersions(items, pref);
        const byId = new Map(items.map((item) => [item.id, item]));
        return new Map([...hidden].map((id) => [id, chosen.get(groupOf(byId.get(id)!))!.id]));
      });
      this.#versions = { key, map };
      map.catch(() => (this.#versions = undefined));
    }
    return this.#versions.map;
  }
}
