/**
 * The resolve timing loop of `npm run bench:anchors`, run as is in Node + jsdom and, bundled, in
 * Chromium: anchors (and DevTools-copied selectors, the baseline) are made for a sample of the
 * page's elements, then resolved on the same page — "cold" right after a change to the page
 * (nothing the resolver learnt about it is kept; "coldAgain" the same in a second pass), "fresh"
 * for an anchor not resolved on the page yet (the next tip of a page), "warm" for the same anchor
 * again on an unchanged page (what beacons re-resolving every second mostly see).
 */
import { createAnchor, narrowing, pickInScope, resolveAnchor } from '../../lib/anchors';
import { copySelector, resolveSelector } from '../../lib/anchors/scenarios/devtools-selector';

interface Samples {
  cold: number[];
  /**
   * `cold` again in a second pass over the page's anchors: the same change before each, but the
   * resolver's code already run on the page (the bench adds it to each page afresh, so the first
   * pass includes the engine compiling it, as a page's first tips do).
   */
  coldAgain: number[];
  fresh: number[];
  warm: number[];
  /** Right after a change to an attribute the resolver never reads (`style`). */
  unread: number[];
}

export interface Timing {
  elements: number;
  targets: number;
  /** How many anchors resolved back to their own element (ours / baseline). */
  resolved: { ours: number; baseline: number };
  ours: Samples;
  baseline: Samples;
  /**
   * The engine's floor: one `querySelectorAll('button')` right after the same kind of change, the
   * least a resolve that looks at the page at all can cost (jsdom walks every element in JS).
   */
  floor: number[];
}

/**
 * Plugs in the narrowing by container, as the extension does on large pages: called in Chromium,
 * where selector queries are native (lib/anchors/index.ts says why not in jsdom).
 */
export function plugNarrowing(): void {
  narrowing.pick = pickInScope;
}

const SAMPLE = 'button, a[href], input, select, textarea, [role="button"], h2, th';

/** `count` elements spread evenly over the page, of the kinds tips are put on. */
function sampleTargets(document: Document, count: number): Element[] {
  const all = Array.from(document.querySelectorAll(SAMPLE));
  const step = Math.max(1, Math.floor(all.length / count));
  return all.filter((_, i) => i % step === 0).slice(0, count);
}

function timed(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

export function measure(document: Document, count: number, rounds: number): Timing {
  const targets = sampleTargets(document, count);
  const anchors = targets.map(
    (target) => JSON.parse(JSON.stringify(createAnchor(target))) as unknown,
  );
  const selectors = targets.map(copySelector);
  const timing: Timing = {
    elements: document.getElementsByTagName('*').length,
    targets: targets.length,
    resolved: { ours: 0, baseline: 0 },
    ours: { cold: [], coldAgain: [], fresh: [], warm: [], unread: [] },
    baseline: { cold: [], coldAgain: [], fresh: [], warm: [], unread: [] },
    floor: [],
  };
  targets.forEach((target, i) => {
    // A change anywhere on the page to something the resolver reads: it starts afresh.
    document.body.setAttribute('class', `bench-${i}`);
    timing.ours.cold.push(timed(() => resolveAnchor(anchors[i], document)));
    document.body.setAttribute('class', `bench-${i}b`);
    timing.baseline.cold.push(timed(() => resolveSelector(selectors[i], document)));
    document.body.setAttribute('class', `bench-${i}c`);
    timing.floor.push(timed(() => document.querySelectorAll('button').length));
    // Page unchanged, but this anchor not resolved on it yet: what a page with many tips costs.
    const next = (i + 1) % targets.length;
    timing.ours.fresh.push(timed(() => resolveAnchor(anchors[next], document)));
    timing.baseline.fresh.push(timed(() => resolveSelector(selectors[next], document)));
    if (resolveAnchor(anchors[i], document) === target) timing.resolved.ours += 1;
    if (resolveSelector(selectors[i], document) === target) timing.resolved.baseline += 1;
  });
  targets.forEach((_, i) => {
    document.body.setAttribute('class', `bench-${i}d`);
    timing.ours.coldAgain.push(timed(() => resolveAnchor(anchors[i], document)));
    document.body.setAttribute('class', `bench-${i}e`);
    timing.baseline.coldAgain.push(timed(() => resolveSelector(selectors[i], document)));
  });
  // Every anchor resolved once on the page as it now stands, so that each round measures repeats.
  anchors.forEach((anchor) => resolveAnchor(anchor, document));
  for (let round = 0; round < rounds; round += 1) {
    targets.forEach((_, i) => {
      // Pages rewrite styles all the time; what the resolver learnt stays true.
      document.body.setAttribute('style', `--bench: ${round}-${i}`);
      timing.ours.unread.push(timed(() => resolveAnchor(anchors[i], document)));
      document.body.setAttribute('style', `--bench: ${round}-${i}b`);
      timing.baseline.unread.push(timed(() => resolveSelector(selectors[i], document)));
      timing.ours.warm.push(timed(() => resolveAnchor(anchors[i], document)));
      timing.baseline.warm.push(timed(() => resolveSelector(selectors[i], document)));
    });
  }
  return timing;
}

type Resolver = { resolveAnchor: typeof resolveAnchor };

export interface BeforeAfter {
  ours: number[];
  before: number[];
  /** Anchors the two resolvers answered differently (should be 0 for an exact speed-up). */
  differ: number;
}

/**
 * Cold resolves (right after a change the resolver reads) of the same anchors by this tree's
 * resolver and an earlier one (`BENCH_ANCHOR_BEFORE`), alternating which goes first, so that
 * both see the same load on a shared machine.
 */
export function beforeAfter(document: Document, count: number, before: Resolver): BeforeAfter {
  const targets = sampleTargets(document, count);
  const anchors = targets.map((t) => JSON.parse(JSON.stringify(createAnchor(t))) as unknown);
  const result: BeforeAfter = { ours: [], before: [], differ: 0 };
  anchors.forEach((anchor, i) => {
    const answers: (Element | null)[] = [];
    const order = i % 2 === 0 ? (['ours', 'before'] as const) : (['before', 'ours'] as const);
    for (const who of order) {
      document.body.setAttribute('class', `bench-${who}-${i}`);
      const resolver = who === 'ours' ? resolveAnchor : before.resolveAnchor;
      result[who].push(timed(() => answers.push(resolver(anchor, document))));
    }
    if (answers[0] !== answers[1]) result.differ += 1;
  });
  return result;
}
