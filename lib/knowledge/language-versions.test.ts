import { beforeEach, describe, expect, it } from 'vitest';
import type { Item } from '@/lib/content-model';
import { ensureStarterContent, setSetting, type WaymarkDatabase } from '@/lib/db';
import { testDatabase } from '@/lib/db/test-support';
import { chooseVersions, inUserLanguage, queryLangs } from './language-versions';
import { KnowledgeService } from './service';
import { memoryTabPages } from './tab-pages';
import { deskBundle, NOW, publishedItem, ticket } from './test-fixture';

const v = (id: string, locale?: string, translation_of?: string) => ({
  id,
  ...(locale ? { locale } : {}),
  ...(translation_of ? { translation_of } : {}),
});
const reset = [v('reset'), v('reset-de', 'de', 'reset'), v('reset-fr', 'fr-CA', 'reset')];

describe('chooseVersions', () => {
  it('picks the learner language, then its primary language, then the org default', () => {
    const pick = (user: string, orgDefault = 'en') =>
      chooseVersions(reset, { user, orgDefault }).chosen.get('reset')?.id;
    expect(pick('de')).toBe('reset-de');
    expect(pick('de-CH')).toBe('reset-de');
    expect(pick('fr')).toBe('reset-fr');
    expect(pick('ar')).toBe('reset');
    expect(pick('en')).toBe('reset');
  });

  it('falls back to the org default version, then to any version, never two of one item', () => {
    const onlyTranslations = [v('a-de', 'de', 'a'), v('a-fr', 'fr', 'a')];
    const { chosen, hidden } = chooseVersions(onlyTranslations, { user: 'ar', orgDefault: 'fr' });
    expect(chosen.get('a')?.id).toBe('a-fr');
    expect([...hidden]).toEqual(['a-de']);
    // Neither the learner's language nor the default: the lowest id, deterministically.
    const other = chooseVersions(onlyTranslations, { user: 'ar', orgDefault: 'en' });
    expect(other.chosen.get('a')?.id).toBe('a-de');
  });

  it('reads an item without locale as the org default', () => {
    const items = [v('policy'), v('policy-en', 'en', 'policy')];
    expect(inUserLanguage(items, { user: 'de', orgDefault: 'de' }).map((i) => i.id)).toEqual([
      'policy',
    ]);
  });

  it("reads queries in the learner's language, then the default", () => {
    expect(queryLangs({ user: 'de-AT', orgDefault: 'en' })).toEqual(['de', 'en']);
    expect(queryLangs({ user: 'en-GB', orgDefault: 'en' })).toEqual(['en']);
  });
});

const article = (fields: Record<string, unknown>): Item =>
  publishedItem({
    type: 'article',
    template: 'how-to',
    targeting: { apps: ['desk'], screens: ['desk:ticket'] },
    ...fields,
  });
const versions = [
  article({
    id: 'printer-queue',
    locale: 'en',
    title: 'Clear a stuck printer queue',
    body: 'Open the printer queue, cancel the stuck print jobs and restart the spooler.',
  }),
  article({
    id: 'printer-queue-de',
    locale: 'de',
    translation_of: 'printer-queue',
    title: 'Hängende Druckerwarteschlange leeren',
    body: 'Öffnen Sie die Warteschlange des Druckers, brechen Sie die hängenden Druckaufträge ab.',
  }),
];

describe('KnowledgeService in the learner language', () => {
  let db: WaymarkDatabase;
  let tabs: ReturnType<typeof memoryTabPages>;
  const serviceIn = (locale: string) =>
    new KnowledgeService(
      db,
      tabs,
      () => NOW,
      undefined,
      () => Promise.resolve(locale),
    );
  beforeEach(async () => {
    db = testDatabase();
    tabs = memoryTabPages();
    const bundle = { ...deskBundle, items: [...deskBundle.items, ...versions] };
    await ensureStarterContent(db, bundle, { reason: 'install' });
  });

  it('searches the German version for a German learner, the English one otherwise', async () => {
    const german = await serviceIn('de').searchItems('Drucker Warteschlange hängt');
    expect(german.map((r) => r.id)).toEqual(['printer-queue-de']);
    const english = await serviceIn('en').searchItems('printer queue stuck');
    expect(english.map((r) => r.id)).toEqual(['printer-queue']);
    // A German learner asking in English finds the item by its English text, shown in German.
    const mixed = await serviceIn('de').searchItems('printer queue');
    expect(mixed.map((r) => r.id)).toEqual(['printer-queue-de']);
  });

  it('lists one version per item on the page, the org default when the learner language has none', async () => {
    const ids = async (locale: string) => {
      const page = await serviceIn(locale).pageItems(1);
      return [...page.relevant, ...page.more]
        .map((i) => i.id)
        .filter((id) => id.startsWith('printer'));
    };
    await serviceIn('de').pageDetected(1, ticket('Druckerwarteschlange'));
    expect(await ids('de')).toEqual(['printer-queue-de']);
    expect(await ids('ar')).toEqual(['printer-queue']);
    await setSetting(db, 'contentDefaultLocale', 'de');
    expect(await ids('ar')).toEqual(['printer-queue-de']);
  });
});
