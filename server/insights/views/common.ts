import type { SearchCounts } from '@/lib/insights/views';
import type { ScreenDay } from '../../store';
import { shareOf } from '../range';

/** Searches and failed searches with the failed share. */
export function searchCounts(searches: number, failed: number): SearchCounts {
  return { searches, failed, failed_rate: shareOf(failed, searches) };
}

/** Sums of the search columns of screen days. */
export function sumSearches(days: readonly ScreenDay[]): SearchCounts {
  let searches = 0;
  let failed = 0;
  for (const d of days) {
    searches += d.searches;
    failed += d.failed;
  }
  return searchCounts(searches, failed);
}

/** Groups values by a key, keeping first-seen order. */
export function groupBy<T>(values: Iterable<T>, key: (value: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const value of values) {
    const k = key(value);
    const group = groups.get(k);
    if (group === undefined) groups.set(k, [value]);
    else group.push(value);
  }
  return groups;
}

/** '' (none) as absent, for the views' optional app, screen and team. */
export const orNone = (value: string): string | undefined => (value === '' ? undefined : value);

/** Byte-wise string order, the same on every machine and backend. */
export const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The value at quantile q (0–1) of sorted numbers, interpolated. */
export function quantile(sorted: readonly number[], q: number): number {
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (at - low);
}
