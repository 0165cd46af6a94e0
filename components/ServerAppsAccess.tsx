import { useState } from 'react';
import type { AccountView } from '@/lib/messages';

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
  const [refused, setRefused] = useState<string>();
  if (apps.length === 0) return null;
  return (
    <section className="server-apps" aria-labelledby="server-apps-title">
      <h2 id="server-apps-title">Apps from your server</h2>
      <p className="muted">
        Your organisation added these apps. Allow Waymark on the ones you use; it stays off the
        others.
      </p>
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
              Allow on {app.name}
            </button>
          </li>
        ))}
      </ul>
      {refused !== undefined && (
        <p className="feedback wrong" role="status">
          Waymark still may not run on {refused}. Try again and choose “Allow”.
        </p>
      )}
    </section>
  );
}
