// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PickOverlay } from './pick-overlay';

let controller: AbortController;
let layer: HTMLElement;
let overlay: PickOverlay;

beforeEach(() => {
  vi.useFakeTimers();
  document.body.innerHTML = '<button>Save</button>';
  controller = new AbortController();
  layer = document.createElement('div');
  document.body.append(layer);
  overlay = new PickOverlay(layer, vi.fn(), controller.signal);
});

afterEach(() => {
  controller.abort();
  vi.useRealTimers();
});

describe('PickOverlay', () => {
  it('confirms an anchor that finds its element again, then takes the note away', () => {
    overlay.confirm(document.querySelector('button')!, true);
    const note = layer.querySelector('.pick-note')!;
    expect(note.textContent).toBe('Anchored ✓ — this element will be found again');
    expect(note.classList.contains('warn')).toBe(false);
    vi.advanceTimersByTime(5000);
    expect(layer.querySelector('.pick-note')).toBeNull();
  });

  it('warns, as an alert, when the anchor does not find the element again', () => {
    overlay.confirm(document.querySelector('button')!, false);
    const note = layer.querySelector('.pick-note.warn')!;
    expect(note.getAttribute('role')).toBe('alert');
    expect(note.textContent).toContain('could not find this element again');
    expect(note.textContent).toContain('pick a more distinctive element');
  });

  it('moves the banner to the top while the framed element is behind it', () => {
    overlay.show();
    const button = document.querySelector('button')!;
    const banner = layer.querySelector('.pick-banner')!;
    vi.spyOn(button, 'getBoundingClientRect').mockReturnValue(
      new DOMRect(10, window.innerHeight - 30, 80, 24),
    );
    overlay.frame(button, 'button "Save"');
    expect(banner.classList.contains('top')).toBe(true);
    vi.spyOn(button, 'getBoundingClientRect').mockReturnValue(new DOMRect(10, 100, 80, 24));
    overlay.frame(button, 'button "Save"');
    expect(banner.classList.contains('top')).toBe(false);
  });

  it('removes everything it drew when the content script goes away', () => {
    overlay.show();
    overlay.confirm(document.querySelector('button')!, true);
    controller.abort();
    expect(layer.children).toHaveLength(0);
  });
});
