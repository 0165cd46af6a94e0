import { useState } from 'react';
import { AsyncView } from '@/components/AsyncView';
import { useI18n, useT } from '@/components/I18nProvider';
import { callBackground, useBackground } from '@/hooks/use-background';
import { requestDataConsent } from '@/hooks/use-data-consent';
import type { InsightsView } from '@/lib/messages';

/**
 * "What Waymark sends": the level in force, the user's switch, and the last request as sent.
 * `refreshKey` changes when the account does (connecting changes what is sent).
 */
export function WhatWaymarkSends({ refreshKey }: { refreshKey: string }) {
  const t = useT();
  const [view, reload] = useBackground('bg:insights-view', {}, `insights|${refreshKey}`);
  return (
    <section className="account sends" aria-labelledby="sends-title">
      <h2 id="sends-title">{t('sends.title')}</h2>
      <AsyncView value={view} loading={t('common.loading')}>
        {(value) => <Sends view={value} onChange={reload} />}
      </AsyncView>
    </section>
  );
}

function Sends({ view, onChange }: { view: InsightsView; onChange: () => void }) {
  const { t, locale } = useI18n();
  const [busy, setBusy] = useState(false);
  const toggle = async (enabled: boolean) => {
    setBusy(true);
    // Asked inside the click: Firefox's consent prompt needs the user's gesture.
    const allowed = enabled ? await requestDataConsent() : true;
    if (allowed) await callBackground('bg:usage-events', { enabled });
    setBusy(false);
    onChange();
  };
  return (
    <>
      <p>
        {t('sends.level', { level: t(`sends.level.${view.level}`) })}
        {view.levelManaged ? t('sends.byOrg') : t('sends.default')}
      </p>
      {!view.connected && <p className="muted">{t('sends.notConnected')}</p>}
      {view.connected && view.sends.length === 0 && <p>{t('sends.nothing')}</p>}
      {view.connected && view.sends.length > 0 && (
        <ul aria-label={t('sends.list')}>
          {view.sends.map((what) => (
            <li key={what}>{what}</li>
          ))}
        </ul>
      )}
      <p className="muted">{t('sends.never')}</p>
      <label className="interval">
        <input
          type="checkbox"
          checked={view.usageEvents.enabled || !view.usageEvents.canOptOut}
          disabled={busy || !view.usageEvents.canOptOut}
          onChange={(e) => void toggle(e.target.checked)}
        />{' '}
        {t('sends.usage')}
        {view.usageEvents.canOptOut ? '' : t('sends.required')}
      </label>
      <p className="muted" role="status">
        {t('sends.queued', { count: view.queued })}
      </p>
      {view.lastBatch ? (
        <details>
          <summary>
            {t('sends.last', {
              at: new Date(view.lastBatch.at).toLocaleString(locale),
              outcome: view.lastBatch.outcome,
            })}
          </summary>
          <p className="muted">
            {t('sends.body', { url: view.lastBatch.url, count: view.lastBatch.body.length })}
          </p>
          <pre className="sent-body">{readable(view.lastBatch.body)}</pre>
        </details>
      ) : (
        <p className="muted">{t('sends.none')}</p>
      )}
    </>
  );
}

/** The body laid out with line breaks; a body that is not JSON is shown as it is. */
function readable(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}
