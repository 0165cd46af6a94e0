import { useState } from 'react';
import type { AccountView } from '@/lib/messages';
import { useT } from './I18nProvider';

type PendingApp = AccountView['pendingApps'][number];

const hostOf = (origin: string) => origin.replace(/^https:\/\//, '').replace(/\/\*$/, '');

/**
 * Apps an admin added on the server run only where the user allows them: one host-permission grant
 * per app, asked for from this click (browsers show their prompt only for a user's action).
 */
export function ServerAppsAccess({
  apps,
  onAllow,
}: {
  apps: PendingApp[];
  /** Must call the browser's permission request before anything is awaited. */
  onAllow: (app: PendingApp) => Promise<boolean>;
}) {
  const t = useT();
  const [refused, setRefused] = useState<string>();
  if (apps.length === 0) return null;
  return (
    <section className="server-apps" aria-labelledby="server-apps-title">
      <h2 id="server-apps-title">{t('options.serverApps')}</h2>
      <p className="muted">{t('options.serverAppsIntro')}</p>
      <ul>
        {apps.map((app) => (
          <li key={app.id}>
            <span>
              <strong>{app.name}</strong>{' '}
              <span className="muted">{app.origins.map(hostOf).join(', ')}</span>
            </span>
            <button
              type="button"
              onClick={() =>
                void onAllow(app).then((granted) => setRefused(granted ? undefined : app.name))
              }
            >
              {t('options.allowOn', { app: app.name })}
            </button>
          </li>
        ))}
      </ul>
      {refused !== undefined && (
        <p className="feedback wrong" role="status">
          {t('options.stillRefused', { app: refused })}
        </p>
      )}
    </section>
  );
}
