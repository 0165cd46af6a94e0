import { pickInScope } from '@/lib/anchors/in-scope';
import { registerNarrowing } from './page.content/large-pages';

/**
 * Imported by the content script on a page of thousands of elements (page.content/large-pages.ts);
 * never listed in the manifest.
 */
export default defineUnlistedScript(() => {
  registerNarrowing(pickInScope);
});
