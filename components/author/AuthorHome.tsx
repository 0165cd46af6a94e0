import { useState, type ReactNode } from 'react';
import { callBackground, useBackground, type Async } from '@/hooks/use-background';
import type { AuthorResult, DraftSummary } from '@/lib/messages';
import { AsyncView } from '../AsyncView';
import { StatusChip } from './ItemDetail';

const TYPE_ORDER = ['tip', 'article', 'lesson', 'path', 'announcement'] as const;

interface Actions {
  /** Opens a draft; `repick` says why a tip's element must be picked again. */
  onDraft: (key: string, repick?: string) => void;
  onItem: (id: string) => void;
  onProblem: (problem: string) => void;
}

/** The Author tab's start: the work waiting for this person, then templates to start from. */
export function AuthorHome(props: {
  me: { email: string; role: string };
  tabId: number | undefined;
  onDraft: (key: string, repick?: string) => void;
  onItem: (id: string) => void;
  onAudit: () => void;
  onInsights: () => void;
}) {
  const [problem, setProblem] = useState<string | undefined>();
  const actions: Actions = { onDraft: props.onDraft, onItem: props.onItem, onProblem: setProblem };
  const reviewer = props.me.role === 'reviewer' || props.me.role === 'admin';
  return (
    <div className="author">
      <p className="muted">
        Signed in as {props.me.email} ({props.me.role}).{' '}
        <button type="button" className="link-button" onClick={props.onInsights}>
          Insights for this screen
        </button>
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
      <Drafts {...actions} />
      {reviewer && <ReviewQueue {...actions} />}
      <NeedsVerification {...actions} tabId={props.tabId} />
      <MyItems {...actions} />
      <Templates {...actions} tabId={props.tabId} />
    </div>
  );
}

/** A titled section over a server answer: loading, the server's problem in words, or the list. */
function Section<T>(props: {
  id: string;
  title: string;
  value: Async<AuthorResult<T>>;
  children: (value: T) => ReactNode;
}) {
  return (
    <section className="author-section" aria-labelledby={`${props.id}-heading`}>
      <h2 id={`${props.id}-heading`}>{props.title}</h2>
      <AsyncView value={props.value} loading="Loading…">
        {(result) =>
          result.ok ? (
            props.children(result.value)
          ) : (
            <p className="notice" data-kind="error" role="alert">
              {result.problem}
            </p>
          )
        }
      </AsyncView>
    </section>
  );
}

function ItemLink({ id, title, onItem }: { id: string; title: string; onItem: Actions['onItem'] }) {
  return (
    <button type="button" className="link-button" onClick={() => onItem(id)}>
      {title}
    </button>
  );
}

function Drafts({ onDraft }: Actions) {
  const [drafts, reload] = useBackground('bg:draft-list', {}, 'drafts');
  // Drafts are local (no server answer to fail): shown through the same section.
  const value: Async<AuthorResult<DraftSummary[]>> =
    drafts.state === 'ready'
      ? { state: 'ready', value: { ok: true, value: drafts.value } }
      : drafts;
  const discard = (key: string, title: string) => {
    if (window.confirm(`Discard "${title}"? Text not sent to the server is lost.`))
      void callBackground('bg:draft-delete', { key }).then(reload);
  };
  return (
    <Section id="drafts" title="Drafts on this device" value={value}>
      {(list) =>
        list.length === 0 ? (
          <p className="muted">No drafts. Start one from a template.</p>
        ) : (
          <ul className="author-list">
            {list.map((d) => (
              <li key={d.key}>
                <span>
                  <button type="button" className="link-button" onClick={() => onDraft(d.key)}>
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
                  onClick={() => discard(d.key, d.title)}
                >
                  Discard
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
  const [review] = useBackground('bg:author-items', { status: 'in_review' }, 'review');
  return (
    <Section id="review" title="Waiting for review" value={review}>
      {(items) =>
        items.length === 0 ? (
          <p className="muted">Nothing is waiting for review.</p>
        ) : (
          <ul className="author-list">
            {items.map((i) => (
              <li key={i.id}>
                <span>
                  <ItemLink id={i.id} title={i.title} onItem={onItem} />{' '}
                  <span className="muted">
                    {i.type} · {i.owner}
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

function NeedsVerification({
  onItem,
  onProblem,
  onDraft,
  tabId,
}: Actions & { tabId: number | undefined }) {
  const [queue, reload] = useBackground('bg:author-queue', {}, 'queue');
  /** A draft of the tip, opened with the failure stated and the picker one click away. */
  const repick = async (id: string, failure: string) => {
    const draft = await callBackground('bg:draft-new', {
      itemId: id,
      ...(tabId === undefined ? {} : { tabId }),
    });
    if (draft.ok) onDraft(draft.value.key, failure);
    else onProblem(draft.problem);
  };
  // One click, on the version the queue listed (a newer one is a conflict in words).
  const verify = async (id: string, version: number) => {
    const result = await callBackground('bg:author-step', { id, action: 'verify', version });
    if (!result.ok) onProblem(result.problem);
    reload();
  };
  return (
    <Section id="verify" title="Needs verification" value={queue}>
      {({ overdue, broken_anchors: broken }) =>
        overdue.length + broken.length === 0 ? (
          <p className="muted">Everything you own is verified and every anchor resolves.</p>
        ) : (
          <ul className="author-list">
            {overdue.map((i) => (
              <li key={`o-${i.id}`}>
                <span>
                  <ItemLink id={i.id} title={i.title} onItem={onItem} />{' '}
                  <span className="muted">verify by {i.verify_by} (past)</span>
                </span>
                <button
                  type="button"
                  className="button"
                  onClick={() => void verify(i.id, i.version)}
                >
                  Still true: verify
                </button>
              </li>
            ))}
            {broken.map((b) => {
              const failure = `Learners' pages did not find this tip's element ${b.count}× on ${b.app}:${b.screen} (last ${b.last_reported_at.slice(0, 10)}): the screen changed. Open it and pick the element again.`;
              return (
                <li key={`b-${b.id}-${b.app}-${b.screen}`}>
                  <span>
                    <ItemLink id={b.id} title={b.title} onItem={onItem} />{' '}
                    <span className="muted">
                      element not found {b.count}× on {b.app}:{b.screen} (last{' '}
                      {b.last_reported_at.slice(0, 10)})
                    </span>
                  </span>
                  <button
                    type="button"
                    className="button"
                    onClick={() => void repick(b.id, failure)}
                  >
                    Re-pick element
                  </button>
                </li>
              );
            })}
          </ul>
        )
      }
    </Section>
  );
}

function MyItems({ onItem }: Actions) {
  const [mine] = useBackground('bg:author-items', { mine: true }, 'mine');
  return (
    <Section id="mine" title="Your items" value={mine}>
      {(items) =>
        items.length === 0 ? (
          <p className="muted">You own no items yet.</p>
        ) : (
          <ul className="author-list">
            {items.map((i) => (
              <li key={i.id}>
                <span>
                  <ItemLink id={i.id} title={i.title} onItem={onItem} />{' '}
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
    </Section>
  );
}

function Templates({ onDraft, onProblem, tabId }: Actions & { tabId: number | undefined }) {
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
    <Section id="new" title="Start from a template" value={templates}>
      {(list) => (
        <ul className="author-list">
          {[...list]
            .sort((a, b) => TYPE_ORDER.indexOf(a.item_type) - TYPE_ORDER.indexOf(b.item_type))
            .map((t) => (
              <li key={t.id}>
                <span>
                  <button type="button" className="link-button" onClick={() => void start(t.id)}>
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
      )}
    </Section>
  );
}
