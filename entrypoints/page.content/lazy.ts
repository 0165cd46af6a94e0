/**
 * Parts of the in-page UI that few visits need (the authors' tools, the launcher's options menu)
 * are scripts of their own, imported on first use: a dynamic import from a content script runs
 * in its isolated world, so the part registers itself on that world's global object, which the
 * page cannot see. The files are web-accessible behind a per-session URL (wxt.config.ts).
 */
const scope = globalThis as unknown as Record<string, unknown>;

export function registerLazy(key: string, value: unknown): void {
  scope[key] ??= value;
}

type LazyFile = '/author-tools.js' | '/launcher-menu.js' | '/guidance.js' | '/large-pages.js';

export async function loadLazy<T>(key: string, file: LazyFile): Promise<T> {
  if (scope[key] === undefined) await import(/* @vite-ignore */ browser.runtime.getURL(file));
  const value = scope[key];
  if (value === undefined) throw new Error(`${file} could not be loaded in this tab`);
  return value as T;
}
