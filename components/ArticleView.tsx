import { useEffect, useRef } from 'react';
import type { Item } from '@/lib/content-model';
import type { FeedbackReason } from '@/lib/insights';
import { CopyLink, useNote } from './CopyLink';
import { FeedbackReasons } from './FeedbackReasons';
import { useI18n, useT } from './I18nProvider';
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

/** A day ("2026-12-05", or a timestamp's day) as the locale writes it, in UTC like the source. */
export function formatDay(iso: string, locale: string): string {
  const day = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(day.getTime())) return iso.slice(0, 10);
  return day.toLocaleDateString(locale, { dateStyle: 'medium', timeZone: 'UTC' });
}

/** "Copy" and "Insert into reply" for a text (the whole article, or one marked snippet). */
function UseActions(props: {
  text: string;
  what: 'tip' | 'article' | 'snippet';
  onInsert: Props['onInsert'];
}) {
  const t = useT();
  const [note, setNote] = useNote();
  const copy = () =>
    navigator.clipboard.writeText(props.text).then(
      () => setNote(t(`item.copied.${props.what}`)),
      () => setNote(t('item.clipboardRefused')),
    );
  const insert = async () => {
    const result = await props.onInsert!(props.text);
    setNote(result.inserted ? t(`item.inserted.${props.what}`) : (result.problem ?? ''));
  };
  return (
    <div className="use-actions">
      <button type="button" className="button" onClick={() => void copy()}>
        {t('item.copy')}
      </button>
      {props.onInsert && (
        <button type="button" className="button primary" onClick={() => void insert()}>
          {t('item.insert')}
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
  const { t, locale } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [item.id]);
  const parts = splitSnippets(item.body);
  return (
    <article className="reader">
      <h1 ref={heading} tabIndex={-1} dir="auto">
        {item.title}
      </h1>
      <TypeBadge type={item.type} needsVerification={needsVerification} />
      {item.summary && (
        <p className="lede" dir="auto">
          {item.summary}
        </p>
      )}
      <UseActions
        text={stripMarkdown([item.summary, item.body].filter(Boolean).join('\n\n'))}
        what={item.type === 'tip' ? 'tip' : 'article'}
        onInsert={onInsert}
      />
      {parts.map((part, i) =>
        part.kind === 'markdown' ? (
          <MarkdownBody key={i} source={part.text} />
        ) : (
          <figure key={i} className="snippet">
            <figcaption>{t('item.snippet')}</figcaption>
            <pre>{part.text}</pre>
            <UseActions text={part.text} what="snippet" onInsert={onInsert} />
          </figure>
        ),
      )}
      <footer className="reader-footer">
        <p className="muted">
          {t(item.verify_by ? 'item.metaVerify' : 'item.meta', {
            owner: item.owner,
            version: item.version,
            updated: formatDay(item.updated_at, locale),
            verify: item.verify_by ? formatDay(item.verify_by, locale) : '',
          })}
        </p>
        {link !== undefined && <CopyLink link={link} hint={t('share.linkHint')} />}
        {onVote && (
          <div className="vote" role="group" aria-label={t('item.helpful')}>
            <span>{t('item.helpful')}</span>
            <button type="button" aria-pressed={vote === true} onClick={() => onVote(true)}>
              {t('common.yes')}
            </button>
            <button type="button" aria-pressed={vote === false} onClick={() => onVote(false)}>
              {t('common.no')}
            </button>
            {vote !== undefined && (
              <span className="muted" role="status">
                {t('item.thanks')}
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
