import { useState } from 'react';
import { useBackground } from '@/hooks/use-background';
import { auditActions, type AuditAction } from '@/lib/content-model/audit';
import type { AuditEntry } from '@/lib/content-model/audit';
import type { AuditQuery } from '@/lib/messages';
import { AsyncView } from '../AsyncView';

const ACTION_NAMES: Record<AuditAction, string> = {
  create: 'created',
  edit: 'edited',
  submit: 'submitted for review',
  approve: 'approved',
  request_changes: 'asked for changes to',
  publish: 'published',
  archive: 'archived',
  verify: 'verified',
  rollback: 'rolled back',
  role_change: 'changed a role',
  template: 'changed a template',
  insights: 'changed insights (a setting, a gap, a helpdesk import)',
};

/** The audit log for admins: who did what to which item and when, filtered on the server. */
export function AuditView() {
  const [draft, setDraft] = useState<AuditQuery>({});
  const [query, setQuery] = useState<AuditQuery>({});
  const [older, setOlder] = useState<AuditEntry[]>([]);
  const [page] = useBackground('bg:author-audit', query, JSON.stringify(query));
  const set = (key: keyof AuditQuery, value: string) =>
    setDraft((q) => {
      const next = { ...q };
      if (value.trim() === '') delete next[key];
      else (next as Record<string, string>)[key] = value.trim();
      return next;
    });

  return (
    <section className="author editor" aria-label="Audit log">
      <h1>Audit log</h1>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setOlder([]);
          setQuery({ ...draft });
        }}
      >
        <div className="audit-filters">
          <label>
            Item{' '}
            <input
              type="text"
              value={draft.item ?? ''}
              onChange={(e) => set('item', e.target.value)}
            />
          </label>
          <label>
            Who{' '}
            <input
              type="text"
              value={draft.actor ?? ''}
              onChange={(e) => set('actor', e.target.value)}
            />
          </label>
          <label>
            Action{' '}
            <select value={draft.action ?? ''} onChange={(e) => set('action', e.target.value)}>
              <option value="">any</option>
              {auditActions.map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </select>
          </label>
          <label>
            Since{' '}
            <input
              type="date"
              value={draft.since ?? ''}
              onChange={(e) => set('since', e.target.value)}
            />
          </label>
        </div>
        <button type="submit" className="button primary" style={{ marginTop: 8 }}>
          Filter
        </button>
      </form>
      <AsyncView value={page} loading="Reading the log…">
        {(result) =>
          !result.ok ? (
            <p className="notice" data-kind="error" role="alert">
              {result.problem}
            </p>
          ) : (
            <>
              <ul className="author-list" aria-label="Audit entries">
                {[...older, ...result.value.entries].map((e) => (
                  <li key={e.id}>
                    <span>
                      <strong>{e.actor}</strong> {ACTION_NAMES[e.action]}{' '}
                      {e.item !== null && <code>{e.item}</code>}
                      {e.version !== null && ` v${e.version}`}
                      {e.comment && <span className="muted"> — “{e.comment}”</span>}
                      <br />
                      <span className="muted">{e.at.slice(0, 19).replace('T', ' ')} UTC</span>
                    </span>
                  </li>
                ))}
              </ul>
              {result.value.entries.length === 0 && older.length === 0 && (
                <p className="muted">No entries match.</p>
              )}
              {result.value.next !== null && (
                <button
                  type="button"
                  className="button"
                  onClick={() => {
                    setOlder((o) => [...o, ...result.value.entries]);
                    setQuery((q) => ({ ...q, before: result.value.next ?? undefined }));
                  }}
                >
                  Older entries
                </button>
              )}
            </>
          )
        }
      </AsyncView>
    </section>
  );
}
