import { callBackground, useBackground } from '@/hooks/use-background';
import { useT } from '../I18nProvider';
import { type Actions, ItemLink, Section } from './AuthorSection';

/**
 * What the author must look at again: items past their verify-by date (one click confirms them)
 * and tips whose element learners' pages stopped finding (a draft opens with the picker ready).
 */
export function NeedsVerification({
  onItem,
  onProblem,
  onDraft,
  tabId,
}: Actions & { tabId: number | undefined }) {
  const t = useT();
  const [queue, reload] = useBackground('bg:author-queue', {}, 'queue');
  /** A draft of the tip, opened with the failure stated and the picker one click away. */
  const repick = async (id: string, failure: string) => {
    const draft = await callBackground('bg:draft-new', {
      itemId: id,
      ...(tabId === undefined ? {} : { tabId }),
    });
    if (draft.ok) onDraft(draft.value.key, failure);
    else onProblem(draft.problem);
  };
  // One click, on the version the queue listed (a newer one is a conflict in words).
  const verify = async (id: string, version: number) => {
    const result = await callBackground('bg:author-step', { id, action: 'verify', version });
    if (!result.ok) onProblem(result.problem);
    reload();
  };
  return (
    <Section id="verify" title={t('author.verify')} value={queue}>
      {({ overdue, broken_anchors: broken }) =>
        overdue.length + broken.length === 0 ? (
          <p className="muted">{t('author.allVerified')}</p>
        ) : (
          <ul className="author-list">
            {overdue.map((i) => (
              <li key={`o-${i.id}`}>
                <span>
                  <ItemLink id={i.id} title={i.title} onItem={onItem} />{' '}
                  <span className="muted">{t('author.verifyBy', { date: i.verify_by })}</span>
                </span>
                <button
                  type="button"
                  className="button"
                  onClick={() => void verify(i.id, i.version)}
                >
                  {t('author.stillTrue')}
                </button>
              </li>
            ))}
            {broken.map((b) => {
              const where = {
                count: b.count,
                where: `${b.app}:${b.screen}`,
                date: b.last_reported_at.slice(0, 10),
              };
              const failure = t('author.brokenFailure', where);
              return (
                <li key={`b-${b.id}-${b.app}-${b.screen}`}>
                  <span>
                    <ItemLink id={b.id} title={b.title} onItem={onItem} />{' '}
                    <span className="muted">{t('author.broken', where)}</span>
                  </span>
                  <button
                    type="button"
                    className="button"
                    onClick={() => void repick(b.id, failure)}
                  >
                    {t('author.repick')}
                  </button>
                </li>
              );
            })}
          </ul>
        )
      }
    </Section>
  );
}
