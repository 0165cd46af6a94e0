// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { InPageTip } from '@/lib/messages';
import { showAnnouncement } from './announcement-card';
import { LazyCard, LazyHighlight, registerGuidance } from './guidance';
import { Highlight } from './highlight';
import { PanelNote } from './panel-note';
import { insertReply } from './reply-editor';
import { TipCard } from './tip-card';
import { showToast } from './toast';
import { mountUiRoot, type UiRoot } from './ui-root';

const tip = (id: string): InPageTip => ({
  id,
  title: `Tip ${id}`,
  body: 'Do **this**.',
  placement: 'auto',
});
let controller: AbortController;
let root: UiRoot;

// What guidance.js registers when the content script imports it; here it is registered up front,
// so loading it is only a resolved promise, and the order of events is what is under test.
registerGuidance({
  TipCard,
  Highlight,
  PanelNote,
  showToast,
  insertReply,
  showAnnouncement,
  style: '.card{}',
});

/** What the reader asked their system for: `prefers-reduced-motion: reduce` or not (jsdom has no media). */
let reducedMotion = false;
const scrolls: (ScrollIntoViewOptions | boolean | undefined)[] = [];

beforeEach(() => {
  // jsdom lays nothing out; the highlight scrolls its element into view.
  scrolls.length = 0;
  Element.prototype.scrollIntoView = (how) => void scrolls.push(how);
  reducedMotion = false;
  window.matchMedia = (query: string) =>
    ({ matches: query === '(prefers-reduced-motion: reduce)' && reducedMotion }) as MediaQueryList;
  document.body.innerHTML = '<button id="field">Priority</button><span id="beacon"></span>';
  controller = new AbortController();
  root = mountUiRoot(controller.signal);
});
afterEach(() => controller.abort());

const element = (id: string) => document.getElementById(id)!;
const cards = () => [...root.layer.querySelectorAll('.card')];
const settle = () => new Promise((done) => setTimeout(done, 0));

describe('LazyCard', () => {
  const card = () =>
    new LazyCard(root, { onDismiss: vi.fn(), onMore: vi.fn() }, controller.signal, (error) => {
      throw error;
    });

  it('opens the card asked for once its code is here, with the guidance stylesheet added once', async () => {
    const lazy = card();
    expect(lazy.openTipId).toBeUndefined();
    lazy.open(tip('a'), element('field'), element('beacon'));
    expect(lazy.openTipId).toBe('a');
    await settle();
    expect(cards()).toHaveLength(1);
    expect(cards()[0]!.textContent).toContain('Tip a');
    lazy.open(tip('b'), element('field'), element('beacon'));
    expect(lazy.openTipId).toBe('b');
    expect(root.shadow.querySelectorAll('style[data-guidance]')).toHaveLength(1);
  });

  it('opens only the latest of several openings asked for while loading, and none after a close', async () => {
    const lazy = card();
    lazy.open(tip('a'), element('field'), element('beacon'));
    lazy.open(tip('b'), element('field'), element('beacon'));
    await settle();
    expect(cards().map((c) => c.textContent)).toEqual([expect.stringContaining('Tip b')]);

    const closed = card();
    closed.open(tip('c'), element('field'), element('beacon'));
    closed.close();
    await settle();
    expect(closed.openTipId).toBeUndefined();
    expect(cards().some((c) => c.textContent?.includes('Tip c'))).toBe(false);
  });
});

describe('LazyHighlight', () => {
  it('rings the element once loaded, unless cleared while it loaded', async () => {
    const highlight = new LazyHighlight(root, controller.signal);
    const shown = highlight.show(element('field'), 'Step 3 of 6');
    highlight.clear();
    await shown;
    expect(root.layer.querySelector('.highlight')).toBeNull();
    await highlight.show(element('field'), 'Step 3 of 6');
    expect(root.layer.querySelector('.callout')?.textContent).toContain('Step 3 of 6');
  });

  it('glides the element into view, or jumps there when the reader asked for less motion', async () => {
    const highlight = new LazyHighlight(root, controller.signal);
    await highlight.show(element('field'));
    reducedMotion = true;
    await highlight.show(element('field'));
    expect(scrolls).toEqual([
      { block: 'center', behavior: 'smooth' },
      { block: 'center', behavior: 'auto' },
    ]);
  });
});
