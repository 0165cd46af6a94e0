import type { Item } from '@/lib/content-model';
import type { FeedbackReason } from '@/lib/insights';
import { FeedbackReasons } from './FeedbackReasons';
import { MarkdownBody } from './MarkdownBody';
import { TypeBadge } from './TypeBadge';

interface Props {
  item: Item;
  needsVerification: boolean;
  vote: boolean | undefined;
  /** The reason given with the vote, from the fixed list. */
  reason?: FeedbackReason | undefined;
  onVote?: (helpful: boolean, reason?: FeedbackReason) => void;
}

/** An article or tip: title, badges, the sanitised body and "Was this helpful?". */
export function ArticleView({ item, needsVerification, vote, reason, onVote }: Props) {
  return (
    <article className="reader">
      <h1>{item.title}</h1>
      <TypeBadge type={item.type} needsVerification={needsVerification} />
      {item.summary && <p className="lede">{item.summary}</p>}
      <MarkdownBody source={item.body} />
      <footer className="reader-footer">
        <p className="muted">
          Owner {item.owner} · version {item.version} · updated {item.updated_at.slice(0, 10)}
          {item.verify_by ? ` · verify by ${item.verify_by}` : ''}
        </p>
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
