import { useState } from 'react';
import { callBackground, useBackground, type Async } from '@/hooks/use-background';
import type { AuthorResult, DraftSummary } from '@/lib/messages';
import { useT } from '../I18nProvider';
import { type Actions, ItemLink, Section } from './AuthorSection';
import { StatusChip } from './ItemDetail';
import { NeedsVerification } from './NeedsVerification';

const TYPE_ORDER = ['tip', 'article', 'lesson', 'path', 'announcement'] as const;

/** The Author tab's start: the work waiting for this person, then templates to start from. */
export function AuthorHome(props: {
  me: { email: string; role: string };
  tabId: number | undefined;
  onDraft: (key: string, repick?: string) => void;
  onItem: (id: string) => void;
  onAudit: () => void;
  onInsights: () => void;
}) {
  const t = useT();
  const [problem, setProblem] = useState<string | undefined>();
  const actions: Actions = { onDraft: props.onDraft, onItem: props.onItem, onProblem: setProblem };
  const reviewer = props.me.role === 'reviewer' || props.me.role === 'admin';
  return (
    <div className="author">
      <p className="muted">
        {t('author.signedIn', { email: props.me.email, role: props.me.role })}{' '}
        <button type="button" className="link-button" onClick={props.onInsights}>
          {t('author.insights')}
        </button>
        {props.me.role === 'admin' && (
          <>
            {t('common.join')}
            <button type="button" className="link-button" onClick={props.onAudit}>
              {t('author.audit')}
            </button>
          </>
        )}
      </p>
      {problem && (
        <p className="notice" data-kind="error" role="alert">
          {problem}
        </p>
      )}
      <Drafts {...actions} />
      {reviewer && <ReviewQueue {...actions} />}
      <NeedsVerification {...actions} tabId={props.tabId} />
      <MyItems {...actions} />
      <Templates {...actions} tabId={props.tabId} />
    </div>
  );
}

function Drafts({ onDraft }: Actions) {
  const t = useT();
  const [drafts, reload] = useBackground('bg:draft-list', {}, 'drafts');
  // Drafts are local (no server answer to fail): shown through the same section.
  const value: Async<AuthorResult<DraftSummary[]>> =
    drafts.state === 'ready'
      ? { state: 'ready', value: { ok: true, value: drafts.value } }
      : drafts;
  const discard = (key: string, title: string) => {
    if (window.confirm(t('author.discardConfirm', { title })))
      void callBackground('bg:draft-delete', { key }).then(reload);
  };
  return (
    <Section id="drafts" title={t('author.drafts')} value={value}>
      {(list) =>
        list.length === 0 ? (
          <p className="muted">{t('author.noDrafts')}</p>
        ) : (
          <ul className="author-list">
            {list.map((d) => (
              <li key={d.key}>
                <span>
                  <button type="button" className="link-button" onClick={() => onDraft(d.key)}>
                    {d.title}
                  </button>{' '}
                  <span className="muted">
                    {t(d.sentAt ? 'author.draftMeta' : 'author.draftMetaUnsent', {
                      type: t(`author.typeName.${d.type}`),
                      at: d.updatedAt.slice(0, 16).replace('T', ' '),
                    })}
                  </span>
                </span>
                <button
                  type="button"
                  className="button"
                  aria-label={t('author.discardDraft', { title: d.title })}
                  onClick={() => discard(d.key, d.title)}
                >
                  {t('author.discard')}
                </button>
              </li>
            ))}
          </ul>
        )
      }
    </Section>
  );
}

function ReviewQueue({ onItem }: Actions) {
  const t = useT();
  const [review] = useBackground('bg:author-items', { status: 'in_review' }, 'review');
  return (
    <Section id="review" title={t('author.review')} value={review}>
      {(items) =>
        items.length === 0 ? (
          <p className="muted">{t('author.noReview')}</p>
        ) : (
          <ul className="author-list">
            {items.map((i) => (
              <li key={i.id}>
                <span>
                  <ItemLink id={i.id} title={i.title} onItem={onItem} />{' '}
                  <span className="muted">
                    {[t(`author.typeName.${i.type}`), i.owner].join(t('common.join'))}
                  </span>
                </span>
              </li>
            ))}
          </ul>
        )
      }
    </Section>
  );
}

function MyItems({ onItem }: Actions) {
  const t = useT();
  const [mine] = useBackground('bg:author-items', { mine: true }, 'mine');
  return (
    <Section id="mine" title={t('author.mine')} value={mine}>
      {(items) =>
        items.length === 0 ? (
          <p className="muted">{t('author.noItems')}</p>
        ) : (
          <ul className="author-list">
            {items.map((i) => (
              <li key={i.id}>
                <span>
                  <ItemLink id={i.id} title={i.title} onItem={onItem} />{' '}
                  <span className="muted">
                    {[
                      t(`author.typeName.${i.type}`),
                      t('author.versionShort', { version: i.version }),
                    ].join(t('common.join'))}
                  </span>
                </span>
                <StatusChip status={i.status} />
              </li>
            ))}
          </ul>
        )
      }
    </Section>
  );
}

function Templates({ onDraft, onProblem, tabId }: Actions & { tabId: number | undefined }) {
  const t = useT();
  const [templates] = useBackground('bg:author-templates', {}, 'templates');
  const start = async (templateId: string) => {
    const result = await callBackground('bg:draft-new', {
      templateId,
      ...(tabId === undefined ? {} : { tabId }),
    });
    if (result.ok) onDraft(result.value.key);
    else onProblem(result.problem);
  };
  return (
    <Section id="new" title={t('author.templates')} value={templates}>
      {(list) => (
        <ul className="author-list">
          {[...list]
            .sort((a, b) => TYPE_ORDER.indexOf(a.item_type) - TYPE_ORDER.indexOf(b.item_type))
            .map((template) => (
              <li key={template.id}>
                <span>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => void start(template.id)}
                  >
                    {template.name}
                  </button>
                  <br />
                  <span className="muted">
                    {[t(`author.typeName.${template.item_type}`), template.description].join(
                      t('common.join'),
                    )}
                  </span>
                </span>
              </li>
            ))}
        </ul>
      )}
    </Section>
  );
}
