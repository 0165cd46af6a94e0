// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReplyEditor } from './reply-editor';

const controller = new AbortController();
afterEach(() => {
  document.body.innerHTML = '';
});

/** An element whose text may not be read: any read of it fails the test. */
function unreadable<T extends HTMLElement>(element: T): T {
  for (const key of ['value', 'textContent', 'innerText', 'innerHTML'])
    Object.defineProperty(element, key, {
      get: () => {
        throw new Error(`read ${key}`);
      },
      set: () => undefined,
      configurable: true,
    });
  return element;
}

describe('ReplyEditor.insert', () => {
  it('inserts into the editor last focused, the way typing does, without reading it', () => {
    const reply = new ReplyEditor(controller.signal);
    const first = document.createElement('textarea');
    const editor = document.createElement('textarea');
    const button = document.createElement('button');
    document.body.append(first, editor, button);
    first.focus();
    editor.focus();
    unreadable(editor);
    // Focus moves on (to the side panel, here a button): the editor stays the target.
    button.focus();
    const exec = vi.fn((command: string) => command === 'insertText');
    document.execCommand = exec;
    expect(reply.insert('Hello')).toEqual({ inserted: true });
    expect(document.activeElement).toBe(editor);
    expect(exec).toHaveBeenCalledWith('insertText', false, 'Hello');
  });

  it('falls back to setRangeText on a textarea when insertText is refused', () => {
    const reply = new ReplyEditor(controller.signal);
    const area = document.createElement('textarea');
    document.body.append(area);
    area.focus();
    const events: string[] = [];
    area.addEventListener('input', (e) => events.push((e as InputEvent).inputType));
    document.execCommand = () => false;
    const setRangeText = vi.spyOn(area, 'setRangeText');
    expect(reply.insert('Refund sent.')).toEqual({ inserted: true });
    expect(setRangeText).toHaveBeenCalledWith('Refund sent.', 0, 0, 'end');
    expect(events).toEqual(['insertText']);
  });

  it('says there is no editor to insert into when none was focused', () => {
    const reply = new ReplyEditor(controller.signal);
    document.body.append(document.createElement('p'));
    expect(reply.insert('x')).toEqual({ inserted: false, reason: 'no-editor' });
  });
});
