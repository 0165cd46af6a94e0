import type { ElementPicker } from './picker';
import type { TipPreview } from './preview';

/**
 * The authors' tools (the element picker and the in-page tip preview) are a script of their own,
 * `author-tools.js` (entrypoints/author-tools.ts), which the content script imports the first
 * time an author picks or previews in a tab: a dynamic import from a content script runs in its
 * isolated world. Learners' pages never load it, so the content script stays small. It registers
 * itself on the isolated world's global object, which the page cannot see.
 */
export interface AuthorTools {
  ElementPicker: typeof ElementPicker;
  TipPreview: typeof TipPreview;
  style: string;
}

const KEY = '__waymarkAuthorTools';
type Scope = { [KEY]?: AuthorTools };

export function registerAuthorTools(tools: AuthorTools): void {
  (globalThis as Scope)[KEY] ??= tools;
}

/** The tools, loaded on first use; their stylesheet joins ours then. */
export async function authorTools(shadow: ShadowRoot): Promise<AuthorTools> {
  if ((globalThis as Scope)[KEY] === undefined)
    await import(/* @vite-ignore */ browser.runtime.getURL('/author-tools.js'));
  const tools = (globalThis as Scope)[KEY];
  if (tools === undefined) throw new Error('the authoring tools could not be loaded in this tab');
  if (!shadow.querySelector('style[data-author]')) {
    const style = document.createElement('style');
    style.dataset.author = '';
    style.textContent = tools.style;
    shadow.append(style);
  }
  return tools;
}
