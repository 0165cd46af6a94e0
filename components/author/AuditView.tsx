import { useState } from 'react';
import { useBackground } from '@/hooks/use-background';
import { auditActions } from '@/lib/content-model/audit';
import type { AuditEntry } from '@/lib/content-model/audit';
import type { AuditQuery } from '@/lib/messages';
import { AsyncView } from '../AsyncView';
import { useT } from '../I18nProvider';

/** The audit log for admins: who did what to which item and when, filtered on the server. */
export function AuditView() {
  const t = useT();
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
    <section className="author editor" aria-label={t('audit.title')}>
      <h1>{t('audit.title')}</h1>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setOlder([]);
          setQuery({ ...draft });
        }}
      >
        <div className="audit-filters">
          <label>
            {t('audit.item')}{' '}
            <input
              type="text"
              value={draft.item ?? ''}
              onChange={(e) => set('item', e.target.value)}
            />
          </label>
          <label>
            {t('audit.who')}{' '}
            <input
              type="text"
              value={draft.actor ?? ''}
              onChange={(e) => set('actor', e.target.value)}
            />
          </label>
          <label>
            {t('audit.action')}{' '}
            <select value={draft.action ?? ''} onChange={(e) => set('action', e.target.value)}>
              <option value="">{t('audit.any')}</option>
              {auditActions.map((a) => (
                <option key={a} value={a}>
                  {t(`audit.kind.${a}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('audit.since')}{' '}
            <input
              type="date"
              value={draft.since ?? ''}
              onChange={(e) => set('since', e.target.value)}
            />
          </label>
        </div>
        <button type="submit" className="button primary" style={{ marginTop: 8 }}>
          {t('audit.filter')}
        </button>
      </form>
      <AsyncView value={page} loading={t('audit.reading')}>
        {(result) =>
          !result.ok ? (
            <p className="notice" data-kind="error" role="alert">
              {result.problem}
            </p>
          ) : (
            <>
              <ul className="author-list" aria-label={t('audit.entries')}>
                {[...older, ...result.value.entries].map((e) => (
                  <li key={e.id}>
                    <span>
                      <strong>{e.actor}</strong> {t(`audit.did.${e.action}`)}{' '}
                      {e.item !== null && <code>{e.item}</code>}
                      {e.version !== null && ` ${t('author.versionShort', { version: e.version })}`}
                      {e.comment && <span className="muted"> — “{e.comment}”</span>}
                      <br />
                      <span className="muted">
                        {t('audit.utc', { at: e.at.slice(0, 19).replace('T', ' ') })}
                      </span>
                    </span>
                  </li>
                ))}
              </ul>
              {result.value.entries.length === 0 && older.length === 0 && (
                <p className="muted">{t('audit.none')}</p>
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
                  {t('audit.older')}
                </button>
              )}
            </>
          )
        }
      </AsyncView>
    </section>
  );
}
