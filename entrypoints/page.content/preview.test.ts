// @vitest-environment jsdom
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAnchor } from '@/lib/anchors';
import type { InPageTip } from '@/lib/messages';
import { TipPreview } from './preview';

const TIP: InPageTip = {
  id: 't1',
  title: 'Use macros',
  body: 'Apply a **macro**.',
  placement: 'auto',
};
const NOWHERE = { v: 1, path: [], target: { tag: 'button', attrs: { 'data-testid': 'nowhere' } } };

let controller: AbortController;
let layer: HTMLElement;
let preview: TipPreview;
const onMore = vi.fn();

beforeAll(() => {
  // jsdom has no ResizeObserver; the beacons only use it to follow the element's size.
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});

beforeEach(() => {
  document.body.innerHTML =
    '<form aria-label="Reply"><button data-testid="macro">Apply macro</button></form>';
  controller = new AbortController();
  layer = document.createElement('div');
  document.body.append(layer);
  preview = new TipPreview(layer, onMore, controller.signal);
});

afterEach(() => controller.abort());

const card = () => layer.querySelector('.card');

describe('TipPreview', () => {
  it('opens the tip’s card with its beacon when the anchor finds the element', () => {
    const anchor = createAnchor(document.querySelector('[data-testid=macro]')!);
    expect(preview.show({ ...TIP, anchor })).toBe(true);
    expect(card()?.querySelector('h2')?.textContent).toBe('Use macros');
    expect(card()?.querySelector('strong')?.textContent).toBe('macro');
    expect(layer.querySelectorAll('.beacon')).toHaveLength(1);
  });

  it('answers not found and shows nothing when the anchor finds no element', () => {
    expect(preview.show({ ...TIP, anchor: NOWHERE })).toBe(false);
    expect(card()).toBeNull();
    expect(layer.querySelector('.beacon')).toBeNull();
  });

  it('shows a tip without an anchor at the fixed spot, and answers found', () => {
    expect(preview.show(TIP)).toBe(true);
    expect(card()).not.toBeNull();
    expect(layer.querySelector('.preview-spot')).not.toBeNull();
    expect(layer.querySelector('.beacon')).toBeNull();
  });

  it('replaces the previous preview, and hides it for null', () => {
    const anchor = createAnchor(document.querySelector('[data-testid=macro]')!);
    preview.show({ ...TIP, anchor });
    preview.show({ ...TIP, title: 'Edited title' });
    expect(layer.querySelectorAll('.card')).toHaveLength(1);
    expect(card()?.querySelector('h2')?.textContent).toBe('Edited title');
    expect(layer.querySelector('.beacon')).toBeNull();

    expect(preview.show(null)).toBe(false);
    expect(card()).toBeNull();
    expect(layer.querySelector('.preview-spot')).toBeNull();
  });
});
