import { useState } from 'react';
import { callBackground, useBackground } from '@/hooks/use-background';
import type { AuthorItemDetail, WorkflowAction } from '@/lib/messages';
import { AsyncView } from '../AsyncView';
import { useT } from '../I18nProvider';
import { ItemInsights } from './InsightsPanel';
import { ItemShare } from './ItemShare';
import { ItemPreview } from './ItemPreview';

type Status = 'draft' | 'in_review' | 'published' | 'archived';

export function StatusChip({ status }: { status: Status }) {
  const t = useT();
  return (
    <span className="status-chip" data-status={status}>
      {t(`status.${status}`)}
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
  const t = useT();
  const [detail, reload] = useBackground('bg:author-item', { id: props.id }, props.id);
  return (
    <AsyncView value={detail} loading={t('common.opening')}>
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
  const t = useT();
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
      setNotice({ ok: true, text: t(`detail.done.${action}`, { version: result.value.version }) });
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
    <section className="author" aria-label={t('detail.label', { id: item.id })}>
      <h1>{item.title}</h1>
      <p>
        <StatusChip status={item.status} />{' '}
        <span className="muted">
          {t(item.verify_by ? 'detail.metaVerify' : 'detail.meta', {
            type: t(`author.typeName.${item.type}`),
            version: item.version,
            owner: item.owner,
            verify: item.verify_by ?? '',
          })}
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
          {t('detail.changesRequested', {
            actor: sentBack.actor,
            comment: sentBack.comment ?? '',
          })}
        </p>
      )}
      <div className="row">
        {item.status !== 'archived' && (
          <button type="button" className="button" onClick={() => void edit()}>
            {t('detail.edit')}
          </button>
        )}
        {item.status === 'draft' && (
          <button
            type="button"
            className="button primary"
            disabled={busy}
            onClick={() => void step('submit')}
          >
            {t('editor.submit')}
          </button>
        )}
        {item.status === 'published' && owner && (
          <button
            type="button"
            className="button primary"
            disabled={busy}
            onClick={() => void step('verify')}
          >
            {t('author.stillTrue')}
          </button>
        )}
        {item.status === 'published' && reviewer && (
          <button
            type="button"
            className="button danger"
            disabled={busy}
            onClick={() => void step('archive')}
          >
            {t('detail.archive')}
          </button>
        )}
      </div>
      <ItemShare item={item} />
      {item.status === 'in_review' && reviewer && (
        <fieldset className="editor">
          <legend>{t('detail.review')}</legend>
          {ownChange && <p className="notice">{t('detail.ownChange')}</p>}
          <label htmlFor="review-comment">{t('detail.comment')}</label>
          <textarea
            id="review-comment"
            rows={3}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            placeholder={t('detail.commentHint')}
          />
          <div className="row" style={{ marginTop: 6 }}>
            <button
              type="button"
              className="button primary"
              disabled={busy || ownChange}
              onClick={() => void step('approve', comment.trim() ? { comment } : {})}
            >
              {t('detail.approve')}
            </button>
            <button
              type="button"
              className="button"
              disabled={busy || comment.trim() === ''}
              onClick={() => void step('request-changes', { comment })}
            >
              {t('detail.requestChanges')}
            </button>
          </div>
        </fieldset>
      )}
      <ItemInsights id={item.id} />
      <h2>{t('editor.preview')}</h2>
      <ItemPreview item={item} tabId={props.tabId} />
      <h2>{t('detail.history')}</h2>
      <ul className="author-list" aria-label={t('detail.history')}>
        {history.map((e) => (
          <li key={e.id}>
            <span>
              {e.actor} {t(`audit.did.${e.action}`)}
              {e.version !== null && ` ${t('author.versionShort', { version: e.version })}`}
              {e.comment && <> — “{e.comment}”</>}{' '}
              <span className="muted">{e.at.slice(0, 16).replace('T', ' ')}</span>
            </span>
          </li>
        ))}
      </ul>
      <h2>{t('detail.versions')}</h2>
      <ul className="author-list">
        {[...versions].reverse().map((v) => (
          <li key={v.version}>
            <span>
              {t('author.versionShort', { version: v.version })} <StatusChip status={v.status} />{' '}
              <span className="muted">
                {[v.author ?? t('detail.seeded'), v.created_at.slice(0, 16).replace('T', ' ')].join(
                  t('common.join'),
                )}
              </span>
            </span>
            {reviewer && v.status === 'published' && v.version < item.version && (
              <button
                type="button"
                className="button"
                disabled={busy}
                onClick={() => void step('rollback', { restore: v.version })}
              >
                {t('detail.restore')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
