import { useState } from 'react';
import { callBackground, useBackground } from '@/hooks/use-background';
import type { AuthorItemDetail, WorkflowAction } from '@/lib/messages';
import { AsyncView } from '../AsyncView';
import { ItemInsights } from './InsightsPanel';
import { ItemShare } from './ItemShare';
import { ItemPreview } from './ItemPreview';

const STATUS_NAMES = {
  draft: 'Draft',
  in_review: 'In review',
  published: 'Published',
  archived: 'Archived',
} as const;

export function StatusChip({ status }: { status: keyof typeof STATUS_NAMES }) {
  return (
    <span className="status-chip" data-status={status}>
      {STATUS_NAMES[status]}
    </span>
  );
}

/**
 * One item as the server holds it: status, versions, the preview, and the workflow steps this
 * user may take (the server decides; the buttons only avoid offering what it would refuse).
 */
export function ItemDetail(props: {
  id: string;
  /** What just happened, to say first (e.g. "Submitted for review"). */
  notice?: string;
  me: { email: string; role: string };
  tabId: number | undefined;
  onEdit: (draftKey: string) => void;
}) {
  const [detail, reload] = useBackground('bg:author-item', { id: props.id }, props.id);
  return (
    <AsyncView value={detail} loading="Opening…">
      {(result) =>
        result.ok ? (
          <Detail {...props} detail={result.value} reload={reload} />
        ) : (
          <p className="notice" data-kind="error" role="alert">
            {result.problem}
          </p>
        )
      }
    </AsyncView>
  );
}

function Detail(props: {
  detail: AuthorItemDetail;
  notice?: string;
  me: { email: string; role: string };
  tabId: number | undefined;
  onEdit: (draftKey: string) => void;
  reload: () => void;
}) {
  const { item, versions } = props.detail;
  const [comment, setComment] = useState('');
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | undefined>(
    props.notice === undefined ? undefined : { ok: true, text: props.notice },
  );
  const [busy, setBusy] = useState(false);
  const reviewer = props.me.role === 'reviewer' || props.me.role === 'admin';
  const owner =
    props.me.role === 'admin' || item.owner.toLowerCase() === props.me.email.toLowerCase();
  const { history } = props.detail;
  const lastAuthor = versions.at(-1)?.author ?? null;
  // Sent back by a reviewer and not changed since: say why, first.
  const sentBack =
    item.status === 'draft' && history[0]?.action === 'request_changes' ? history[0] : undefined;
  const ownChange =
    lastAuthor !== null && lastAuthor.toLowerCase() === props.me.email.toLowerCase();

  const step = async (
    action: WorkflowAction,
    extra: { comment?: string; restore?: number } = {},
  ) => {
    setBusy(true);
    const result = await callBackground('bg:author-step', {
      id: item.id,
      action,
      version: item.version,
      ...extra,
    });
    setBusy(false);
    if (result.ok) {
      setNotice({ ok: true, text: DONE[action](result.value.version) });
      setComment('');
      props.reload();
    } else setNotice({ ok: false, text: result.problem });
  };
  const edit = async () => {
    const result = await callBackground('bg:draft-new', { itemId: item.id });
    if (result.ok) props.onEdit(result.value.key);
    else setNotice({ ok: false, text: result.problem });
  };

  return (
    <section className="author" aria-label={`Item ${item.id}`}>
      <h1>{item.title}</h1>
      <p>
        <StatusChip status={item.status} />{' '}
        <span className="muted">
          {item.type} · version {item.version} · owner {item.owner}
          {item.verify_by ? ` · verify by ${item.verify_by}` : ''}
        </span>
      </p>
      {notice && (
        <p
          className="notice"
          data-kind={notice.ok ? 'ok' : 'error'}
          role={notice.ok ? 'status' : 'alert'}
        >
          {notice.text}
        </p>
      )}
      {sentBack && (
        <p className="notice" data-kind="error" role="note">
          Changes requested by {sentBack.actor}: “{sentBack.comment}”
        </p>
      )}
      <div className="row">
        {item.status !== 'archived' && (
          <button type="button" className="button" onClick={() => void edit()}>
            Edit
          </button>
        )}
        {item.status === 'draft' && (
          <button
            type="button"
            className="button primary"
            disabled={busy}
            onClick={() => void step('submit')}
          >
            Submit for review
          </button>
        )}
        {item.status === 'published' && owner && (
          <button
            type="button"
            className="button primary"
            disabled={busy}
            onClick={() => void step('verify')}
          >
            Still true: verify
          </button>
        )}
        {item.status === 'published' && reviewer && (
          <button
            type="button"
            className="button danger"
            disabled={busy}
            onClick={() => void step('archive')}
          >
            Archive
          </button>
        )}
      </div>
      <ItemShare item={item} />
      {item.status === 'in_review' && reviewer && (
        <fieldset className="editor">
          <legend>Review</legend>
          {ownChange && (
            <p className="notice">You made the last change: another reviewer must approve it.</p>
          )}
          <label htmlFor="review-comment">Comment</label>
          <textarea
            id="review-comment"
            rows={3}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            placeholder="Required when asking for changes"
          />
          <div className="row" style={{ marginTop: 6 }}>
            <button
              type="button"
              className="button primary"
              disabled={busy || ownChange}
              onClick={() => void step('approve', comment.trim() ? { comment } : {})}
            >
              Approve and publish
            </button>
            <button
              type="button"
              className="button"
              disabled={busy || comment.trim() === ''}
              onClick={() => void step('request-changes', { comment })}
            >
              Request changes
            </button>
          </div>
        </fieldset>
      )}
      <ItemInsights id={item.id} />
      <h2>Preview</h2>
      <ItemPreview item={item} tabId={props.tabId} />
      <h2>History</h2>
      <ul className="author-list" aria-label="History">
        {history.map((e) => (
          <li key={e.id}>
            <span>
              {e.actor} {e.action.replace('_', ' ')}
              {e.version !== null && ` v${e.version}`}
              {e.comment && <> — “{e.comment}”</>}{' '}
              <span className="muted">{e.at.slice(0, 16).replace('T', ' ')}</span>
            </span>
          </li>
        ))}
      </ul>
      <h2>Versions</h2>
      <ul className="author-list">
        {[...versions].reverse().map((v) => (
          <li key={v.version}>
            <span>
              v{v.version} <StatusChip status={v.status} />{' '}
              <span className="muted">
                {v.author ?? 'seeded'} · {v.created_at.slice(0, 16).replace('T', ' ')}
              </span>
            </span>
            {reviewer && v.status === 'published' && v.version < item.version && (
              <button
                type="button"
                className="button"
                disabled={busy}
                onClick={() => void step('rollback', { restore: v.version })}
              >
                Restore
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

const DONE: Record<WorkflowAction, (version: number) => string> = {
  submit: (v) => `Submitted for review (version ${v}).`,
  approve: (v) => `Approved and published as version ${v}. Learners get it at their next sync.`,
  'request-changes': (v) => `Sent back to the author with your comment (version ${v}).`,
  archive: (v) => `Archived (version ${v}); learners no longer see it.`,
  verify: (v) => `Verified (version ${v}): the next date is set.`,
  rollback: (v) => `Restored as version ${v}.`,
};
