import { useT } from '@/components/I18nProvider';
import type { ConnectResult } from '@/lib/messages';

/**
 * Connecting another account replaces what Waymark holds for the current one. This says what the
 * learner did under it and lets them keep it (lesson progress, votes, hidden tips) or start clean.
 */
export function ReplaceAccount(props: {
  replaces: NonNullable<ConnectResult['replaces']>;
  busy: boolean;
  onChoose: (choice: 'keep' | 'discard') => void;
  onCancel: () => void;
}) {
  const t = useT();
  const { replaces } = props;
  const mine = [
    t('replace.lessons', { count: replaces.lessons }),
    t('replace.votes', { count: replaces.votes }),
    t('replace.tips', { count: replaces.hiddenTips }),
  ];
  const account = replaces.account;
  return (
    <div className="replace" role="group" aria-labelledby="replace-heading">
      <h2 id="replace-heading">{t('replace.title')}</h2>
      <p>{t('replace.intro', { account, mine: mine.join(', ') })}</p>
      {replaces.unsent > 0 && (
        <p className="muted">{t('replace.unsent', { count: replaces.unsent, account })}</p>
      )}
      <div className="nav">
        <button
          type="button"
          className="primary"
          disabled={props.busy}
          onClick={() => props.onChoose('keep')}
        >
          {t('replace.keep')}
        </button>
        <button type="button" disabled={props.busy} onClick={() => props.onChoose('discard')}>
          {t('replace.discard')}
        </button>
        <button type="button" disabled={props.busy} onClick={props.onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}
