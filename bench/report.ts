/**
 * The bench's one output format. Each part (`bench/<part>.bench.ts`) hands `writePart` its figures
 * as tables — our number next to the baseline measured in the same run, since on a shared, noisy
 * machine only such ratios mean anything — plus any budgets it checks. `writePart` writes
 * `bench/results/<part>.json`, then merges every part file there into `latest.json` and
 * `latest.md` (a Markdown table per part). A part file without `tables` (an older or foreign
 * format) is still shown, as a metric/value table of its scalar fields.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, release, type as osType, totalmem } from 'node:os';
import { join } from 'node:path';

export const RESULTS_DIR = join(import.meta.dirname, 'results');
/** Parts in the order `run-all` runs them; any other part file is shown after these. */
export const PART_ORDER = [
  'detect',
  'anchors',
  'suggest',
  'search',
  'server',
  'content-script',
  'sync',
  'import',
] as const;

/** A limit a part checks. Missing one fails `npm run bench` (not the test suite). */
export interface Budget {
  name: string;
  limit: number;
  actual: number;
  unit: string;
  ok: boolean;
  /** A floor (higher is better, e.g. recall) rather than a ceiling. */
  atLeast?: boolean;
}

export type Cell = string | number | undefined;
export interface Table {
  title?: string;
  columns: string[];
  rows: Cell[][];
}

export interface Machine {
  node: string;
  cpu: string;
  cpus: number;
  memoryGB: number;
  os: string;
  date: string;
}

export interface PartReport {
  part: string;
  title: string;
  machine?: Machine;
  /** How long the part took, seconds (its process uptime when it reported). */
  seconds?: number;
  tables?: Table[];
  notes?: string[];
  budgets?: Budget[];
  /** The raw figures, for tools. */
  data?: unknown;
}

export interface Latest {
  machine: Machine;
  parts: PartReport[];
  budgets: (Budget & { part: string })[];
  ok: boolean;
}

export function machine(now = new Date()): Machine {
  const cores = cpus();
  return {
    node: process.version,
    cpu: cores[0]?.model.trim() ?? 'unknown',
    cpus: cores.length,
    memoryGB: Math.round(totalmem() / 2 ** 30),
    os: `${osType()} ${release()} ${process.arch}`,
    date: now.toISOString(),
  };
}

/** A lower-is-better budget: ok when `actual <= limit`. */
export function budget(name: string, limit: number, actual: number, unit: string): Budget {
  return { name, limit, actual, unit, ok: actual <= limit };
}

/** A higher-is-better budget (a recall): ok when `actual >= limit`. */
export function floor(name: string, limit: number, actual: number, unit: string): Budget {
  return { name, limit, actual, unit, ok: actual >= limit, atLeast: true };
}

/** "search p95 (full corpus): 6.2 ms, limit 5 ms — over by 1.2 ms (24%)" */
export function describeMiss(b: Budget): string {
  if (b.atLeast === true) {
    const unit = b.unit === '' ? '' : ` ${b.unit}`;
    const under = b.limit - b.actual;
    const by = under > 0 ? ` — under by ${fmt(under)}${unit}` : '';
    return `${b.name}: ${fmt(b.actual)}${unit}, at least ${fmt(b.limit)}${unit}${by}`;
  }
  const over = b.actual - b.limit;
  const by =
    over > 0
      ? ` — over by ${fmt(over)} ${b.unit}${b.limit > 0 ? ` (${Math.round((over / b.limit) * 100)}%)` : ''}`
      : '';
  return `${b.name}: ${fmt(b.actual)} ${b.unit}, limit ${fmt(b.limit)} ${b.unit}${by}`;
}

export function fmt(value: Cell): string {
  if (value === undefined) return '–';
  if (typeof value === 'string') return value;
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return value.toLocaleString('en-US', { maximumFractionDigits: digits });
}

export function markdownTable(table: Table): string {
  const escape = (cell: Cell) => fmt(cell).replace(/\|/g, '\\|');
  const lines = [
    `| ${table.columns.map(escape).join(' | ')} |`,
    `|${table.columns.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`,
    ...table.rows.map((row) => `| ${table.columns.map((_, i) => escape(row[i])).join(' | ')} |`),
  ];
  return `${table.title === undefined ? '' : `**${table.title}**\n\n`}${lines.join('\n')}`;
}

/** Scalar fields of a foreign part file as `a.b.c | value` rows (budgets and machine left out). */
export function scalarRows(value: unknown, prefix = ''): Cell[][] {
  if (typeof value === 'number' || typeof value === 'string') return [[prefix, value]];
  if (typeof value === 'boolean') return [[prefix, String(value)]];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  return Object.entries(value).flatMap(([key, v]) =>
    prefix === '' && ['budgets', 'machine', 'part', 'title'].includes(key)
      ? []
      : scalarRows(v, prefix === '' ? key : `${prefix}.${key}`),
  );
}

/** One figure next to its baseline: the shape bench/browser/result.ts writes. */
interface Figure {
  name: string;
  ours: number;
  baseline: number | null;
  unit: string;
  note?: string;
}

function figuresTable(figures: Figure[]): Table {
  return {
    columns: ['figure', 'ours', 'baseline', 'unit', 'note'],
    rows: figures.map((f) => [f.name, f.ours, f.baseline ?? undefined, f.unit, f.note]),
  };
}

/**
 * Reads a part file loosely, a `part` name defaulting to the file's: `tables` as they are,
 * `figures` (ours next to baseline) as one table, anything else as its scalar fields.
 */
export function toPart(name: string, json: unknown): PartReport {
  const raw = (typeof json === 'object' && json !== null ? json : {}) as Partial<PartReport> & {
    figures?: Figure[];
  };
  const tables = Array.isArray(raw.tables)
    ? raw.tables
    : Array.isArray(raw.figures)
      ? [figuresTable(raw.figures)]
      : [{ columns: ['metric', 'value'], rows: scalarRows(json) }];
  return {
    ...raw,
    part: typeof raw.part === 'string' ? raw.part : name,
    title: typeof raw.title === 'string' ? raw.title : name,
    tables,
    budgets: Array.isArray(raw.budgets) ? raw.budgets : [],
  };
}

export function merge(parts: PartReport[], now = new Date()): Latest {
  const rank = (p: PartReport) => {
    const i = (PART_ORDER as readonly string[]).indexOf(p.part);
    return i === -1 ? PART_ORDER.length : i;
  };
  const sorted = [...parts].sort((a, b) => rank(a) - rank(b) || a.part.localeCompare(b.part));
  const budgets = sorted.flatMap((p) => (p.budgets ?? []).map((b) => ({ ...b, part: p.part })));
  return { machine: machine(now), parts: sorted, budgets, ok: budgets.every((b) => b.ok) };
}

export function renderMarkdown(latest: Latest): string {
  const m = latest.machine;
  const out = [
    '# Waymark bench',
    '',
    `${m.date} · Node ${m.node} · ${m.cpu} × ${m.cpus} · ${m.memoryGB} GB · ${m.os}`,
    '',
  ];
  for (const part of latest.parts) {
    const when = part.machine === undefined ? '' : ` (run ${part.machine.date}`;
    const took = part.seconds === undefined ? '' : `, ${Math.round(part.seconds)} s`;
    out.push(`## ${part.title}${when}${when === '' ? '' : `${took})`}`, '');
    for (const table of part.tables ?? []) out.push(markdownTable(table), '');
    for (const note of part.notes ?? []) out.push(`- ${note}`);
    if ((part.notes ?? []).length > 0) out.push('');
  }
  if (latest.budgets.length > 0) {
    out.push('## Budgets', '');
    const rows = latest.budgets.map((b) => [
      b.name,
      `${fmt(b.actual)} ${b.unit}`,
      `${b.atLeast === true ? '≥ ' : ''}${fmt(b.limit)} ${b.unit}`,
      b.ok ? 'ok' : `MISSED by ${fmt(Math.abs(b.actual - b.limit))} ${b.unit}`,
    ]);
    out.push(markdownTable({ columns: ['budget', 'actual', 'limit', 'verdict'], rows }), '');
  }
  return out.join('\n');
}

/** Every part file in `dir` (all `*.json` but `latest.json`), merged and written as latest.*. */
export function writeLatest(dir = RESULTS_DIR): Latest {
  const parts = readdirSync(dir)
    .filter((f) => f.endsWith('.json') && f !== 'latest.json')
    .map((f) => toPart(f.replace(/\.json$/, ''), JSON.parse(readFileSync(join(dir, f), 'utf8'))));
  const latest = merge(parts);
  writeFileSync(join(dir, 'latest.json'), `${JSON.stringify(latest, null, 2)}\n`);
  writeFileSync(join(dir, 'latest.md'), renderMarkdown(latest));
  return latest;
}

/** Writes `results/<part>.json`, refreshes latest.json/.md and prints this part's tables. */
export function writePart(report: Omit<PartReport, 'machine' | 'seconds'>, dir = RESULTS_DIR) {
  const full: PartReport = { ...report, machine: machine(), seconds: Math.round(process.uptime()) };
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${report.part}.json`), `${JSON.stringify(full, null, 2)}\n`);
  writeLatest(dir);
  const only = merge([full]);
  console.log(`\n${renderMarkdown(only).split('\n').slice(4).join('\n')}`);
  for (const b of full.budgets ?? []) console.log(`${b.ok ? 'ok' : 'MISSED'}: ${describeMiss(b)}`);
  return full;
}
