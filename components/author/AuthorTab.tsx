import { useState } from 'react';
import { useT } from '../I18nProvider';
import { AuditView } from './AuditView';
import { AuthorHome } from './AuthorHome';
import './author.css';
import { DraftEditor } from './DraftEditor';
import { ItemDetail } from './ItemDetail';
import { ScreenInsights } from './InsightsPanel';

type View =
  | { kind: 'home' }
  | { kind: 'draft'; key: string; repick?: string }
  | { kind: 'item'; id: string; notice?: string }
  | { kind: 'audit' }
  | { kind: 'insights' };

/**
 * The Author tab (authors, reviewers, admins): start from a template, drafts on this device,
 * the review queue, what needs verifying, and the author's own items.
 */
export function AuthorTab(props: {
  me: { email: string; role: string };
  tabId: number | undefined;
}) {
  const t = useT();
  const [view, setView] = useState<View>({ kind: 'home' });
  const home = () => setView({ kind: 'home' });
  if (view.kind !== 'home')
    return (
      <>
        <button type="button" className="back" onClick={home}>
          {t('author.back')}
        </button>
        {view.kind === 'audit' ? (
          <AuditView />
        ) : view.kind === 'insights' ? (
          <ScreenInsights tabId={props.tabId} />
        ) : view.kind === 'draft' ? (
          <DraftEditor
            key={view.key}
            draftKey={view.key}
            tabId={props.tabId}
            {...(view.repick === undefined ? {} : { repick: view.repick })}
            onDone={(itemId, notice) =>
              setView(
                itemId
                  ? { kind: 'item', id: itemId, ...(notice === undefined ? {} : { notice }) }
                  : { kind: 'home' },
              )
            }
          />
        ) : (
          <ItemDetail
            key={view.id}
            id={view.id}
            {...(view.notice === undefined ? {} : { notice: view.notice })}
            me={props.me}
            tabId={props.tabId}
            onEdit={(key) => setView({ kind: 'draft', key })}
          />
        )}
      </>
    );
  return (
    <AuthorHome
      {...props}
      onDraft={(key, repick) =>
        setView({ kind: 'draft', key, ...(repick === undefined ? {} : { repick }) })
      }
      onItem={(id) => setView({ kind: 'item', id })}
      onAudit={() => setView({ kind: 'audit' })}
      onInsights={() => setView({ kind: 'insights' })}
    />
  );
}
