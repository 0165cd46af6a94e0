import { loadLazy, registerLazy } from './lazy';
import type { ElementPicker } from './picker';
import type { TipPreview } from './preview';

/**
 * The authors' tools (the element picker and the in-page tip preview) are `author-tools.js`
 * (entrypoints/author-tools.ts), imported the first time an author picks or previews in a tab
 * (lazy.ts): learners' pages never load them, so the content script stays small.
 */
export interface AuthorTools {
  ElementPicker: typeof ElementPicker;
  TipPreview: typeof TipPreview;
  style: string;
}

const KEY = '__waymarkAuthorTools';

export function registerAuthorTools(tools: AuthorTools): void {
  registerLazy(KEY, tools);
}

/** The tools, loaded on first use; their stylesheet joins ours then. */
export async function authorTools(shadow: ShadowRoot): Promise<AuthorTools> {
  const tools = await loadLazy<AuthorTools>(KEY, '/author-tools.js');
  if (!shadow.querySelector('style[data-author]')) {
    const style = document.createElement('style');
    style.dataset.author = '';
    style.textContent = tools.style;
    shadow.append(style);
  }
  return tools;
}
