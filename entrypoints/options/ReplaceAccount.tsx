import type { ConnectResult } from '@/lib/messages';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Connecting another account replaces what Waymark holds for the current one. This says what the
 * learner did under it and lets them keep it (lesson progress, votes, hidden tips) or start clean.
 */
export function ReplaceAccount(props: {
  replaces: NonNullable<ConnectResult['replaces']>;
  busy: boolean;
  onChoose: (choice: 'keep' | 'discard') => void;
  onCancel: () => void;
}) {
  const { replaces } = props;
  const mine = [
    count(replaces.lessons, 'lesson in progress or done', 'lessons in progress or done'),
    count(replaces.votes, '“Was this helpful?” answer', '“Was this helpful?” answers'),
    count(replaces.hiddenTips, 'hidden tip', 'hidden tips'),
  ];
  return (
    <div className="replace" role="group" aria-labelledby="replace-heading">
      <h2 id="replace-heading">Connect another account?</h2>
      <p>
        You are signed in as <strong>{replaces.account}</strong>. Its content goes when you connect
        the new account. Under it you have {mine.join(', ')}.
      </p>
      {replaces.unsent > 0 && (
        <p className="muted">
          {replaces.unsent === 1
            ? `1 usage event not sent yet belongs to ${replaces.account} and is dropped either way.`
            : `${replaces.unsent} usage events not sent yet belong to ${replaces.account} and are dropped either way.`}
        </p>
      )}
      <div className="nav">
        <button
          type="button"
          className="primary"
          disabled={props.busy}
          onClick={() => props.onChoose('keep')}
        >
          Keep my progress and connect
        </button>
        <button type="button" disabled={props.busy} onClick={() => props.onChoose('discard')}>
          Start clean and connect
        </button>
        <button type="button" disabled={props.busy} onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
