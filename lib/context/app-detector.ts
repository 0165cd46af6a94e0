import type { AppDefinition } from '@/lib/content-model';
import type { QueryRoot } from './dom';
import { compileScreen, type RecordRef } from './screens';
import { compileUnwrap } from './unwrap';

/** Where the user is. JSON-shaped (null, not undefined) because it is printed and messaged. */
export interface Detection {
  app: string | null;
  screen: string | null;
  record: RecordRef | null;
  /** Named context text (e.g. `subject`) read from the page; never leaves the browser. */
  context: Record<string, string>;
}

/** One screen as `detect --explain` reports it. */
export interface ScreenTrace {
  id: string;
  matched: boolean;
  failed?: string;
}

export interface AppDetector {
  id: string;
  /** The inner URL its screens are matched against, when an unwrap rule applies. */
  unwrap(url: URL): URL | undefined;
  /** The first screen of the app whose URL and DOM rules hold for `target` (already unwrapped). */
  detect(target: URL, root?: QueryRoot, trace?: ScreenTrace[]): Detection;
}

/**
 * One app compiled into matchers: its unwrap rules and ordered screens with their regular
 * expressions built. Host matching is the Catalogue's (catalogue.ts); the content script, whose
 * host the background has already matched, uses this alone (a smaller script on every page).
 */
export function compileApp(app: AppDefinition): AppDetector {
  const screens = app.screens.map(compileScreen);
  return {
    id: app.id,
    unwrap: compileUnwrap(app.unwrap),
    detect(target, root, trace) {
      for (const screen of screens) {
        const outcome = screen.matchUrl(target);
        const failed = outcome.matched ? screen.failedDomRule(root) : outcome.failed;
        if (failed !== undefined || !outcome.matched) {
          trace?.push({ id: screen.id, matched: false, failed: failed ?? 'no match' });
          continue;
        }
        trace?.push({ id: screen.id, matched: true });
        return {
          app: app.id,
          screen: screen.id,
          record: screen.record(outcome.captures),
          context: screen.context(root),
        };
      }
      return { app: app.id, screen: null, record: null, context: {} };
    },
  };
}

/** Detects `href` (the page's own, http(s) on one of the app's hosts) within the app. */
export function detectInApp(app: AppDetector, href: string, root?: QueryRoot): Detection {
  const url = new URL(href);
  return app.detect(app.unwrap(url) ?? url, root);
}
