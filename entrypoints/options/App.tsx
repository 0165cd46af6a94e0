import { useState, type FormEvent } from 'react';
import { AsyncView } from '@/components/AsyncView';
import { ServerAppsAccess } from '@/components/ServerAppsAccess';
import { StatusLine } from '@/components/StatusLine';
import { callBackground, useBackground } from '@/hooks/use-background';
import { requestAppAccess, requestServerAccess } from '@/hooks/use-host-permission';
import { useStatus } from '@/hooks/use-status';
import type { AccountView, ConnectResult } from '@/lib/messages';
import { ReplaceAccount } from './ReplaceAccount';
import { WhatWaymarkSends } from './WhatWaymarkSends';

/** Endpoint and token, "Test connection", who the server says you are, sync status, sign out. */
export function App() {
  const [account, reload] = useBackground('bg:account', {}, 'account');
  const status = useStatus();
  return (
    <main className="options">
      <h1 className="brand">Waymark</h1>
      <p className="muted">
        Waymark works offline from its built-in starter pack. Connect it to your organisation’s
        content server to get your team’s knowledge.
      </p>
      <StatusLine status={status} place="banner" />
      <AsyncView value={account} loading="Loading your account…">
        {(value) => <Account account={value} onChange={reload} />}
      </AsyncView>
      <WhatWaymarkSends
        refreshKey={
          account.state === 'ready'
            ? `${account.value.serverUrl}|${account.value.sync.lastSyncAt}`
            : ''
        }
      />
    </main>
  );
}

/** The sync line in words: the last good sync stays; "Syncing…" while one runs. */
function syncLine(account: AccountView): string {
  const { sync } = account;
  const last = sync.lastSyncAt
    ? `Last synced ${new Date(sync.lastSyncAt).toLocaleString()} · ${sync.items} items`
    : `${sync.items} items from the starter pack`;
  return sync.running ? `${last} · Syncing…` : last;
}

function Account({ account, onChange }: { account: AccountView; onChange: () => void }) {
  const managedUrl = account.managed.serverUrl;
  const [serverUrl, setServerUrl] = useState(managedUrl ?? account.serverUrl ?? '');
  const [token, setToken] = useState('');
  const [result, setResult] = useState<ConnectResult>();
  const [busy, setBusy] = useState(false);

  const connect = async (previous?: 'keep' | 'discard') => {
    setBusy(true);
    // Asked first, inside the click: the browser only shows its prompt for a user gesture.
    const granted = await requestServerAccess(serverUrl);
    const outcome: ConnectResult = granted
      ? await callBackground('bg:connect', {
          serverUrl,
          token,
          ...(previous === undefined ? {} : { previous }),
        })
      : {
          ok: false,
          message:
            'Waymark needs your permission to reach this server. Try again and choose “Allow”.',
          account,
        };
    setResult(outcome);
    setBusy(false);
    if (outcome.ok) setToken('');
    onChange();
  };
  const act = (type: 'bg:sync-now' | 'bg:sign-out') => async () => {
    setBusy(true);
    await callBackground(type, {});
    setBusy(false);
    setResult(undefined);
    onChange();
  };

  return (
    <>
      <form
        className="connect"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void connect();
        }}
      >
        <label>
          Content server
          <input
            type="url"
            required
            value={serverUrl}
            readOnly={managedUrl !== undefined}
            onChange={(e) => setServerUrl(e.target.value)}
            placeholder="https://waymark.example.com"
          />
        </label>
        {managedUrl !== undefined && <p className="muted">Set by your organisation.</p>}
        <label>
          Sign-in token
          <input
            type="password"
            autoComplete="off"
            required={!account.signedIn}
            value={token}
            onChange={(e) => setToken(e.target.value)}
            placeholder={account.signedIn ? 'Saved — paste a new one to replace it' : 'wmk_…'}
          />
        </label>
        <button type="submit" className="primary" disabled={busy}>
          Test connection and save
        </button>
        {result?.replaces !== undefined ? (
          <ReplaceAccount
            replaces={result.replaces}
            busy={busy}
            onChoose={(choice) => void connect(choice)}
            onCancel={() => setResult(undefined)}
          />
        ) : (
          result && (
            <p className={result.ok ? 'feedback right' : 'feedback wrong'} role="status">
              {result.message}
            </p>
          )
        )}
      </form>
      <section className="account" aria-label="Account">
        {account.me ? (
          <p>
            Signed in as <strong>{account.me.email}</strong> — role{' '}
            <strong>{account.me.role}</strong>
            {account.me.team ? (
              <>
                , team <strong>{account.me.team}</strong>
              </>
            ) : null}
            .
          </p>
        ) : (
          <p className="muted">Not signed in: you see the built-in starter pack.</p>
        )}
        {account.managed.team !== undefined && (
          <p className="muted">Team set by your organisation: {account.managed.team}.</p>
        )}
        <p role="status" className="muted">
          {syncLine(account)}
        </p>
        <label className="interval">
          Sync every{' '}
          <select
            value={account.sync.intervalMinutes}
            disabled={account.sync.intervalManaged || busy}
            onChange={(e) =>
              void callBackground('bg:sync-interval', { minutes: Number(e.target.value) }).then(
                onChange,
              )
            }
          >
            {[...new Set([5, 15, 30, 60, 240, 1440, account.sync.intervalMinutes])]
              .sort((a, b) => a - b)
              .map((m) => (
                <option key={m} value={m}>
                  {m < 60 ? `${m} minutes` : m === 60 ? 'hour' : `${m / 60} hours`}
                </option>
              ))}
          </select>
          {account.sync.intervalManaged ? ' (set by your organisation)' : ''}
        </label>
        {account.signedIn && (
          <div className="nav">
            <button type="button" disabled={busy} onClick={() => void act('bg:sync-now')()}>
              Sync now
            </button>
            <button type="button" disabled={busy} onClick={() => void act('bg:sign-out')()}>
              Sign out
            </button>
          </div>
        )}
      </section>
      <ServerAppsAccess
        apps={account.pendingApps}
        onAllow={async (app) => {
          const granted = await requestAppAccess(app.origins);
          onChange();
          return granted;
        }}
      />
    </>
  );
}
