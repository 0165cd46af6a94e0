import { addDays } from '@/lib/insights';

/**
 * Reading a period from daily rollups and their month twins (rollups.ts `monthTwins`, the learner
 * sets): whole calendar months inside the period come from one month row each, the days at its
 * ends from daily rows. A month is only read whole while retention has not begun to cut it.
 */

/** The last day of a 'YYYY-MM' month. */
const monthEnd = (month: string) => addDays(`${addDays(`${month}-28`, 4).slice(0, 7)}-01`, -1);

/**
 * How to read [from, to]: the whole months inside it that retention has not begun to cut (month ≥
 * `keptFrom` as text, the rule insight-prune.ts deletes month rows by), and the day runs left.
 */
export function periodParts(
  from: string,
  to: string,
  keptFrom: string,
): { months: string[]; days: [string, string][] } {
  const months: string[] = [];
  const days: [string, string][] = [];
  let start = from;
  for (let day = from; day <= to;) {
    const month = day.slice(0, 7);
    const end = monthEnd(month);
    if (day === `${month}-01` && end <= to && month >= keptFrom) {
      if (start < day) days.push([start, addDays(day, -1)]);
      months.push(month);
      start = addDays(end, 1);
    }
    day = addDays(end, 1);
  }
  if (start <= to) days.push([start, to]);
  return { months, days };
}
