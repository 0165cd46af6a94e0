import type { InsertRefusal } from '@/lib/messages';

const EDITABLE =
  'textarea,input[type=text],input:not([type]),[contenteditable=""],[contenteditable=true]';

const isEditor = (element: Element | null): element is HTMLElement =>
  element instanceof HTMLElement &&
  element.matches(EDITABLE) &&
  !(element as HTMLInputElement).readOnly &&
  !(element as HTMLInputElement).disabled;

/**
 * Where a reply goes: the editor the agent was last in. Focus moves to the side panel when they
 * press "Insert", so the page's last focused editor is tracked (focus events only: nothing
 * typed is ever read).
 */
export class ReplyEditor {
  #last: WeakRef<HTMLElement> | undefined;

  constructor(signal: AbortSignal) {
    document.addEventListener(
      'focusin',
      (event) => {
        const target = event.composedPath()[0] as Element | null;
        const editor = target instanceof Element ? target.closest(EDITABLE) : null;
        if (isEditor(editor)) this.#last = new WeakRef(editor);
      },
      { capture: true, signal },
    );
  }

  #target(): HTMLElement | undefined {
    const active = document.activeElement;
    if (isEditor(active)) return active;
    const last = this.#last?.deref();
    return last?.isConnected ? last : undefined;
  }

  /**
   * Inserts `text` at the editor's caret the way typing would (the editor's own undo and change
   * events work), without reading what is already there.
   */
  insert(text: string): { inserted: boolean; reason?: InsertRefusal } {
    const editor = this.#target();
    if (editor === undefined) return { inserted: false, reason: 'no-editor' };
    editor.focus();
    // insertText is what the browser does for typing: rich editors (CKEditor, ProseMirror,
    // Lightning's) and plain textareas all take it, and Ctrl+Z undoes it.
    if (document.execCommand('insertText', false, text)) return { inserted: true };
    if (editor instanceof HTMLTextAreaElement || editor instanceof HTMLInputElement) {
      editor.setRangeText(text, editor.selectionStart ?? 0, editor.selectionEnd ?? 0, 'end');
      editor.dispatchEvent(
        new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }),
      );
      return { inserted: true };
    }
    return { inserted: false, reason: 'refused' };
  }
}
