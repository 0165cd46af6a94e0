// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PanelNote } from './panel-note';

const INSTEAD =
  'Firefox opens the Waymark sidebar only from its own controls: press Alt + Shift + W.';
let controller: AbortController;
let layer: HTMLElement;
let onOpenInTab: ReturnType<typeof vi.fn<() => void>>;
let note: PanelNote;

beforeEach(() => {
  controller = new AbortController();
  layer = document.createElement('div');
  document.body.append(layer);
  onOpenInTab = vi.fn<() => void>();
  note = new PanelNote(layer, onOpenInTab, controller.signal);
});
afterEach(() => {
  controller.abort();
  layer.remove();
});

const shown = () => layer.querySelector<HTMLElement>('.panel-note');
const button = (label: string) =>
  [...layer.querySelectorAll('button')].find((b) => b.textContent === label)!;

describe('PanelNote', () => {
  it('shows the words it is given as an alert, with "Open in a tab" focused', () => {
    note.show(INSTEAD);
    expect(shown()?.getAttribute('role')).toBe('alert');
    expect(shown()?.querySelector('p')?.textContent).toBe(INSTEAD);
    expect(document.activeElement).toBe(button('Open in a tab'));
  });

  it('keeps one note: a second refusal replaces the first', () => {
    note.show('first');
    note.show('second');
    expect(layer.querySelectorAll('.panel-note')).toHaveLength(1);
    expect(shown()?.querySelector('p')?.textContent).toBe('second');
  });

  it('ignores clicks a page script makes (untrusted events)', () => {
    note.show(INSTEAD);
    button('Open in a tab').click();
    button('Close').click();
    expect(onOpenInTab).not.toHaveBeenCalled();
    expect(shown()).not.toBeNull();
  });

  it('goes away on Esc, on hide() and when the content script is torn down', () => {
    note.show(INSTEAD);
    button('Close').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(shown()).toBeNull();
    note.show(INSTEAD);
    note.hide();
    expect(shown()).toBeNull();
    note.show(INSTEAD);
    controller.abort();
    expect(shown()).toBeNull();
  });
});
