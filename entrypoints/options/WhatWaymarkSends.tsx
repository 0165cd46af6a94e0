import { useState } from 'react';
import { AsyncView } from '@/components/AsyncView';
import { callBackground, useBackground } from '@/hooks/use-background';
import { requestDataConsent } from '@/hooks/use-data-consent';
import type { AnalyticsLevel } from '@/lib/insights';
import type { InsightsView } from '@/lib/messages';

const LEVELS: Record<AnalyticsLevel, string> = {
  off: 'Off — nothing is recorded or sent',
  aggregate: 'Anonymous usage',
  learning: 'Anonymous usage, and your lesson and path results under your name',
  impact: 'Anonymous usage, your learning results, and hashed record ids for the helpdesk study',
};

/**
 * "What Waymark sends": the level in force, the user's switch, and the last request as sent.
 * `refreshKey` changes when the account does (connecting changes what is sent).
 */
export function WhatWaymarkSends({ refreshKey }: { refreshKey: string }) {
  const [view, reload] = useBackground('bg:insights-view', {}, `insights|${refreshKey}`);
  return (
    <section className="account sends" aria-labelledby="sends-title">
      <h2 id="sends-title">What Waymark sends</h2>
      <AsyncView value={view} loading="Loading…">
        {(value) => <Sends view={value} onChange={reload} />}
      </AsyncView>
    </section>
  );
}

function Sends({ view, onChange }: { view: InsightsView; onChange: () => void }) {
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
        Level: <strong>{LEVELS[view.level]}</strong>
        {view.levelManaged ? ' (set by your organisation).' : ' (the default).'}
      </p>
      {!view.connected && (
        <p className="muted">Not connected to a content server: nothing is recorded or sent.</p>
      )}
      {view.connected && view.sends.length === 0 && <p>Nothing is sent.</p>}
      {view.connected && view.sends.length > 0 && (
        <ul aria-label="Sent to your organisation’s server">
          {view.sends.map((what) => (
            <li key={what}>{what}</li>
          ))}
        </ul>
      )}
      <p className="muted">
        Never sent: page content, field values, addresses of pages, ticket or customer text. Your
        search words only when a search found nothing or you opened nothing, with numbers, e-mail
        addresses, links and ids taken out first. Details: docs/privacy.md.
      </p>
      <label className="interval">
        <input
          type="checkbox"
          checked={view.usageEvents.enabled || !view.usageEvents.canOptOut}
          disabled={busy || !view.usageEvents.canOptOut}
          onChange={(e) => void toggle(e.target.checked)}
        />{' '}
        Send anonymous usage events
        {view.usageEvents.canOptOut ? '' : ' (required by your organisation)'}
      </label>
      <p className="muted" role="status">
        {view.queued === 1
          ? '1 event waiting to be sent.'
          : `${view.queued} events waiting to be sent.`}
      </p>
      {view.lastBatch ? (
        <details>
          <summary>
            Last request: {new Date(view.lastBatch.at).toLocaleString()} — {view.lastBatch.outcome}
          </summary>
          <p className="muted">
            POST {view.lastBatch.url}, exactly this body ({view.lastBatch.body.length} bytes, laid
            out for reading):
          </p>
          <pre className="sent-body">{readable(view.lastBatch.body)}</pre>
        </details>
      ) : (
        <p className="muted">Nothing has been sent yet.</p>
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
