import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { type Entry, format, type Vars } from '@/lib/i18n/format';

/** A catalogue entry, formatted (Playwright's loader cannot import the JSON catalogues). */
export function translator(locale: string): (key: string, vars?: Vars) => string {
  const path = join(import.meta.dirname, '..', '..', '..', 'lib', 'i18n', 'catalogues');
  const catalogue = JSON.parse(readFileSync(join(path, `${locale}.json`), 'utf8')) as Record<
    string,
    Entry
  >;
  return (key, vars) => {
    if (catalogue[key] === undefined) throw new Error(`no ${key} in the ${locale} catalogue`);
    return format(locale, catalogue[key], vars);
  };
}

/**
 * The visible elements matching `selector` that a reader could not fully see: a box reaching
 * past the viewport's sides, or a block whose text is wider than its box (cut off, or spilling
 * over its neighbour). Each is named by its tag and first words, so a failure says what to fix.
 */
export async function clippedOrOutside(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll<HTMLElement>(sel)].flatMap((el) => {
      const box = el.getBoundingClientRect();
      // Not shown (or shown to screen readers only, in a 1 px box): nothing to read on screen.
      if (box.width <= 1 || box.height <= 1) return [];
      const name = `${el.tagName.toLowerCase()} “${(el.textContent ?? '').trim().slice(0, 40)}”`;
      const problems: string[] = [];
      if (box.left < -0.5 || box.right > width + 0.5)
        problems.push(`${name}: ${Math.round(box.left)}–${Math.round(box.right)} of ${width} px`);
      const block = getComputedStyle(el).display !== 'inline';
      const field = el.matches('input, textarea, select');
      if (block && !field && el.scrollWidth > el.clientWidth + 1)
        problems.push(`${name}: text ${el.scrollWidth} px wide in ${el.clientWidth} px`);
      return problems;
    });
  }, selector);
}

/** Pairs of the given boxes that overlap (by more than a pixel's rounding). */
export function overlapping(
  boxes: { name: string; box: { x: number; y: number; width: number; height: number } }[],
): string[] {
  const cross = (a: number, aSize: number, b: number, bSize: number) =>
    Math.min(a + aSize, b + bSize) - Math.max(a, b) > 1;
  return boxes.flatMap((a, i) =>
    boxes
      .slice(i + 1)
      .filter(
        (b) =>
          cross(a.box.x, a.box.width, b.box.x, b.box.width) &&
          cross(a.box.y, a.box.height, b.box.y, b.box.height),
      )
      .map((b) => `${a.name} overlaps ${b.name}`),
  );
}
