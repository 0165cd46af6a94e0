import { useT } from '@/components/I18nProvider';
import { useBackground } from '@/hooks/use-background';

const isWebUrl = (value: string) => {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
};

/**
 * "Sign in with <provider>" when the server announces an identity provider
 * (`GET /v1/auth/config`, asked by the background). The sign-in itself runs in the background.
 */
export function ProviderSignIn({
  serverUrl,
  busy,
  onSignIn,
}: {
  serverUrl: string;
  busy: boolean;
  onSignIn: () => void;
}) {
  const t = useT();
  const [provider] = useBackground(
    'bg:provider',
    isWebUrl(serverUrl) ? { serverUrl } : undefined,
    serverUrl,
  );
  if (provider.state !== 'ready' || !provider.value.available) return null;
  return (
    <div className="provider">
      <button type="button" className="primary" disabled={busy} onClick={onSignIn}>
        {t('options.signInWith', { name: provider.value.name ?? new URL(serverUrl).host })}
      </button>
      <p className="muted">{t('options.orPasteToken')}</p>
    </div>
  );
}
