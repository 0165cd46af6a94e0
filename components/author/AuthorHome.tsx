import { useState } from 'react';
import { callBackground, useBackground } from '@/hooks/use-background';
import type { Template } from '@/lib/content-model';
import type { AuthorResult } from '@/lib/messages';
import { AsyncView } from '../AsyncView';
import { StatusChip } from './ItemDetail';

const TYPE_ORDER = ['tip', 'article', 'lesson', 'path'] as const;

function Problem({ result }: { result: AuthorResult<unknown> }) {
  return result.ok ? null : (
    <p className="notice" data-kind="error" role="alert">
      {result.problem}
    </p>
  );
}

/** The Author tab's start: the work waiting for this person, then templates to start from. */
export function AuthorHome(props: {
  me: { email: string; role: string };
  tabId: number | undefined;
  onDraft: (key: string) => void;
  onItem: (id: string) => void;
  onAudit: () => void;
}) {
  const reviewer = props.me.role === 'reviewer' || props.me.role === 'admin';
  const [templates] = useBackground('bg:author-templates', {}, 'templates');
  const [drafts, reloadDrafts] = useBackground('bg:draft-list', {}, 'drafts');
  const [review] = useBackground(
    'bg:author-items',
    reviewer ? { status: 'in_review' } : undefined,
    'review',
  );
  const [queue, reloadQueue] = useBackground('bg:author-queue', {}, 'queue');
  const [mine] = useBackground('bg:author-items', { mine: true }, 'mine');
  const [problem, setProblem] = useState<string | undefined>();

  const start = async (templateId: string) => {
    const result = await callBackground('bg:draft-new', {
      templateId,
      ...(props.tabId === undefined ? {} : { tabId: props.tabId }),
    });
    if (result.ok) props.onDraft(result.value.key);
    else setProblem(result.problem);
  };
  const verify = async (id: string) => {
    const detail = await callBackground('bg:author-item', { id });
    const result = detail.ok
      ? await callBackground('bg:author-step', {
          id,
          action: 'verify',
          version: detail.value.item.version,
        })
      : detail;
    if (!result.ok) setProblem(result.problem);
    reloadQueue();
  };

  return (
    <div className="author">
      <p className="muted">
        Signed in as {props.me.email} ({props.me.role}).
        {props.me.role === 'admin' && (
          <>
            {' '}
            <button type="button" className="link-button" onClick={props.onAudit}>
              Audit log
            </button>
          </>
        )}
      </p>
      {problem && (
        <p className="notice" data-kind="error" role="alert">
          {problem}
        </p>
      )}
      <section className="author-section" aria-labelledby="drafts-heading">
        <h2 id="drafts-heading">Drafts on this device</h2>
        <AsyncView value={drafts} loading="Loading drafts…">
          {(list) =>
            list.length === 0 ? (
              <p className="muted">No drafts. Start one from a template.</p>
            ) : (
              <ul className="author-list">
                {list.map((d) => (
                  <li key={d.key}>
                    <span>
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => props.onDraft(d.key)}
                      >
                        {d.title}
                      </button>{' '}
                      <span className="muted">
                        {d.type} · edited {d.updatedAt.slice(0, 16).replace('T', ' ')}
                        {d.sentAt ? ' · sent' : ' · not sent yet'}
                      </span>
                    </span>
                    <button
                      type="button"
                      className="button"
                      aria-label={`Discard draft ${d.title}`}
                      onClick={() => {
                        if (
                          window.confirm(
                            `Discard "${d.title}"? Text not sent to the server is lost.`,
                          )
                        )
                          void callBackground('bg:draft-delete', { key: d.key }).then(reloadDrafts);
                      }}
                    >
                      Discard
                    </button>
                  </li>
                ))}
              </ul>
            )
          }
        </AsyncView>
      </section>
      {reviewer && (
        <section className="author-section" aria-labelledby="review-heading">
          <h2 id="review-heading">Waiting for review</h2>
          <AsyncView value={review} loading="Loading the review queue…">
            {(result) =>
              !result.ok ? (
                <Problem result={result} />
              ) : result.value.length === 0 ? (
                <p className="muted">Nothing is waiting for review.</p>
              ) : (
                <ul className="author-list">
                  {result.value.map((i) => (
                    <li key={i.id}>
                      <span>
                        <button
                          type="button"
                          className="link-button"
                          onClick={() => props.onItem(i.id)}
                        >
                          {i.title}
                        </button>{' '}
                        <span className="muted">
                          {i.type} · {i.owner}
                        </span>
                      </span>
                    </li>
                  ))}
                </ul>
              )
            }
          </AsyncView>
        </section>
      )}
      <section className="author-section" aria-labelledby="verify-heading">
        <h2 id="verify-heading">Needs verification</h2>
        <AsyncView value={queue} loading="Loading…">
          {(result) =>
            !result.ok ? (
              <Problem result={result} />
            ) : result.value.overdue.length + result.value.broken_anchors.length === 0 ? (
              <p className="muted">Everything you own is verified and every anchor resolves.</p>
            ) : (
              <ul className="author-list">
                {result.value.overdue.map((i) => (
                  <li key={`o-${i.id}`}>
                    <span>
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => props.onItem(i.id)}
                      >
                        {i.title}
                      </button>{' '}
                      <span className="muted">verify by {i.verify_by} (past)</span>
                    </span>
                    <button type="button" className="button" onClick={() => void verify(i.id)}>
                      Still true: verify
                    </button>
                  </li>
                ))}
                {result.value.broken_anchors.map((b) => (
                  <li key={`b-${b.id}-${b.app}-${b.screen}`}>
                    <span>
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => props.onItem(b.id)}
                      >
                        {b.title}
                      </button>{' '}
                      <span className="muted">
                        element not found {b.count}× on {b.app}:{b.screen} (last{' '}
                        {b.last_reported_at.slice(0, 10)})
                      </span>
                    </span>
                  </li>
                ))}
              </ul>
            )
          }
        </AsyncView>
      </section>
      <section className="author-section" aria-labelledby="mine-heading">
        <h2 id="mine-heading">Your items</h2>
        <AsyncView value={mine} loading="Loading…">
          {(result) =>
            !result.ok ? (
              <Problem result={result} />
            ) : result.value.length === 0 ? (
              <p className="muted">You own no items yet.</p>
            ) : (
              <ul className="author-list">
                {result.value.map((i) => (
                  <li key={i.id}>
                    <span>
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => props.onItem(i.id)}
                      >
                        {i.title}
                      </button>{' '}
                      <span className="muted">
                        {i.type} · v{i.version}
                      </span>
                    </span>
                    <StatusChip status={i.status} />
                  </li>
                ))}
              </ul>
            )
          }
        </AsyncView>
      </section>
      <section className="author-section" aria-labelledby="new-heading">
        <h2 id="new-heading">Start from a template</h2>
        <AsyncView value={templates} loading="Loading templates…">
          {(result) =>
            result.ok ? (
              <ul className="author-list">
                {[...result.value]
                  .sort(
                    (a: Template, b: Template) =>
                      TYPE_ORDER.indexOf(a.item_type) - TYPE_ORDER.indexOf(b.item_type),
                  )
                  .map((t) => (
                    <li key={t.id}>
                      <span>
                        <button
                          type="button"
                          className="link-button"
                          onClick={() => void start(t.id)}
                        >
                          {t.name}
                        </button>
                        <br />
                        <span className="muted">
                          {t.item_type} · {t.description}
                        </span>
                      </span>
                    </li>
                  ))}
              </ul>
            ) : (
              <Problem result={result} />
            )
          }
        </AsyncView>
      </section>
    </div>
  );
}
