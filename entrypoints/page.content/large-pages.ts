import { narrowing } from '@/lib/anchors/resolve';
import { loadLazy, registerLazy } from './lazy';

const KEY = 'waymark:large-pages';
/** Elements from which a page is large enough for the narrowing to pay for its load. */
const LARGE = 3000;

type Pick = NonNullable<(typeof narrowing)['pick']>;
let loading: Promise<void> | undefined;

/** Called by large-pages.js (entrypoints/large-pages.ts) when it is imported. */
export function registerNarrowing(pick: Pick): void {
  registerLazy(KEY, pick);
}

/**
 * On a large page, loads the resolver's narrowing by container (lib/anchors/in-scope.ts) once,
 * as large-pages.js: on a page of 20k elements a look-alike resolves about three times faster
 * (README, Performance), and a small page never pays its bytes. Answers are the same with and
 * without it (ADR 0007), so resolves made while it loads are only slower.
 */
export function narrowLargePages(document: Document): void {
  if (loading || document.getElementsByTagName('*').length < LARGE) return;
  loading = loadLazy<Pick>(KEY, '/large-pages.js').then(
    (pick) => void (narrowing.pick = pick),
    () => undefined, // not loadable in this tab (a CSP, a torn-down context): the whole page decides
  );
}
