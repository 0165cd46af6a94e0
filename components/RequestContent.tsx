import { useId, useState } from 'react';
import { callBackground } from '@/hooks/use-background';

/**
 * "Request content / ask an expert": what the learner needs, in their words, sent to the authors
 * with the app and screen of the page (never the page's content). Closed until asked for.
 */
export function RequestContent(props: {
  tabId: number | undefined;
  /** What the learner searched for (or the record's subject), to start from. */
  query: string;
  prompt: string;
}) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [sent, setSent] = useState<string>();
  const [problem, setProblem] = useState<string>();
  if (sent !== undefined)
    return (
      <p className="notice" data-kind="ok" role="status">
        {sent}
      </p>
    );
  if (!open)
    return (
      <p className="request-line">
        {props.prompt}{' '}
        <button
          type="button"
          className="link-button"
          onClick={() => {
            setText(props.query.trim() === '' ? '' : `I was looking for: ${props.query.trim()}`);
            setOpen(true);
          }}
        >
          Request content or ask an expert
        </button>
      </p>
    );
  const send = async () => {
    setProblem(undefined);
    try {
      const result = await callBackground('bg:request-content', {
        text: text.trim(),
        query: props.query.trim().slice(0, 300),
        ...(props.tabId === undefined ? {} : { tabId: props.tabId }),
      });
      setSent(
        `Thanks — your request goes to your authors${result.where ? ` with where you were (${result.where})` : ''}. ${result.delivery}`,
      );
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <form
      className="request"
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      <label htmlFor={id}>What do you need to know? An expert or author will pick it up.</label>
      <textarea
        id={id}
        rows={3}
        maxLength={1000}
        value={text}
        autoFocus
        onChange={(event) => setText(event.target.value)}
      />
      <div className="row">
        <button type="submit" className="button primary" disabled={text.trim().length < 3}>
          Send request
        </button>
        <button type="button" className="button" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
      {problem && (
        <p className="notice" data-kind="error" role="alert">
          Not sent: {problem}
        </p>
      )}
    </form>
  );
}
