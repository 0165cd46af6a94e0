import { useState, type FormEvent } from 'react';
import { AsyncView } from '@/components/AsyncView';
import { useI18n, useT } from '@/components/I18nProvider';
import { ServerAppsAccess } from '@/components/ServerAppsAccess';
import { StatusLine } from '@/components/StatusLine';
import { callBackground, useBackground } from '@/hooks/use-background';
import { requestAppAccess, requestServerAccess } from '@/hooks/use-host-permission';
import { useStatus } from '@/hooks/use-status';
import type { Translate } from '@/lib/i18n';
import type { AccountView, ConnectResult } from '@/lib/messages';
import { ProviderSignIn } from './ProviderSignIn';
import { LanguagePicker } from './LanguagePicker';
import { ReplaceAccount } from './ReplaceAccount';
import { WhatWaymarkSends } from './WhatWaymarkSends';

/** Endpoint and token, "Test connection", who the server says you are, sync status, sign out. */
export function App() {
  const t = useT();
  const [account, reload] = useBackground('bg:account', {}, 'account');
  const status = useStatus();
  return (
    <main className="options">
      <h1 className="brand">{t('manifest.name')}</h1>
      <p className="muted">{t('options.intro')}</p>
      <StatusLine status={status} place="banner" />
      <LanguagePicker />
      <AsyncView value={account} loading={t('options.loadingAccount')}>
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
function syncLine(account: AccountView, t: Translate, locale: string): string {
  const { sync } = account;
  const last = sync.lastSyncAt
    ? t('options.lastSynced', {
        when: new Date(sync.lastSyncAt).toLocaleString(locale),
        count: sync.items,
      })
    : t('options.starterItems', { count: sync.items });
  return sync.running ? t('options.syncing', { line: last }) : last;
}

/** "15 minutes", "hour", "4 hours": how often to sync. */
function every(minutes: number, t: Translate): string {
  return minutes < 60
    ? t('options.minutes', { count: minutes })
    : t('options.hours', { count: minutes / 60 });
}

function Account({ account, onChange }: { account: AccountView; onChange: () => void }) {
  const { t, locale } = useI18n();
  const managedUrl = account.managed.serverUrl;
  const [serverUrl, setServerUrl] = useState(managedUrl ?? account.serverUrl ?? '');
  const [token, setToken] = useState('');
  const [result, setResult] = useState<ConnectResult>();
  const [busy, setBusy] = useState(false);
  // How the learner last tried to connect: "keep" or "discard" repeats it.
  const [via, setVia] = useState<'token' | 'provider'>('token');

  const connect = async (previous?: 'keep' | 'discard', how = via) => {
    setBusy(true);
    setVia(how);
    // Asked first, inside the click: the browser only shows its prompt for a user gesture.
    const granted = await requestServerAccess(serverUrl);
    const choice = previous === undefined ? {} : { previous };
    const outcome: ConnectResult = granted
      ? how === 'provider'
        ? await callBackground('bg:provider-sign-in', { serverUrl, ...choice })
        : await callBackground('bg:connect', { serverUrl, token, ...choice })
      : {
          ok: false,
          message: t('options.permissionNeeded'),
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
          void connect(undefined, 'token');
        }}
      >
        <label>
          {t('options.server')}
          <input
            type="url"
            required
            value={serverUrl}
            readOnly={managedUrl !== undefined}
            onChange={(e) => setServerUrl(e.target.value)}
            placeholder="https://waymark.example.com"
          />
        </label>
        {managedUrl !== undefined && <p className="muted">{t('options.setByOrg')}</p>}
        <ProviderSignIn
          serverUrl={serverUrl}
          busy={busy}
          onSignIn={() => void connect(undefined, 'provider')}
        />
        <label>
          {t('options.token')}
          <input
            type="password"
            autoComplete="off"
            required={!account.signedIn}
            value={token}
            onChange={(e) => setToken(e.target.value)}
            placeholder={account.signedIn ? t('options.tokenSaved') : 'wmk_…'}
          />
        </label>
        <button type="submit" className="primary" disabled={busy}>
          {t('options.connect')}
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
      <section className="account" aria-label={t('options.account')}>
        {account.me ? (
          <p>
            {t(account.me.team ? 'options.signedInTeam' : 'options.signedIn', {
              email: account.me.email,
              role: account.me.role,
              team: account.me.team ?? '',
            })}
          </p>
        ) : (
          <p className="muted">{t('options.notSignedIn')}</p>
        )}
        {account.managed.team !== undefined && (
          <p className="muted">{t('options.teamByOrg', { team: account.managed.team })}</p>
        )}
        <p role="status" className="muted">
          {syncLine(account, t, locale)}
        </p>
        <label className="interval">
          {t('options.syncEvery')}{' '}
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
                  {every(m, t)}
                </option>
              ))}
          </select>
          {account.sync.intervalManaged ? t('options.intervalByOrg') : ''}
        </label>
        {account.signedIn && (
          <div className="nav">
            <button type="button" disabled={busy} onClick={() => void act('bg:sync-now')()}>
              {t('options.syncNow')}
            </button>
            <button type="button" disabled={busy} onClick={() => void act('bg:sign-out')()}>
              {t('options.signOut')}
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
