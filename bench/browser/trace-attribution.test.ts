import { describe, expect, it } from 'vitest';
import { attributeTrace, unionLength, type TraceEvent } from './trace-attribution';

const EXT = 'chrome-extension://abc';
const meta = (tid: number, name: string): TraceEvent => ({
  name: 'thread_name',
  ph: 'M',
  ts: 0,
  pid: 1,
  tid,
  args: { name },
});
const task = (ts: number, ms: number, tid = 10): TraceEvent => ({
  name: 'RunTask',
  ph: 'X',
  ts,
  dur: ms * 1000,
  pid: 1,
  tid,
});
const script = (name: string, ts: number, ms: number, url: string, tid = 10): TraceEvent => ({
  name,
  ph: 'X',
  ts,
  dur: ms * 1000,
  pid: 1,
  tid,
  args: { data: { url } },
});

describe('trace attribution', () => {
  it('merges overlapping intervals', () => {
    expect(
      unionLength([
        [0, 10],
        [5, 20],
        [30, 40],
        [32, 35],
      ]),
    ).toBe(30);
  });

  it('marks long tasks that ran extension script and sums extension script time', () => {
    const events = [
      meta(10, 'CrRendererMain'),
      meta(11, 'Compositor'),
      task(0, 80),
      script('EvaluateScript', 1_000, 70, 'https://acme.zendesk.com/app.js'),
      task(100_000, 60),
      script('EvaluateScript', 101_000, 30, `${EXT}/content-scripts/page.js`),
      script('v8.compile', 101_500, 5, `${EXT}/content-scripts/page.js`),
      script('FunctionCall', 140_000, 10, `${EXT}/content-scripts/page.js`),
      task(200_000, 20),
      script('FunctionCall', 201_000, 4, `${EXT}/content-scripts/page.js`),
      // Another thread: ignored.
      task(0, 500, 11),
      script('FunctionCall', 1_000, 400, `${EXT}/content-scripts/page.js`, 11),
    ];
    const result = attributeTrace(events, EXT);
    expect(result.longTasks).toEqual([
      { ms: 80, extension: false, extensionMs: 0 },
      { ms: 60, extension: true, extensionMs: 40 },
    ]);
    expect(result.extensionScriptMs).toBe(44);
    expect(result.scriptMs).toBe(114);
    expect(result.longestTaskMs).toBe(80);
  });

  it('counts a long task nested in another once', () => {
    const events = [meta(10, 'CrRendererMain'), task(0, 100), task(10, 60)];
    expect(attributeTrace(events, EXT).longTasks).toHaveLength(1);
    const same = [
      meta(10, 'CrRendererMain'),
      task(0, 70),
      { ...task(0, 70), name: 'ThreadControllerImpl::RunTask' },
    ];
    expect(attributeTrace(same, EXT).longTasks).toHaveLength(1);
  });
});
