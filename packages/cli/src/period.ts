import { usageError } from './exit-codes.js';

/** The days a report covers, both included, as `YYYY-MM-DD`. */
export interface Period {
  start: string;
  end: string;
}

const DAY_MS = 86_400_000;

export const dayNumber = (date: string): number =>
  Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
export const dateOfDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
export const daysIn = (period: Period): number => dayNumber(period.end) - dayNumber(period.start) + 1;

/** Whether `value` is a `YYYY-MM-DD` that is a real day of the calendar. */
export const isCalendarDate = (value: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(value) && dateOfDay(dayNumber(value)) === value;

export function parseDate(flag: string, value: string): string {
  if (!isCalendarDate(value)) throw usageError(`${flag} ${JSON.stringify(value)} is not a date; use YYYY-MM-DD, e.g. 2026-01-31.`);
  return value;
}

function month(year: number, monthIndex: number): Period {
  const first = Date.UTC(year, monthIndex, 1) / DAY_MS;
  const next = Date.UTC(year, monthIndex + 1, 1) / DAY_MS;
  return { start: dateOfDay(first), end: dateOfDay(next - 1) };
}

export const periodNames = ['last-month', 'this-month', 'last-week', 'YYYY-MM'] as const;

/**
 * A named period, relative to `today` (the local date): a whole calendar month, this month up to
 * today, or the last week from Monday to Sunday.
 */
export function namedPeriod(name: string, today: string): Period {
  const [year, monthNumber] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  if (name === 'last-month') return month(year, monthNumber - 2);
  if (name === 'this-month') return { start: month(year, monthNumber - 1).start, end: today };
  if (name === 'last-week') {
    const day = dayNumber(today);
    // 1970-01-01 was a Thursday: day 0 is weekday 3 counted from Monday.
    const monday = day - ((day + 3) % 7) - 7;
    return { start: dateOfDay(monday), end: dateOfDay(monday + 6) };
  }
  const named = /^(\d{4})-(\d{2})$/.exec(name);
  if (named && Number(named[2]) >= 1 && Number(named[2]) <= 12) return month(Number(named[1]), Number(named[2]) - 1);
  throw usageError(`--period ${JSON.stringify(name)} is not a period; use ${periodNames.join(', ')} (e.g. 2026-03).`);
}

/** Today's date where the command runs (its TZ), as people mean "this month". */
export function localToday(now = new Date()): string {
  return dateOfDay(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) / DAY_MS);
}

export interface PeriodFlags {
  from?: string;
  to?: string;
  period?: string;
}

/**
 * The dates the flags ask for. `--from` alone runs to today; `--to` needs `--from`; without
 * either, the body (or Toggl's default, the last week) decides.
 */
export function periodFromFlags(flags: PeriodFlags, today: string): Partial<Period> {
  if (flags.period !== undefined) {
    if (flags.from !== undefined || flags.to !== undefined)
      throw usageError('--period cannot be combined with --from or --to; use one or the other.');
    return namedPeriod(flags.period, today);
  }
  if (flags.to !== undefined && flags.from === undefined)
    throw usageError('--to needs --from: give the first day too, e.g. --from 2026-01-01 --to 2026-01-31.');
  if (flags.from === undefined) return {};
  const period = { start: parseDate('--from', flags.from), end: flags.to === undefined ? today : parseDate('--to', flags.to) };
  if (period.end < period.start) throw usageError(`--to ${period.end} is before --from ${period.start}; the period must run forwards.`);
  return period;
}
