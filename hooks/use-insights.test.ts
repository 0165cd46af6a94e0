// @vitest-environment jsdom
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Async } from './use-background';
import type { PanelInsight, SearchResult } from '@/lib/messages';
import { useReadReport, useSearchSession, useShownReport } from './use-insights';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root;
let reports: PanelInsight[];
const report = (insight: PanelInsight) => reports.push(insight);

beforeEach(() => {
  vi.useFakeTimers({ now: Date.parse('2026-06-15T09:30:00Z') });
  reports = [];
  Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
  document.hasFocus = () => true;
  root = createRoot(document.createElement('div'));
});
afterEach(() => {
  act(() => root.unmount());
  vi.useRealTimers();
});

const hits = (n: number): Async<SearchResult[]> => ({
  state: 'ready',
  value: Array.from({ length: n }, (_, i) => ({
    id: `item-${i}`,
    type: 'article',
    title: 't',
    summary: '',
    needsVerification: false,
    titleRanges: [],
    snippet: '',
    snippetRanges: [],
    currentApp: false,
    apps: [],
  })),
});

let opened: ((rank: number) => void) | undefined;
function Search({ query, results }: { query: string; results: Async<SearchResult[]> }) {
  opened = useSearchSession(query, results, 3, report).opened;
  return null;
}
const search = (query: string, results: Async<SearchResult[]> = { state: 'loading' }) =>
  act(() => root.render(createElement(Search, { query, results })));

describe('useSearchSession', () => {
  it('reports a session that found nothing after 10 s without activity, with its words', () => {
    search('va');
    search('vat', { state: 'loading' });
    search('vat', hits(0));
    act(() => vi.advanceTimersByTime(9_000));
    expect(reports).toEqual([]);
    act(() => vi.advanceTimersByTime(2_000));
    expect(reports).toEqual([
      { kind: 'search', tabId: 3, outcome: { query: 'vat', results: 0, ended: 'idle' } },
    ]);
  });

  it('keeps the session going while the user moves through the results', () => {
    search('refund', hits(4));
    act(() => vi.advanceTimersByTime(8_000));
    act(() => document.dispatchEvent(new Event('keydown')));
    act(() => vi.advanceTimersByTime(8_000));
    expect(reports).toEqual([]);
  });

  it('reports the rank opened, and the session closed when the view goes', () => {
    search('refund', hits(4));
    act(() => opened!(2));
    search('merge', hits(0));
    act(() => root.render(null));
    expect(reports.map((r) => r.kind === 'search' && r.outcome)).toEqual([
      { query: 'refund', results: 4, opened: 2, ended: 'open' },
      { query: 'merge', results: 0, ended: 'close' },
    ]);
  });
});

function Reader({ item }: { item: string | undefined }) {
  useReadReport(item, 5, report);
  return null;
}

describe('useReadReport', () => {
  it('reports an item read once, after 10 s of active time', () => {
    act(() => root.render(createElement(Reader, { item: 'refunds' })));
    act(() => vi.advanceTimersByTime(9_000));
    expect(reports).toEqual([]);
    act(() => vi.advanceTimersByTime(30_000));
    expect(reports).toEqual([{ kind: 'read', tabId: 5, item: 'refunds' }]);
  });

  it('does not report an item opened and left while the user works in the page', () => {
    act(() => root.render(createElement(Reader, { item: 'refunds' })));
    act(() => vi.advanceTimersByTime(3_000));
    act(() => window.dispatchEvent(new Event('blur')));
    act(() => vi.advanceTimersByTime(60_000));
    expect(reports).toEqual([]);
  });

  it('times nothing without an item', () => {
    act(() => root.render(createElement(Reader, { item: undefined })));
    act(() => vi.advanceTimersByTime(60_000));
    expect(reports).toEqual([]);
  });
});

function Shown({ page, items }: { page: string; items: string[] }) {
  useShownReport(2, page, items, report);
  return null;
}

describe('useShownReport', () => {
  it('reports a list once per page, again for another page, never an empty one', () => {
    act(() => root.render(createElement(Shown, { page: 'ticket-1', items: ['a', 'b'] })));
    act(() => root.render(createElement(Shown, { page: 'ticket-1', items: ['a', 'b'] })));
    act(() => root.render(createElement(Shown, { page: 'ticket-2', items: [] })));
    act(() => root.render(createElement(Shown, { page: 'ticket-3', items: ['b'] })));
    expect(reports).toEqual([
      { kind: 'shown', tabId: 2, items: ['a', 'b'] },
      { kind: 'shown', tabId: 2, items: ['b'] },
    ]);
  });
});
