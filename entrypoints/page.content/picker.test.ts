// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resolveAnchor } from '@/lib/anchors';
import { ElementPicker, type Picked } from './picker';
import { mountUiRoot, type UiRoot } from './ui-root';

const CLICK = ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click'];

function mouse(target: EventTarget & Node, type: string): boolean {
  const view = (target.ownerDocument ?? (target as Document)).defaultView!;
  const init = { bubbles: true, composed: true, cancelable: true, button: 0 };
  return target.dispatchEvent(new view.MouseEvent(type, init));
}

const clickOn = (target: Element) => CLICK.forEach((type) => mouse(target, type));

function key(target: Element, name: string): void {
  const view = target.ownerDocument.defaultView!;
  target.dispatchEvent(
    new view.KeyboardEvent('keydown', {
      key: name,
      bubbles: true,
      composed: true,
      cancelable: true,
    }),
  );
}

function placeAt(element: Element, left: number, top: number, width = 80, height = 24): void {
  vi.spyOn(element, 'getBoundingClientRect').mockReturnValue(new DOMRect(left, top, width, height));
}

/** Records every event of a click that reaches the page, on the element and on the document. */
function pageListeners(element: Element): string[] {
  const seen: string[] = [];
  for (const type of CLICK) {
    element.addEventListener(type, () => seen.push(`element ${type}`));
    element.ownerDocument.addEventListener(type, () => seen.push(`document ${type}`), true);
  }
  return seen;
}

let controller: AbortController;
let ui: UiRoot;
let picker: ElementPicker;
const onPicked = vi.fn<(picked: Picked) => void>();
const onCancel = vi.fn<() => void>();

const box = () => ui.layer.querySelector<HTMLElement>('.pick-box')!;
const label = () => ui.layer.querySelector('.pick-label')?.textContent;
const save = () => document.querySelector('#save')!;

beforeEach(() => {
  document.body.innerHTML =
    '<main><h1>Ticket</h1><form aria-label="Reply"><button id="save" type="button">Save</button></form></main>';
  controller = new AbortController();
  ui = mountUiRoot(controller.signal);
  // jsdom's events are never trusted: these tests stand in for the user.
  picker = new ElementPicker(ui.layer, controller.signal, () => true);
  onPicked.mockReset();
  onCancel.mockReset();
  picker.start({ onPicked, onCancel });
});

afterEach(() => {
  controller.abort();
  ui.remove();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('ElementPicker', () => {
  it('frames the hovered element with its role and name, and follows the pointer', () => {
    const heading = document.querySelector('h1')!;
    placeAt(save(), 10, 200);
    placeAt(heading, 10, 40, 300, 32);

    mouse(save(), 'mouseover');
    expect(box().hidden).toBe(false);
    expect(box().style).toMatchObject({ left: '10px', top: '200px', width: '80px' });
    expect(label()).toBe('button "Save"');

    mouse(heading, 'mouseover');
    expect(box().style).toMatchObject({ left: '10px', top: '40px', width: '300px' });
    expect(label()).toBe('heading "Ticket"');
  });

  it('shows the banner while picking', () => {
    expect(ui.layer.querySelector('.pick-banner')?.textContent).toContain(
      'Click an element (or Tab to it, then Enter) to attach the tip · Esc to cancel',
    );
  });

  it('picks the clicked element, and the page sees none of the click', () => {
    const seen = pageListeners(save());
    const events = CLICK.map((type) => mouse(save(), type));

    expect(seen).toEqual([]);
    expect(events).toEqual(CLICK.map(() => false)); // every default prevented
    expect(onPicked).toHaveBeenCalledOnce();
    const picked = onPicked.mock.calls[0]![0];
    expect(picked).toMatchObject({ element: save(), resolves: true, label: 'button "Save"' });
    expect(resolveAnchor(JSON.parse(JSON.stringify(picked.anchor)), document)).toBe(save());
    expect(picker.active).toBe(false);
    expect(ui.layer.querySelector('.pick-banner')).toBeNull();
    expect(ui.layer.querySelector('.pick-note')?.textContent).toContain('Anchored ✓');
  });

  it('cancels on Esc, and the page does not see the key', () => {
    const pageKeys = vi.fn();
    document.addEventListener('keydown', pageKeys, true);
    key(save(), 'Escape');

    expect(onCancel).toHaveBeenCalledOnce();
    expect(pageKeys).not.toHaveBeenCalled();
    expect(picker.active).toBe(false);
    expect(ui.layer.querySelector('.pick-banner')).toBeNull();
    clickOn(save());
    expect(onPicked).not.toHaveBeenCalled();
  });

  it('lets other keys through to the page', () => {
    const pageKeys = vi.fn();
    document.addEventListener('keydown', pageKeys);
    key(save(), 'Tab');
    expect(pageKeys).toHaveBeenCalledOnce();
    expect(picker.active).toBe(true);
  });

  it('picks the innermost element of an open shadow root', () => {
    const host = document.createElement('x-toolbar');
    document.querySelector('main')!.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<div><button aria-label="Assign to me">+</button></div>';
    const inner = shadow.querySelector('button')!;
    const hostClicks = vi.fn();
    host.addEventListener('click', hostClicks);

    mouse(inner, 'mouseover');
    expect(label()).toBe('button "Assign to me"');
    clickOn(inner);

    expect(hostClicks).not.toHaveBeenCalled();
    expect(onPicked.mock.calls[0]![0]).toMatchObject({ element: inner, resolves: true });
  });

  it('picks an element in a same-origin iframe and frames it at the frame’s offset', () => {
    picker.stop();
    const frame = document.createElement('iframe');
    document.body.append(frame);
    const inner = frame.contentDocument!;
    inner.body.innerHTML = '<nav aria-label="Views"><a href="/open">Open tickets</a></nav>';
    const link = inner.querySelector('a')!;
    placeAt(frame, 100, 50, 400, 300);
    placeAt(link, 10, 20);
    picker.start({ onPicked, onCancel });
    const seen = pageListeners(link);

    mouse(link, 'mouseover');
    expect(box().style).toMatchObject({ left: '110px', top: '70px' });
    expect(label()).toBe('link "Open tickets"');
    clickOn(link);

    expect(seen).toEqual([]);
    expect(onPicked.mock.calls[0]![0]).toMatchObject({ element: link, resolves: true });
  });

  it('enters a frame added after picking started when the pointer reaches it', () => {
    const frame = document.createElement('iframe');
    document.body.append(frame);
    frame.contentDocument!.body.innerHTML = '<button>Merge</button>';
    const merge = frame.contentDocument!.querySelector('button')!;

    mouse(frame, 'mouseover');
    clickOn(merge);
    expect(onPicked.mock.calls[0]![0]).toMatchObject({ element: merge, label: 'button "Merge"' });
  });

  it('picks in a shadow-DOM widget inside a frame inside an app shell’s shadow root', () => {
    picker.stop();
    const shell = document.createElement('app-shell');
    document.body.append(shell);
    const frame = document.createElement('iframe');
    document.body.append(frame); // jsdom loads a frame only in the document tree proper
    shell.attachShadow({ mode: 'open' }).append(frame);
    const widget = frame.contentDocument!.createElement('ref-field');
    frame.contentDocument!.body.append(widget);
    widget.attachShadow({ mode: 'open' }).innerHTML =
      '<input aria-label="Caller"><button aria-label="Look up Caller">🔍</button>';
    const lookup = widget.shadowRoot!.querySelector('button')!;
    placeAt(frame, 100, 50, 400, 300);
    placeAt(lookup, 30, 40);
    picker.start({ onPicked, onCancel });
    const seen = pageListeners(lookup);

    mouse(lookup, 'mouseover');
    expect(box().style).toMatchObject({ left: '130px', top: '90px' });
    clickOn(lookup);

    expect(seen).toEqual([]);
    const picked = onPicked.mock.calls[0]![0];
    expect(picked).toMatchObject({
      element: lookup,
      resolves: true,
      label: 'button "Look up Caller"',
    });
    expect(picked.anchor.path.map((step) => step.via)).toEqual(['shadow', 'frame', 'shadow']);
  });

  it('skips a frame it may not enter (cross-origin) and keeps picking in the page', () => {
    picker.stop();
    const frame = document.createElement('iframe');
    document.body.append(frame);
    Object.defineProperty(frame, 'contentDocument', {
      get: () => {
        throw new DOMException('Blocked a frame', 'SecurityError');
      },
    });
    expect(() => picker.start({ onPicked, onCancel })).not.toThrow();
    clickOn(save());
    expect(onPicked.mock.calls[0]![0].element).toBe(save());
  });

  it('ignores Waymark’s own UI: its host is never framed or picked, and Cancel works', () => {
    const host = document.querySelector('waymark-root')!;
    const pageClicks = vi.fn();
    document.addEventListener('click', pageClicks);

    mouse(host, 'mouseover');
    expect(box().hidden).toBe(true);
    clickOn(host);
    expect(onPicked).not.toHaveBeenCalled();
    expect(pageClicks).toHaveBeenCalledOnce();

    clickOn(ui.layer.querySelector('.pick-banner .cancel')!);
    expect(onCancel).toHaveBeenCalledOnce();
    expect(picker.active).toBe(false);
  });

  it('stop() removes every listener: the page gets its clicks and keys again', () => {
    expect(picker.stop()).toBe(true);
    const seen = pageListeners(save());
    const pageKeys = vi.fn();
    document.addEventListener('keydown', pageKeys);

    clickOn(save());
    key(save(), 'Escape');

    expect(seen).toContain('element click');
    expect(seen).toContain('document mousedown');
    expect(pageKeys).toHaveBeenCalledOnce();
    expect(onPicked).not.toHaveBeenCalled();
    expect(onCancel).not.toHaveBeenCalled();
    expect(ui.layer.querySelector('.pick-box, .pick-banner')).toBeNull();
    expect(picker.stop()).toBe(false);
  });

  it('stop() takes off every window listener it put on, in the page and in its frames', () => {
    picker.stop();
    const frame = document.createElement('iframe');
    document.body.append(frame);
    // jsdom's selector engine adds its own window listeners on a document's first query: run one now.
    frame.contentDocument!.querySelector('*');
    const views = [window, frame.contentWindow!];
    const added = views.map((view) => vi.spyOn(view, 'addEventListener'));
    const removed = views.map((view) => vi.spyOn(view, 'removeEventListener'));
    picker.start({ onPicked, onCancel });
    picker.stop();
    // A listener comes off only with the same type, function and capture flag it went on with.
    type Call = Parameters<Window['removeEventListener']>;
    const listeners = added.flatMap((spy) => spy.mock.calls.map(([, listener]) => listener));
    const key = ([type, listener, options]: Call) => {
      const capture = typeof options === 'boolean' ? options : Boolean(options?.capture);
      return `${type} ${capture} ${listeners.indexOf(listener)}`;
    };
    for (const [i, spy] of added.entries()) {
      const on = spy.mock.calls.map((call) => key(call as Call)).sort();
      const off = removed[i]!.mock.calls.map((call) => key(call)).sort();
      expect(on.some((k) => k.startsWith('click true'))).toBe(true);
      expect(off).toEqual(on);
    }
  });

  it('stops when the content script’s signal aborts', () => {
    controller.abort();
    const seen = pageListeners(save());
    clickOn(save());
    expect(seen).toContain('element click');
    expect(onPicked).not.toHaveBeenCalled();
  });

  it('swallows the second click of a double-click, then gives the page its clicks back', () => {
    vi.useFakeTimers();
    clickOn(save());
    const seen = pageListeners(save());
    clickOn(save());
    expect(seen).toEqual([]);
    expect(onPicked).toHaveBeenCalledOnce();

    vi.advanceTimersByTime(600);
    clickOn(save());
    expect(seen).toContain('element click');
  });

  it('cancels the running pick when a new one starts', () => {
    const second = vi.fn<(picked: Picked) => void>();
    picker.start({ onPicked: second, onCancel: vi.fn() });
    expect(onCancel).toHaveBeenCalledOnce();
    clickOn(save());
    expect(second).toHaveBeenCalledOnce();
    expect(onPicked).not.toHaveBeenCalled();
  });

  it('keeps the box on the element when the page scrolls', async () => {
    placeAt(save(), 10, 200);
    mouse(save(), 'mouseover');
    placeAt(save(), 10, 120);
    window.dispatchEvent(new Event('scroll'));
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(box().style.top).toBe('120px');
  });

  it('ignores clicks a page script synthesises, but still keeps them from the page', () => {
    picker.stop();
    const strict = new ElementPicker(ui.layer, controller.signal);
    strict.start({ onPicked, onCancel });
    const seen = pageListeners(save());
    clickOn(save());
    key(save(), 'Escape');
    expect(seen).toEqual([]);
    expect(onPicked).not.toHaveBeenCalled();
    expect(onCancel).not.toHaveBeenCalled();
    expect(strict.active).toBe(true);
  });
});

describe('ElementPicker from the keyboard', () => {
  it('frames the focused element and picks it with Enter, which the page never sees', () => {
    placeAt(save(), 10, 200);
    const pageKeys: string[] = [];
    save().addEventListener('keydown', (e) => pageKeys.push((e as KeyboardEvent).key));
    document.addEventListener('keydown', (e) => pageKeys.push(`document ${e.key}`));

    save().dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
    expect(box().style).toMatchObject({ left: '10px', top: '200px' });
    expect(label()).toBe('button "Save"');

    key(save(), 'Enter');
    expect(onPicked).toHaveBeenCalledTimes(1);
    expect(onPicked.mock.calls[0]?.[0].element).toBe(save());
    expect(pageKeys).toEqual([]);
  });

  it('lets other keys through and ignores Enter while nothing is framed', () => {
    const pageKeys: string[] = [];
    document.addEventListener('keydown', (e) => pageKeys.push(e.key));
    key(save(), 'Enter');
    key(save(), 'a');
    expect(onPicked).not.toHaveBeenCalled();
    expect(pageKeys).toEqual(['Enter', 'a']);
  });
});

describe('ElementPicker and the learner UI', () => {
  it("hides Waymark's beacons and cards while picking, and brings them back after", () => {
    vi.useFakeTimers();
    expect(ui.layer.classList.contains('picking')).toBe(true);
    clickOn(save());
    expect(onPicked).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(600);
    expect(ui.layer.classList.contains('picking')).toBe(false);
    picker.start({ onPicked, onCancel });
    expect(ui.layer.classList.contains('picking')).toBe(true);
    key(save(), 'Escape');
    expect(ui.layer.classList.contains('picking')).toBe(false);
  });
});
