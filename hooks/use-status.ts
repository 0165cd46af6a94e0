import { useEffect, useState } from 'react';
import type { StatusResult } from '@/lib/messages';
import { sendTyped } from '@/lib/runtime/send';

export type StatusState =
  | { state: 'loading' }
  | { state: 'ready'; status: StatusResult; online: boolean }
  | { state: 'error'; error: string };

/** While a sync runs, ask again this often to say when it is done. */
const WHILE_SYNCING_MS = 1_500;
/** Otherwise, often enough to notice a background sync or its failure. */
const IDLE_MS = 30_000;

/** What the local store holds and how its sync is going, kept current while the page is open. */
export function useStatus(): StatusState {
  const [state, setState] = useState<StatusState>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = () => {
      clearTimeout(timer);
      sendTyped((m) => browser.runtime.sendMessage(m), 'bg:status', {}).then(
        (status) => {
          if (!live) return;
          setState({ state: 'ready', status, online: navigator.onLine });
          timer = setTimeout(ask, status.running ? WHILE_SYNCING_MS : IDLE_MS);
        },
        (error: unknown) =>
          live &&
          setState({
            state: 'error',
            error: error instanceof Error ? error.message : String(error),
          }),
      );
    };
    ask();
    window.addEventListener('online', ask);
    window.addEventListener('offline', ask);
    return () => {
      live = false;
      clearTimeout(timer);
      window.removeEventListener('online', ask);
      window.removeEventListener('offline', ask);
    };
  }, []);
  return state;
}
