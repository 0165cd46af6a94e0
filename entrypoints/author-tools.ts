import { AUTHOR_STYLE } from './page.content/author-styles';
import { registerAuthorTools } from './page.content/author-tools';
import { ElementPicker } from './page.content/picker';
import { TipPreview } from './page.content/preview';

/**
 * Injected by the background (scripting.executeScript) into a tab where an author picks an
 * element or previews a tip; never listed in the manifest. See page.content/author-tools.ts.
 */
export default defineUnlistedScript(() => {
  registerAuthorTools({ ElementPicker, TipPreview, style: AUTHOR_STYLE });
});
