import { getSetting, setSetting, type WaymarkDatabase } from '@/lib/db';
import type { LauncherChange, LauncherPrefs } from '@/lib/messages';

const MINUTE = 60_000;

/**
 * How the learner left the launcher: docked to an edge and minimised per app (one app's pages
 * share a layout), snoozed per app, hidden per site (host). Kept in the extension's settings,
 * never in the page.
 */
export class LauncherPrefsStore {
  constructor(
    private readonly db: WaymarkDatabase,
    private readonly now: () => number = Date.now,
  ) {}

  async get(app: string, host: string): Promise<LauncherPrefs> {
    const saved = (await getSetting(this.db, 'launcher'))[app];
    const hidden = (await getSetting(this.db, 'hiddenSites')).includes(host.toLowerCase());
    const snoozed = saved?.snoozedUntil !== undefined && saved.snoozedUntil > this.now();
    return {
      ...(saved?.dock ? { dock: saved.dock } : {}),
      minimised: saved?.minimised ?? false,
      ...(snoozed ? { snoozedUntil: saved?.snoozedUntil } : {}),
      hiddenOnSite: hidden,
    };
  }

  async save(app: string, host: string, change: LauncherChange): Promise<LauncherPrefs> {
    const all = { ...(await getSetting(this.db, 'launcher')) };
    const current = all[app] ?? { minimised: false };
    const next = { ...current };
    if (change.dock !== undefined) next.dock = change.dock;
    if (change.minimised !== undefined) next.minimised = change.minimised;
    if (change.snoozeMinutes !== undefined)
      next.snoozedUntil =
        change.snoozeMinutes === 0 ? undefined : this.now() + change.snoozeMinutes * MINUTE;
    all[app] = next;
    await setSetting(this.db, 'launcher', all);
    if (change.hideOnSite !== undefined) await this.#hide(host, change.hideOnSite);
    return this.get(app, host);
  }

  /** Hidden sites, newest last; showing one again takes it off the list. */
  async #hide(host: string, hidden: boolean): Promise<void> {
    const site = host.toLowerCase();
    const sites = (await getSetting(this.db, 'hiddenSites')).filter((h) => h !== site);
    await setSetting(this.db, 'hiddenSites', hidden ? [...sites, site].slice(-500) : sites);
  }

  async hiddenOn(host: string): Promise<boolean> {
    return (await getSetting(this.db, 'hiddenSites')).includes(host.toLowerCase());
  }

  async show(host: string): Promise<void> {
    await this.#hide(host, false);
  }
}
