import { addDays, type IsoDate, pad2, weekday } from '../../calendar.ts';
import { remembered } from '../../memo.ts';

/*
 * The days the sample studio (in the United States) is closed, for any year: New Year's Day,
 * Memorial Day, Independence Day, Labor Day, Thanksgiving and the Friday after, and Christmas.
 * A fixed-date holiday on a weekend is taken on the nearest weekday, as US employers do.
 */

/** The `nth` (1-based; -1 for the last) given weekday (0 Sunday … 6 Saturday) of a month. */
function nthWeekday(year: number, month: number, day: number, nth: number): IsoDate {
  if (nth < 0) {
    const last = addDays(`${year + (month === 12 ? 1 : 0)}-${pad2((month % 12) + 1)}-01`, -1);
    return addDays(last, -((weekday(last) - day + 7) % 7));
  }
  const first = `${year}-${pad2(month)}-01`;
  return addDays(first, ((day - weekday(first) + 7) % 7) + 7 * (nth - 1));
}

/** A Saturday holiday is taken on the Friday before it, a Sunday one on the Monday after. */
function observed(date: IsoDate): IsoDate {
  const day = weekday(date);
  return day === 6 ? addDays(date, -1) : day === 0 ? addDays(date, 1) : date;
}

const byYear = new Map<number, ReadonlySet<IsoDate>>();

function holidaysOf(year: number): ReadonlySet<IsoDate> {
  const thanksgiving = nthWeekday(year, 11, 4, 4);
  return new Set([
    observed(`${year}-01-01`),
    nthWeekday(year, 5, 1, -1),
    observed(`${year}-07-04`),
    nthWeekday(year, 9, 1, 1),
    thanksgiving,
    addDays(thanksgiving, 1),
    observed(`${year}-12-25`),
  ]);
}

export function isHoliday(date: IsoDate): boolean {
  const year = Number(date.slice(0, 4));
  const holidays = remembered(byYear, year, () => holidaysOf(year));
  // New Year's Day on a Saturday is taken on the last day of the year before.
  return holidays.has(date) || (date.endsWith('-12-31') && observed(`${year + 1}-01-01`) === date);
}
