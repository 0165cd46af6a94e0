import { LAUNCHER_MENU } from './page.content/launcher-options';
import { LauncherMenu } from './page.content/launcher-menu';
import { registerLazy } from './page.content/lazy';

/**
 * Imported by the content script the first time a learner opens the launcher's options
 * (page.content/lazy.ts); never listed in the manifest.
 */
export default defineUnlistedScript(() => {
  registerLazy(LAUNCHER_MENU, LauncherMenu);
});
