import { AsyncView } from '@/components/AsyncView';
import { useI18n, useT } from '@/components/I18nProvider';
import { useBackground } from '@/hooks/use-background';
import { formatNumber } from '@/lib/i18n';
import type { ItemView, ScreenView } from '@/lib/insights/views';

/**
 * The author's Insights in the side panel, last 30 days: *this screen* (failed searches under the
 * k rule, broken tips, top items, helpful share) and *this item* (shown → opened, reads, votes and
 * reasons, last verified). Tables carry the numbers; a small inline SVG bar sits in each row.
 */
/** Numbers and shares the way the UI language writes them ("–" when there is none). */
function useNumbers() {
  const { t, locale } = useI18n();
  return {
    n: (x: number) => formatNumber(locale, x),
    percent: (x: number | undefined) =>
      x === undefined ? '–' : t('insights.percent', { n: Math.round(x * 100) }),
  };
}

/** A bar from 0 to `max`, labelled for assistive technology by the table cell beside it. */
function Bar({ value, max }: { value: number; max: number }) {
  const t = useT();
  const label = t('insights.ofMax', { value, max });
  const width = max <= 0 ? 0 : Math.round((60 * value) / max);
  return (
    <svg
      className="mini-bar"
      width="60"
      height="10"
      viewBox="0 0 60 10"
      role="img"
      aria-label={label}
    >
      <title>{label}</title>
      <rect x="0" y="1" width="60" height="8" className="track" />
      <rect x="0" y="1" width={width} height="8" className="fill" />
    </svg>
  );
}

function Problem({ problem }: { problem: string }) {
  return (
    <p className="notice" data-kind="error" role="alert">
      {problem}
    </p>
  );
}

function Screen({ view }: { view: ScreenView }) {
  const t = useT();
  const { n, percent } = useNumbers();
  const most = Math.max(1, ...view.top_items.map((i) => i.opened));
  return (
    <>
      <p>
        {t('insights.searchSummary', {
          count: view.searches,
          failed: view.failed,
          rate: percent(view.failed_rate),
          helpful: percent(view.helpful_share),
        })}
      </p>
      <table className="insights-table" aria-label={t('insights.failedTable')}>
        <caption>{t('insights.failedCaption', { count: view.k })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('insights.words')}</th>
            <th scope="col">{t('insights.searches')}</th>
            <th scope="col">{t('insights.people')}</th>
          </tr>
        </thead>
        <tbody>
          {view.queries.length === 0 ? (
            <tr>
              <td colSpan={3}>{t('insights.noneFailed')}</td>
            </tr>
          ) : (
            view.queries.map((q) => (
              <tr key={q.query}>
                <td>{q.query}</td>
                <td>{n(q.searches)}</td>
                <td>{n(q.people)}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
      <table className="insights-table" aria-label={t('insights.topTable')}>
        <caption>{t('insights.topCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('insights.item')}</th>
            <th scope="col">{t('insights.opened')}</th>
            <th scope="col">{t('insights.helpful')}</th>
          </tr>
        </thead>
        <tbody>
          {view.top_items.map((i) => (
            <tr key={i.item}>
              <td>{i.title ?? i.item}</td>
              <td>
                {n(i.opened)} <Bar value={i.opened} max={most} />
              </td>
              <td>{percent(i.helpful_share)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="insights-table" aria-label={t('insights.brokenTable')}>
        <caption>{t('insights.brokenCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('insights.tip')}</th>
            <th scope="col">{t('insights.notFound')}</th>
            <th scope="col">{t('insights.since')}</th>
          </tr>
        </thead>
        <tbody>
          {view.broken_tips.length === 0 ? (
            <tr>
              <td colSpan={3}>{t('insights.allFound')}</td>
            </tr>
          ) : (
            view.broken_tips.map((tip) => (
              <tr key={tip.tip}>
                <td>{tip.title ?? tip.tip}</td>
                <td>
                  {n(tip.unresolved)} ({percent(tip.failure_rate)})
                </td>
                <td>{tip.failing_since ?? '–'}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </>
  );
}

/** "This screen": the tab's app and screen as detected. */
export function ScreenInsights({ tabId }: { tabId: number | undefined }) {
  const t = useT();
  const [view] = useBackground(
    'bg:author-insights-screen',
    tabId === undefined ? undefined : { tabId },
    `insights-screen|${tabId}`,
  );
  if (tabId === undefined) return <p className="muted">{t('insights.openOnTab')}</p>;
  return (
    <section className="author insights" aria-label={t('insights.screen')}>
      <h2>{t('insights.screenTitle')}</h2>
      <AsyncView value={view} loading={t('insights.reading')}>
        {(result) =>
          result.ok ? <Screen view={result.value} /> : <Problem problem={result.problem} />
        }
      </AsyncView>
    </section>
  );
}

function Item({ view }: { view: ItemView }) {
  const t = useT();
  const { n, percent } = useNumbers();
  const u = view.usage;
  const top = Math.max(1, u.shown, u.opened, u.reads);
  const rows: [string, number][] = [
    [t('insights.shown'), u.shown],
    [t('insights.opened'), u.opened],
    [t('insights.read'), u.reads],
  ];
  return (
    <>
      <table className="insights-table" aria-label={t('insights.itemUse')}>
        <caption>{t('insights.funnel')}</caption>
        <tbody>
          {rows.map(([label, value]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>
                {n(value)} <Bar value={value} max={top} />
              </td>
            </tr>
          ))}
          <tr>
            <th scope="row">{t('insights.helpful')}</th>
            <td>
              {t('insights.votes', {
                yes: u.helpful,
                no: u.not_helpful,
                share: percent(u.helpful_share),
              })}
            </td>
          </tr>
          <tr>
            <th scope="row">{t('insights.lastVerified')}</th>
            <td>{view.last_verified ?? t('insights.never')}</td>
          </tr>
        </tbody>
      </table>
      {u.reasons.length > 0 && (
        <table className="insights-table" aria-label={t('insights.reasons')}>
          <caption>{t('insights.reasons')}</caption>
          <tbody>
            {u.reasons.map((r) => (
              <tr key={`${r.reason}|${r.helpful}`}>
                <td>{t(`reason.${r.reason}`)}</td>
                <td>{t(r.helpful ? 'insights.reasonHelpful' : 'insights.reasonNotHelpful')}</td>
                <td>{n(r.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

/** "This item": shown → opened → read, votes and reasons, last verified. */
export function ItemInsights({ id }: { id: string }) {
  const t = useT();
  const [view] = useBackground('bg:author-insights-item', { id }, `insights-item|${id}`);
  return (
    <section className="insights" aria-label={t('insights.itemRegion')}>
      <h2>{t('insights.itemTitle')}</h2>
      <AsyncView value={view} loading={t('insights.reading')}>
        {(result) =>
          result.ok ? <Item view={result.value} /> : <Problem problem={result.problem} />
        }
      </AsyncView>
    </section>
  );
}
