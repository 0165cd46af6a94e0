import { pickInScope } from './in-scope';
import { narrowing } from './locate';

/**
 * `lib/anchors` with every part: the resolver narrows look-alikes by container on large pages
 * (in-scope.ts). The content script imports `./resolve` instead and loads the narrowing only on
 * large pages (entrypoints/page.content/large-pages.ts), which keeps its initial bundle small.
 */
narrowing.pick = pickInScope;

export * from './resolve';
