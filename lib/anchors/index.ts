/**
 * `lib/anchors`: make and resolve anchors. The narrowing by container (in-scope.ts, ADR 0007) is
 * plugged in by callers whose engine answers selector queries natively — the extension on large
 * pages (entrypoints/page.content/large-pages.ts), the Chromium part of `npm run bench:anchors`:
 * `narrowing.pick = pickInScope`. In jsdom each page-wide query walks every element in JS, so
 * there the narrowing's own queries cost more than it saves (README, Performance).
 */
export { pickInScope } from './in-scope';
export * from './resolve';
