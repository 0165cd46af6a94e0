// Type only: at build time `wxt/browser` is this very file for the content script.
import type { browser as WxtBrowser } from 'wxt/browser';

type Browser = typeof WxtBrowser;

/**
 * The extension API as the browser itself provides it, for the content script only (wired in
 * wxt.config.ts in place of `wxt/browser`). Firefox has a promise-based `browser`; Chrome's MV3
 * `chrome` returns promises from `runtime.sendMessage` too, and the content script answers
 * messages through `sendResponse` + `return true`, which both honour. So the page does not need
 * webextension-polyfill (≈ 3 KB gzip of the content script's budget); extension pages and the
 * background keep it.
 */
const scope = globalThis as { browser?: Browser; chrome?: Browser };

export const browser = (scope.browser?.runtime?.id ? scope.browser : scope.chrome) as Browser;
export default browser;
