import { useId, useState } from 'react';
import { callBackground } from '@/hooks/use-background';
import { useT } from './I18nProvider';

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
  const t = useT();
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
            const query = props.query.trim();
            setText(query === '' ? '' : t('request.lookingFor', { query }));
            setOpen(true);
          }}
        >
          {t('request.open')}
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
      const { where, delivery } = result;
      setSent(
        where ? t('request.sentWhere', { where, delivery }) : t('request.sent', { delivery }),
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
      <label htmlFor={id}>{t('request.label')}</label>
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
          {t('request.send')}
        </button>
        <button type="button" className="button" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
      {problem && (
        <p className="notice" data-kind="error" role="alert">
          {t('request.notSent', { problem })}
        </p>
      )}
    </form>
  );
}
