import { useEffect, useState } from 'react';
import type { StatusResult } from '@/lib/messages';
import { sendTyped } from '@/lib/runtime/send';

export type StatusState =
  | { state: 'loading' }
  | { state: 'ready'; status: StatusResult }
  | { state: 'error'; error: string };

/** Asks the background what the local store holds. */
export function useStatus(): StatusState {
  const [state, setState] = useState<StatusState>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    sendTyped((m) => browser.runtime.sendMessage(m), 'bg:status', {}).then(
      (status) => live && setState({ state: 'ready', status }),
      (error: unknown) =>
        live &&
        setState({ state: 'error', error: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}
