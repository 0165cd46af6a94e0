import type { Item } from '@/lib/content-model';
import { useBackground } from '@/hooks/use-background';
import { useItemLink } from '@/hooks/use-item-link';
import { CopyLink } from '../CopyLink';
import { useT } from '../I18nProvider';

/**
 * In the Author tab's item view: "Copy link" (the content server's `/i/<id>`), and for an
 * announcement how many of its audience acknowledged it (`GET /v1/items/:id/acknowledgements`).
 */
export function ItemShare({ item }: { item: Item }) {
  const t = useT();
  const link = useItemLink(item.id);
  return (
    <>
      <CopyLink link={link} hint={t('share.linkHint')} />
      {item.type === 'announcement' && <AcknowledgementCount id={item.id} />}
    </>
  );
}

function AcknowledgementCount({ id }: { id: string }) {
  const t = useT();
  const [count] = useBackground('bg:author-acknowledgements', { id }, `ack:${id}`);
  if (count.state === 'loading') return null;
  const problem =
    count.state === 'error' ? count.error : count.value.ok ? undefined : count.value.problem;
  if (problem !== undefined || count.state !== 'ready' || !count.value.ok)
    return (
      <p className="notice" data-kind="error" role="alert">
        {problem}
      </p>
    );
  const { acknowledge, audience, acknowledged, people } = count.value.value;
  return (
    <section className="acknowledgements" aria-labelledby="acknowledgements-heading">
      <h2 id="acknowledgements-heading">{t('ack.title')}</h2>
      {acknowledge ? (
        <p data-acknowledged={acknowledged}>{t('ack.count', { acknowledged, audience })}</p>
      ) : (
        <p className="muted">{t('ack.notAsked')}</p>
      )}
      {people.length > 0 && (
        <details>
          <summary>{t('ack.people')}</summary>
          <ul>
            {people.map((p) => (
              <li key={p.email}>
                {p.email} <span className="muted">{p.at.slice(0, 10)}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
