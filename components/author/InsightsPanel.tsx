import { AsyncView } from '@/components/AsyncView';
import { useBackground } from '@/hooks/use-background';
import type { ItemView, ScreenView } from '@/lib/insights/views';

/**
 * The author's Insights in the side panel, last 30 days: *this screen* (failed searches under the
 * k rule, broken tips, top items, helpful share) and *this item* (shown → opened, reads, votes and
 * reasons, last verified). Tables carry the numbers; a small inline SVG bar sits in each row.
 */
const percent = (x: number | undefined) => (x === undefined ? '–' : `${Math.round(x * 100)} %`);

/** A bar from 0 to `max`, labelled for assistive technology by the table cell beside it. */
function Bar({ value, max, label }: { value: number; max: number; label: string }) {
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
  const most = Math.max(1, ...view.top_items.map((i) => i.opened));
  return (
    <>
      <p>
        {view.failed} of {view.searches} searches here found nothing ({percent(view.failed_rate)}
        ). Helpful: {percent(view.helpful_share)}.
      </p>
      <table className="insights-table" aria-label="Failed searches on this screen">
        <caption>What people searched for and did not find (≥ {view.k} people)</caption>
        <thead>
          <tr>
            <th scope="col">Words</th>
            <th scope="col">Searches</th>
            <th scope="col">People</th>
          </tr>
        </thead>
        <tbody>
          {view.queries.length === 0 ? (
            <tr>
              <td colSpan={3}>None past the k rule.</td>
            </tr>
          ) : (
            view.queries.map((q) => (
              <tr key={q.query}>
                <td>{q.query}</td>
                <td>{q.searches}</td>
                <td>{q.people}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
      <table className="insights-table" aria-label="Top items on this screen">
        <caption>Top items</caption>
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">Opened</th>
            <th scope="col">Helpful</th>
          </tr>
        </thead>
        <tbody>
          {view.top_items.map((i) => (
            <tr key={i.item}>
              <td>{i.title ?? i.item}</td>
              <td>
                {i.opened} <Bar value={i.opened} max={most} label={`${i.opened} of ${most}`} />
              </td>
              <td>{percent(i.helpful_share)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="insights-table" aria-label="Broken tips on this screen">
        <caption>Broken tips</caption>
        <thead>
          <tr>
            <th scope="col">Tip</th>
            <th scope="col">Not found</th>
            <th scope="col">Since</th>
          </tr>
        </thead>
        <tbody>
          {view.broken_tips.length === 0 ? (
            <tr>
              <td colSpan={3}>Every tip was found.</td>
            </tr>
          ) : (
            view.broken_tips.map((t) => (
              <tr key={t.tip}>
                <td>{t.title ?? t.tip}</td>
                <td>
                  {t.unresolved} ({percent(t.failure_rate)})
                </td>
                <td>{t.failing_since ?? '–'}</td>
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
  const [view] = useBackground(
    'bg:author-insights-screen',
    tabId === undefined ? undefined : { tabId },
    `insights-screen|${tabId}`,
  );
  if (tabId === undefined) return <p className="muted">Open the panel on an app’s tab.</p>;
  return (
    <section className="author insights" aria-label="Insights for this screen">
      <h2>Insights for this screen (30 days)</h2>
      <AsyncView value={view} loading="Reading insights…">
        {(result) =>
          result.ok ? <Screen view={result.value} /> : <Problem problem={result.problem} />
        }
      </AsyncView>
    </section>
  );
}

function Item({ view }: { view: ItemView }) {
  const u = view.usage;
  const top = Math.max(1, u.shown, u.opened, u.reads);
  const rows: [string, number][] = [
    ['Shown', u.shown],
    ['Opened', u.opened],
    ['Read (10 s or more)', u.reads],
  ];
  return (
    <>
      <table className="insights-table" aria-label="This item's use">
        <caption>Shown → opened → read</caption>
        <tbody>
          {rows.map(([label, value]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>
                {value} <Bar value={value} max={top} label={`${value} of ${top}`} />
              </td>
            </tr>
          ))}
          <tr>
            <th scope="row">Helpful</th>
            <td>
              {u.helpful} yes, {u.not_helpful} no ({percent(u.helpful_share)})
            </td>
          </tr>
          <tr>
            <th scope="row">Last verified</th>
            <td>{view.last_verified ?? 'never'}</td>
          </tr>
        </tbody>
      </table>
      {u.reasons.length > 0 && (
        <table className="insights-table" aria-label="Reasons given">
          <caption>Reasons given</caption>
          <tbody>
            {u.reasons.map((r) => (
              <tr key={`${r.reason}|${r.helpful}`}>
                <td>{r.reason}</td>
                <td>{r.helpful ? 'helpful' : 'not helpful'}</td>
                <td>{r.count}</td>
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
  const [view] = useBackground('bg:author-insights-item', { id }, `insights-item|${id}`);
  return (
    <section className="insights" aria-label="Insights for this item">
      <h2>Insights (30 days)</h2>
      <AsyncView value={view} loading="Reading insights…">
        {(result) =>
          result.ok ? <Item view={result.value} /> : <Problem problem={result.problem} />
        }
      </AsyncView>
    </section>
  );
}
