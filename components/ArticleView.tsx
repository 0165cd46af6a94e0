import { useEffect, useRef, useState } from 'react';
import type { Item } from '@/lib/content-model';
import type { FeedbackReason } from '@/lib/insights';
import { FeedbackReasons } from './FeedbackReasons';
import { splitSnippets } from '@/lib/markdown/snippets';
import { stripMarkdown } from '@/lib/search';
import { MarkdownBody } from './MarkdownBody';
import { TypeBadge } from './TypeBadge';

interface Props {
  item: Item;
  needsVerification: boolean;
  vote: boolean | undefined;
  /** The reason given with the vote, from the fixed list. */
  reason?: FeedbackReason | undefined;
  onVote?: (helpful: boolean, reason?: FeedbackReason) => void;
  /** Puts text into the page's reply editor; absent where there is no page (popup). */
  onInsert?: (text: string) => Promise<{ inserted: boolean; problem?: string }>;
  /** A link that opens this item in Waymark. */
  link?: string;
}

/** Copies to the clipboard and says so; the words stay a moment, for sighted and SR users alike. */
function useNote(): [string | undefined, (text: string) => void] {
  const [note, setNote] = useState<string>();
  useEffect(() => {
    if (note === undefined) return;
    const timer = setTimeout(() => setNote(undefined), 4_000);
    return () => clearTimeout(timer);
  }, [note]);
  return [note, setNote];
}

/** "Copy" and "Insert into reply" for a text (the whole article, or one marked snippet). */
function UseActions(props: { text: string; what: string; onInsert: Props['onInsert'] }) {
  const [note, setNote] = useNote();
  const copy = () =>
    navigator.clipboard.writeText(props.text).then(
      () => setNote(`${props.what} copied.`),
      () => setNote('Could not copy: the browser refused the clipboard.'),
    );
  const insert = async () => {
    const result = await props.onInsert!(props.text);
    setNote(result.inserted ? `${props.what} inserted into the reply.` : (result.problem ?? ''));
  };
  return (
    <div className="use-actions">
      <button type="button" className="button" onClick={() => void copy()}>
        Copy
      </button>
      {props.onInsert && (
        <button type="button" className="button primary" onClick={() => void insert()}>
          Insert into reply
        </button>
      )}
      <span className="muted" role="status">
        {note}
      </span>
    </div>
  );
}

/**
 * An article or tip: title (focused on open, so the keyboard and screen readers start there),
 * badges, the sanitised body with its reply snippets, using the answer (copy, insert into the
 * reply, copy a link) and "Was this helpful?".
 */
export function ArticleView(props: Props) {
  const { item, needsVerification, vote, reason, onVote, onInsert, link } = props;
  const heading = useRef<HTMLHeadingElement>(null);
  const [linkNote, setLinkNote] = useNote();
  useEffect(() => heading.current?.focus(), [item.id]);
  const parts = splitSnippets(item.body);
  return (
    <article className="reader">
      <h1 ref={heading} tabIndex={-1}>
        {item.title}
      </h1>
      <TypeBadge type={item.type} needsVerification={needsVerification} />
      {item.summary && <p className="lede">{item.summary}</p>}
      <UseActions
        text={stripMarkdown([item.summary, item.body].filter(Boolean).join('\n\n'))}
        what={item.type === 'tip' ? 'Tip' : 'Article'}
        onInsert={onInsert}
      />
      {parts.map((part, i) =>
        part.kind === 'markdown' ? (
          <MarkdownBody key={i} source={part.text} />
        ) : (
          <figure key={i} className="snippet">
            <figcaption>Reply snippet</figcaption>
            <pre>{part.text}</pre>
            <UseActions text={part.text} what="Snippet" onInsert={onInsert} />
          </figure>
        ),
      )}
      <footer className="reader-footer">
        <p className="muted">
          Owner {item.owner} · version {item.version} · updated {item.updated_at.slice(0, 10)}
          {item.verify_by ? ` · verify by ${item.verify_by}` : ''}
        </p>
        {link !== undefined && (
          <p>
            <button
              type="button"
              className="link-button"
              onClick={() =>
                void navigator.clipboard.writeText(link).then(
                  () => setLinkNote('Link copied: it opens this in Waymark.'),
                  () => setLinkNote('Could not copy the link.'),
                )
              }
            >
              Copy link
            </button>{' '}
            <span className="muted" role="status">
              {linkNote}
            </span>
          </p>
        )}
        {onVote && (
          <div className="vote" role="group" aria-label="Was this helpful?">
            <span>Was this helpful?</span>
            <button type="button" aria-pressed={vote === true} onClick={() => onVote(true)}>
              Yes
            </button>
            <button type="button" aria-pressed={vote === false} onClick={() => onVote(false)}>
              No
            </button>
            {vote !== undefined && (
              <span className="muted" role="status">
                Thanks — noted.
              </span>
            )}
          </div>
        )}
        {onVote && vote !== undefined && (
          <FeedbackReasons
            helpful={vote}
            chosen={reason}
            onChoose={(chosen) => onVote(vote, chosen)}
          />
        )}
      </footer>
    </article>
  );
}
