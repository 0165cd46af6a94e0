/**
 * Attributes main-thread work in a Chromium trace (devtools.timeline categories) to an
 * extension: which long tasks ran the extension's scripts, and how much script time the
 * extension's scripts took on renderer main threads. Pure: events in, figures out.
 */
export interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  /** Microseconds. */
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string; scriptName?: string } };
}

export interface LongTask {
  ms: number;
  /** The task ran script from the extension's origin. */
  extension: boolean;
  /** Of which the extension's scripts (outermost script events, overlaps merged). */
  extensionMs: number;
}

export interface TraceAttribution {
  longTasks: LongTask[];
  /** All script time from the extension's origin on renderer main threads. */
  extensionScriptMs: number;
  /** All script time on renderer main threads (page and extension). */
  scriptMs: number;
  /** The longest task on a renderer main thread, long or not. */
  longestTaskMs: number;
}

/** Script-running events whose `data.url` names the script they run. */
const SCRIPT_EVENTS = new Set(['EvaluateScript', 'FunctionCall', 'v8.compile', 'v8.run']);
const TASK_EVENTS = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

const key = (e: { pid: number; tid: number }) => `${e.pid}:${e.tid}`;
const urlOf = (e: TraceEvent) => e.args?.data?.url ?? e.args?.data?.scriptName ?? '';

/** Total length of the union of [start, end) intervals, in the intervals' unit. */
export function unionLength(intervals: readonly [number, number][]): number {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let end = -Infinity;
  for (const [s, e] of sorted) {
    if (e <= end) continue;
    total += e - Math.max(s, end);
    end = e;
  }
  return total;
}

export function attributeTrace(
  events: readonly TraceEvent[],
  extensionOrigin: string,
  longTaskMs = 50,
): TraceAttribution {
  const main = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map(key),
  );
  const onMain = events.filter((e) => e.ph === 'X' && main.has(key(e)));
  const scripts = onMain.filter((e) => SCRIPT_EVENTS.has(e.name));
  const interval = (e: TraceEvent): [number, number] => [e.ts, e.ts + (e.dur ?? 0)];
  const fromExtension = scripts.filter((e) => urlOf(e).startsWith(extensionOrigin));
  const perThread = (list: TraceEvent[]) => {
    const byThread = new Map<string, [number, number][]>();
    for (const e of list) byThread.set(key(e), [...(byThread.get(key(e)) ?? []), interval(e)]);
    return [...byThread.values()].reduce((sum, iv) => sum + unionLength(iv), 0) / 1000;
  };
  const allTasks = onMain.filter((e) => TASK_EVENTS.has(e.name));
  const tasks = allTasks.filter((e) => (e.dur ?? 0) / 1000 > longTaskMs);
  // Nested RunTask events (a task inside a task) would count twice: keep the outermost.
  const outermost = tasks.filter(
    (t, i) =>
      !tasks.some(
        (o, j) =>
          j !== i &&
          key(o) === key(t) &&
          o.ts <= t.ts &&
          o.ts + (o.dur ?? 0) >= t.ts + (t.dur ?? 0) &&
          ((o.dur ?? 0) > (t.dur ?? 0) || j < i),
      ),
  );
  const longTasks = outermost.map((t) => {
    const [start, end] = interval(t);
    const inside = fromExtension.filter(
      (e) => key(e) === key(t) && e.ts >= start && e.ts + (e.dur ?? 0) <= end,
    );
    return {
      ms: (t.dur ?? 0) / 1000,
      extension: inside.length > 0,
      extensionMs: unionLength(inside.map(interval)) / 1000,
    };
  });
  return {
    longTasks,
    extensionScriptMs: perThread(fromExtension),
    scriptMs: perThread(scripts),
    longestTaskMs: Math.max(0, ...allTasks.map((t) => (t.dur ?? 0) / 1000)),
  };
}
