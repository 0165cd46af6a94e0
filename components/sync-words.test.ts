import { describe, expect, it } from 'vitest';
import { formatNumber, translator } from '@/lib/i18n';
import { syncWords } from './sync-words';

const enGB = { t: translator('en'), locale: 'en-GB' };

const NOW = new Date('2026-11-28T15:00:00');
const synced = {
  apps: 10,
  items: 72,
  source: 'server' as const,
  lastSyncAt: new Date('2026-11-28T14:05:00').toISOString(),
  running: false,
};

describe('syncWords', () => {
  it('keeps "last synced" on screen and says nothing more when all is well', () => {
    const words = syncWords(synced, true, enGB, NOW);
    expect(words.footer).toMatch(/^72 items for 10 apps, last synced today at 14:05\.$/);
    expect(words.banner).toBeUndefined();
  });

  it('says "Syncing…" while a sync runs, after the last good sync', () => {
    expect(syncWords({ ...synced, running: true }, true, enGB, NOW).footer).toMatch(
      /last synced today at 14:05 · Syncing…/,
    );
  });

  it('turns a network failure into words and keeps the last good sync', () => {
    const words = syncWords(
      { ...synced, problem: 'The server could not be reached (Failed to fetch)' },
      true,
      enGB,
      NOW,
    );
    expect(words.footer).toContain('last synced today at 14:05');
    expect(words.banner?.kind).toBe('problem');
    expect(words.banner?.text).toContain('could not reach your content server');
    expect(words.banner?.text).not.toContain('Failed to fetch');
    expect(words.banner?.text).toContain('synced today at 14:05');
  });

  it('explains offline in a banner, saying what still works', () => {
    const words = syncWords(
      { ...synced, problem: 'The server could not be reached' },
      false,
      enGB,
      NOW,
    );
    expect(words.banner?.kind).toBe('offline');
    expect(words.banner?.text).toMatch(/offline.*still works: search, articles, tips and lessons/);
  });

  it('names the starter pack when nothing came from a server', () => {
    expect(
      syncWords({ apps: 10, items: 72, source: 'starter-pack', running: false }, true, enGB, NOW)
        .footer,
    ).toBe('72 items for 10 apps, from the built-in starter pack.');
  });
});

describe('syncWords in other languages', () => {
  const status = { apps: 1, items: 2, source: 'starter-pack' as const, running: false };

  it('counts items and apps by each language’s plural rules', () => {
    const ar = { t: translator('ar'), locale: 'ar' };
    const de = { t: translator('de'), locale: 'de' };
    expect(syncWords({ ...status, apps: 1, items: 1 }, true, de, NOW).footer).toMatch(
      /^1 Eintrag für 1 App,/,
    );
    expect(syncWords({ ...status, apps: 3, items: 2 }, true, ar, NOW).footer).toMatch(
      new RegExp(`^عنصران لـ ${formatNumber('ar', 3)} تطبيقات`),
    );
  });
});
