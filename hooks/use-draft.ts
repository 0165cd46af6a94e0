import { useCallback, useEffect, useRef, useState } from 'react';
import { isEnvelope, type Draft } from '@/lib/messages';
import { callBackground } from './use-background';

/** How long typing may run ahead of the store: short, so closing the panel loses nothing. */
const SAVE_AFTER_MS = 250;

const isDraftChanged = (message: unknown, key: string): boolean =>
  isEnvelope(message, 'panel:draft-changed') &&
  (message.payload as Partial<{ draftKey: string }> | undefined)?.draftKey === key;

export interface DraftState {
  draft: Draft | undefined;
  /** `saving` while a change is on its way to the store; `saved` once it is there. */
  saveState: 'saved' | 'saving' | 'error';
  problem: string | undefined;
  /** Change the draft's fields; saved shortly after (and at once on `flush`). */
  update: (change: (fields: Record<string, unknown>) => Record<string, unknown>) => void;
  /** Writes any pending change now (before sending, picking, or leaving). */
  flush: () => Promise<void>;
  /** Reads the stored copy again (after the background changed it). */
  reload: () => Promise<void>;
}

/**
 * A draft being edited: local state for instant typing, autosaved to the background's store
 * (IndexedDB) a moment after each change and whenever the panel is hidden, so neither closing the
 * panel nor a restarted service worker loses text. A pick made in the page (the background writes
 * it into the draft) is picked up through `panel:draft-changed`.
 */
export function useDraft(key: string): DraftState {
  const [draft, setDraft] = useState<Draft | undefined>();
  const [saveState, setSaveState] = useState<DraftState['saveState']>('saved');
  const [problem, setProblem] = useState<string | undefined>();
  const pending = useRef<Draft | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const flush = useCallback(async () => {
    if (timer.current !== undefined) clearTimeout(timer.current);
    timer.current = undefined;
    const next = pending.current;
    if (next === undefined) return;
    pending.current = undefined;
    try {
      const result = await callBackground('bg:draft-put', { draft: next });
      // A newer copy won (picked in the page meanwhile): show that one.
      if (!result.saved) setDraft(result.draft);
      setSaveState('saved');
      setProblem(undefined);
    } catch (error) {
      pending.current ??= next;
      setSaveState('error');
      setProblem(error instanceof Error ? error.message : String(error));
    }
  }, []);

  const reload = useCallback(async () => {
    await flush();
    const stored = await callBackground('bg:draft-get', { key });
    if (stored !== null) setDraft(stored);
  }, [flush, key]);

  useEffect(() => {
    let live = true;
    void callBackground('bg:draft-get', { key }).then((stored) => {
      if (live && stored !== null) setDraft(stored);
    });
    const onMessage = (message: unknown, sender: { id?: string }) => {
      if (sender.id === browser.runtime.id && isDraftChanged(message, key)) void reload();
      return undefined;
    };
    const onHide = () => void flush();
    browser.runtime.onMessage.addListener(onMessage);
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onHide);
    return () => {
      live = false;
      void flush();
      browser.runtime.onMessage.removeListener(onMessage);
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onHide);
    };
  }, [key, flush, reload]);

  const update = useCallback<DraftState['update']>(
    (change) => {
      setDraft((current) => {
        if (current === undefined) return current;
        const next: Draft = {
          ...current,
          fields: change(current.fields),
          updatedAt: new Date().toISOString(),
        };
        pending.current = next;
        return next;
      });
      setSaveState('saving');
      if (timer.current === undefined)
        timer.current = setTimeout(() => void flush(), SAVE_AFTER_MS);
    },
    [flush],
  );

  return { draft, saveState, problem, update, flush, reload };
}
