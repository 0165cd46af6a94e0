// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from './page-context';

const contexts: ContentScriptContext[] = [];
const make = (name = 'page') => {
  const ctx = new ContentScriptContext(name);
  contexts.push(ctx);
  return ctx;
};

beforeEach(() => {
  vi.useFakeTimers();
  history.replaceState(null, '', '/start');
});

afterEach(() => {
  // A context made last in a test stops the earlier ones; this stops the last (a new name).
  make('cleanup');
  contexts.length = 0;
  delete (globalThis as { navigation?: EventTarget }).navigation;
  vi.useRealTimers();
});

describe('ContentScriptContext', () => {
  it('is torn down when a newer copy of the same script starts, and only then', () => {
    const first = make('page');
    const gone = vi.fn();
    first.onInvalidated(gone);
    make('share');
    expect(first.isInvalid).toBe(false);
    const second = make('page');
    expect(gone).toHaveBeenCalledOnce();
    expect(first.isInvalid).toBe(true);
    expect(second.isInvalid).toBe(false);
  });

  it('announces itself on the document only, never to the page through postMessage', () => {
    const posted = vi.spyOn(window, 'postMessage');
    const heard = vi.fn();
    const name = `${fakeBrowser.runtime.id}:page:wxt:content-script-started`;
    document.addEventListener(name, heard);
    make('page');
    document.removeEventListener(name, heard);
    expect(heard).toHaveBeenCalledOnce();
    expect(posted).not.toHaveBeenCalled();
  });

  it('is invalid once the extension is gone (no runtime id)', () => {
    const ctx = make();
    const id = fakeBrowser.runtime.id;
    try {
      (fakeBrowser.runtime as { id?: string }).id = undefined;
      expect(ctx.isInvalid).toBe(true);
      expect(ctx.signal.aborted).toBe(true);
    } finally {
      (fakeBrowser.runtime as { id?: string }).id = id;
    }
  });

  it('runs a timeout while valid and drops it once torn down', () => {
    const ctx = make();
    const ran = vi.fn();
    const dropped = vi.fn();
    ctx.setTimeout(ran, 100);
    vi.advanceTimersByTime(100);
    ctx.setTimeout(dropped, 100);
    make();
    vi.advanceTimersByTime(1_000);
    expect(ran).toHaveBeenCalledOnce();
    expect(dropped).not.toHaveBeenCalled();
  });

  it('removes its listeners when torn down', () => {
    const ctx = make();
    const target = new EventTarget();
    const heard = vi.fn();
    ctx.addEventListener(target, 'ping', heard);
    target.dispatchEvent(new Event('ping'));
    make();
    target.dispatchEvent(new Event('ping'));
    expect(heard).toHaveBeenCalledOnce();
  });

  it('without the Navigation API, notices a URL change within a second, once per change', () => {
    const ctx = make();
    const changed = vi.fn();
    ctx.addEventListener(window, 'wxt:locationchange', changed);
    vi.advanceTimersByTime(3_000);
    expect(changed).not.toHaveBeenCalled();
    history.pushState(null, '', '/tickets/7');
    vi.advanceTimersByTime(1_000);
    vi.advanceTimersByTime(3_000);
    expect(changed).toHaveBeenCalledOnce();
    make();
    history.pushState(null, '', '/tickets/8');
    vi.advanceTimersByTime(3_000);
    expect(changed).toHaveBeenCalledOnce();
  });

  it('watches no URL once torn down (no poll is left running)', () => {
    const ctx = make();
    make();
    ctx.addEventListener(window, 'wxt:locationchange', vi.fn());
    expect(vi.getTimerCount()).toBe(0);
  });

  it('with the Navigation API, follows navigate events to another URL and ignores a page event', () => {
    const navigation = new EventTarget();
    (globalThis as { navigation?: EventTarget }).navigation = navigation;
    const navigate = (url: string) =>
      navigation.dispatchEvent(Object.assign(new Event('navigate'), { destination: { url } }));
    const ctx = make();
    const changed = vi.fn();
    ctx.addEventListener(window, 'wxt:locationchange', changed);
    navigate(location.href);
    window.dispatchEvent(new Event('wxt:locationchange'));
    expect(changed).not.toHaveBeenCalled();
    navigate(new URL('/tickets/9', location.href).href);
    expect(changed).toHaveBeenCalledOnce();
    make();
    navigate(new URL('/tickets/10', location.href).href);
    expect(changed).toHaveBeenCalledOnce();
  });
});
