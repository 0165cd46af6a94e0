import type { SearchLang } from './languages';
import { titleWords, type TitleWords } from './title-match';
import type { SearchDoc } from './types';

/** Stored text per document: enough to show a hit and highlight it, never the whole body. */
export const SUMMARY_CHARS = 400;
export const EXCERPT_CHARS = 300;

/** What a hit shows and what filtering and boosting need, by slot. */
export class DocStore {
  readonly ids: string[] = [];
  readonly titles: string[] = [];
  readonly summaries: string[] = [];
  /** The start of the body, for a body highlight. */
  readonly excerpts: string[] = [];
  readonly types: (string | undefined)[] = [];
  /** The language each document was analysed in (undefined: English). */
  readonly langs: (SearchLang | undefined)[] = [];
  /** apps, screens, roles, teams: targeting lists, `[]` for none. */
  readonly targeting: string[][][] = [];
  private readonly slots = new Map<string, number>();
  /** Each title's words as the re-rank compares them, worked out on first use. */
  private readonly titleWordCache: (TitleWords | undefined)[] = [];

  /** The words of a slot's title, folded and stemmed (title-match.ts). */
  titleWords(slot: number): TitleWords {
    return (this.titleWordCache[slot] ??= titleWords(this.titles[slot] ?? '', this.langs[slot]));
  }

  slotOf(id: string): number | undefined {
    return this.slots.get(id);
  }

  put(slot: number, doc: SearchDoc): void {
    this.ids[slot] = doc.id;
    this.titles[slot] = doc.title;
    this.titleWordCache[slot] = undefined;
    this.summaries[slot] = (doc.summary ?? '').slice(0, SUMMARY_CHARS);
    this.excerpts[slot] = excerpt(doc.body ?? '');
    this.types[slot] = doc.type;
    this.langs[slot] = doc.lang === 'en' ? undefined : doc.lang;
    this.targeting[slot] = [doc.apps ?? [], doc.screens ?? [], doc.roles ?? [], doc.teams ?? []];
    this.slots.set(doc.id, slot);
  }

  /** Restores a stored row (from a serialized index) as is. */
  putStored(
    slot: number,
    row: {
      id: string;
      title: string;
      summary: string;
      excerpt: string;
      type: string;
      targeting: string[][];
      lang: SearchLang | undefined;
    },
  ): void {
    this.ids[slot] = row.id;
    this.titles[slot] = row.title;
    this.titleWordCache[slot] = undefined;
    this.summaries[slot] = row.summary;
    this.excerpts[slot] = row.excerpt;
    this.types[slot] = row.type === '' ? undefined : row.type;
    this.langs[slot] = row.lang;
    this.targeting[slot] = row.targeting;
    this.slots.set(row.id, slot);
  }

  delete(slot: number): void {
    const id = this.ids[slot];
    if (id !== undefined) this.slots.delete(id);
    this.titles[slot] = this.summaries[slot] = this.excerpts[slot] = '';
    this.titleWordCache[slot] = undefined;
    this.langs[slot] = undefined;
    this.targeting[slot] = [[], [], [], []];
  }

  /** An item with no roles (teams) is for everyone; otherwise the user's must be listed. */
  visible(slot: number, filter: { role?: string; team?: string } | undefined): boolean {
    if (filter === undefined) return true;
    const [, , roles = [], teams = []] = this.targeting[slot] ?? [];
    return allows(roles, filter.role) && allows(teams, filter.team);
  }

  /** The multiplier for the user's current app and screen (1 when neither is targeted). */
  boost(
    slot: number,
    where: { app?: string; screen?: string } | undefined,
    appBoost: number,
    screenBoost: number,
  ): number {
    if (where === undefined) return 1;
    const [apps = [], screens = []] = this.targeting[slot] ?? [];
    if (where.screen !== undefined && screens.includes(where.screen)) return screenBoost;
    const app = where.app ?? where.screen?.split(':')[0];
    if (app !== undefined && (apps.includes(app) || screens.some((s) => s.startsWith(`${app}:`))))
      return appBoost;
    return 1;
  }
}

/** Empty lists mean everyone; a user who has not said their role (team) is not filtered by it. */
function allows(listed: readonly string[], mine: string | undefined): boolean {
  return mine === undefined || listed.length === 0 || listed.includes(mine);
}

/** The body's first characters, cut at a word boundary. */
export function excerpt(body: string): string {
  // Only the start is kept: collapse the spaces of a generous slice, not of the whole body
  // (unless the slice was mostly spaces).
  const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();
  let text = collapse(body.slice(0, EXCERPT_CHARS * 4));
  if (body.length > EXCERPT_CHARS * 4 && text.length <= EXCERPT_CHARS) text = collapse(body);
  if (text.length <= EXCERPT_CHARS) return text;
  const cut = text.lastIndexOf(' ', EXCERPT_CHARS);
  return `${text.slice(0, cut > EXCERPT_CHARS / 2 ? cut : EXCERPT_CHARS)}…`;
}
