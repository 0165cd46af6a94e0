import { useCallback, useEffect, useState } from 'react';
import type { MessageMap, MessageType } from '@/lib/messages';
import { sendTyped } from '@/lib/runtime/send';

export type Async<T> =
  { state: 'loading' } | { state: 'ready'; value: T } | { state: 'error'; error: string };

/** Sends one typed message to the background and returns its result. */
export function callBackground<T extends MessageType>(
  type: T,
  payload: MessageMap[T]['payload'],
): Promise<MessageMap[T]['result']> {
  return sendTyped((message) => browser.runtime.sendMessage(message), type, payload);
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Asks the background whenever `key` changes (undefined `payload` = do not ask yet) and keeps the
 * latest answer; a stale answer for an older key is dropped. `reload` asks again.
 */
export function useBackground<T extends MessageType>(
  type: T,
  payload: MessageMap[T]['payload'] | undefined,
  key: string,
): [Async<MessageMap[T]['result']>, () => void] {
  const [state, setState] = useState<Async<MessageMap[T]['result']>>({ state: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    if (payload === undefined) return;
    let live = true;
    setState((previous) => (previous.state === 'ready' ? previous : { state: 'loading' }));
    callBackground(type, payload).then(
      (value) => live && setState({ state: 'ready', value }),
      (error: unknown) => live && setState({ state: 'error', error: describeError(error) }),
    );
    return () => {
      live = false;
    };
    // `key` stands for the payload's content; the payload object itself changes every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- see above
  }, [type, key, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return [state, reload];
}
