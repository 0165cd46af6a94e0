import { h, type Html } from './html';

/**
 * Small hand-written SVG charts (no chart library): each is an `<svg role="img">` named by its
 * <title> and described by a <desc> that states every value, so a screen reader hears the numbers
 * the eye sees. Every chart on a page sits beside a table twin with the same numbers.
 */
export interface Bar {
  label: string;
  value: number;
  /** The value as shown (a count, a percentage). */
  shown: string;
}

let ids = 0;
const nextId = () => `c${(ids = (ids + 1) % 1_000_000)}`;

function frame(title: string, desc: string, width: number, height: number, body: Html): Html {
  const id = nextId();
  return h`<svg class="chart" role="img" aria-labelledby="${id}t ${id}d" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}"><title id="${id}t">${title}</title><desc id="${id}d">${desc}</desc>${body}</svg>`;
}

const describe = (bars: readonly Bar[]) => bars.map((b) => `${b.label}: ${b.shown}`).join('; ');
const clip = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;

/** Horizontal bars, one row each, scaled to `max` (default: the largest value). */
export function barChart(title: string, bars: readonly Bar[], max?: number): Html {
  const width = 560;
  const row = 22;
  const labelWidth = 200;
  const top = Math.max(max ?? 0, ...bars.map((b) => b.value), 1e-9);
  const height = Math.max(row, bars.length * row) + 4;
  const rows = bars.map((b, i) => {
    const w = Math.max(0, Math.round(((width - labelWidth - 140) * b.value) / top));
    const y = i * row + 2;
    return h`<g><text x="0" y="${y + 15}" class="label">${clip(b.label, 30)}</text><rect x="${labelWidth}" y="${y + 3}" width="${w}" height="${row - 8}" class="bar"/><text x="${labelWidth + w + 6}" y="${y + 15}" class="value">${b.shown}</text></g>`;
  });
  const desc = bars.length === 0 ? 'No data in this period.' : describe(bars);
  return frame(title, desc, width, height, h`${rows}`);
}

/** Vertical bars over time (weeks), for a trend: small enough to sit in a table cell. */
export function trendChart(
  title: string,
  bars: readonly Bar[],
  size = { width: 120, height: 32 },
): Html {
  const top = Math.max(...bars.map((b) => b.value), 1e-9);
  const step = bars.length === 0 ? 0 : size.width / bars.length;
  const rects = bars.map((b, i) => {
    const barHeight = Math.round(((size.height - 2) * b.value) / top);
    return h`<rect x="${(step * 0.1 + i * step).toFixed(1)}" y="${size.height - barHeight}" width="${(step * 0.8).toFixed(1)}" height="${barHeight}" class="bar"/>`;
  });
  const baseline = h`<line x1="0" x2="${size.width}" y1="${size.height - 0.5}" y2="${size.height - 0.5}" class="axis"/>`;
  const desc = bars.length === 0 ? 'No data in this period.' : describe(bars);
  return frame(title, desc, size.width, size.height, h`${baseline}${rects}`);
}
