import type { IsoDate } from '../calendar.ts';
import { compareText } from '../text-order.ts';
import type { Entry } from './report-data.ts';

/** The order of a report's rows before any other order is asked for: start date, start instant, ID. */
export const byStart = (a: Entry, b: Entry): number => compareText(a.start.date, b.start.date) || a.startsAt - b.startsAt || a.id - b.id;

/** First index whose entry starts on or after `date`. */
function firstOnOrAfter(entries: readonly Entry[], date: IsoDate): number {
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((entries[middle] as Entry).start.date < date) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Sorts the entries once and answers each period with a slice, found by binary search. */
export function entriesByDate(entries: Entry[]): (start: IsoDate, end: IsoDate) => readonly Entry[] {
  const sorted = entries.sort(byStart);
  return (start, end) => sorted.slice(firstOnOrAfter(sorted, start), firstOnOrAfter(sorted, `${end}~`));
}
