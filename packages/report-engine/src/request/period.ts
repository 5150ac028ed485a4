import { dateOfDayNumber, dayCount, dayNumber, type IsoDate } from '../calendar.ts';
import { describeValue } from '../data/dataset-problems.ts';
import { invalidValue, RequestError } from './request-error.ts';

/** The days a report covers, both included. */
export interface Period {
  start: IsoDate;
  end: IsoDate;
}

/** Toggl computes a report over at most a year: 366 days, so that a leap year fits. */
export const MAX_PERIOD_DAYS = 366;
/** A report asked for without one of its dates covers a week. */
const DEFAULT_DAYS = 7;

/**
 * The dates a body may name: from the Unix epoch to the end of 9998, so that every date a file
 * holds has four digits, the export moment (the day after the period) and the period a trends
 * report compares with included.
 */
const FIRST_DATE: IsoDate = '1970-01-01';
const LAST_DATE: IsoDate = '9998-12-31';
const FIRST_DAY = dayNumber(FIRST_DATE);
const LAST_DAY = dayNumber(LAST_DATE);

/** A date field of a body: a day of the calendar (no 30 February) from `FIRST_DATE` to `LAST_DATE`. */
export function requestDate(field: string, value: string): IsoDate {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value) && value >= FIRST_DATE && value <= LAST_DATE && dateOfDayNumber(dayNumber(value)) === value)
    return value;
  throw invalidValue(field, `must be a date from ${FIRST_DATE} to ${LAST_DATE}, not ${describeValue(value)}`);
}

/**
 * The period a body asks for. Without `end_date` it is the week from `start_date`; without
 * `start_date` the week up to `end_date`; without either, the week up to `today`. A week that
 * would reach past the dates a body may name is cut short there. Longer than a year is refused,
 * as Toggl refuses it.
 */
export function periodOf(body: { start_date?: string; end_date?: string }, today: IsoDate): Period {
  const start = body.start_date === undefined ? undefined : requestDate('start_date', body.start_date);
  const end = body.end_date === undefined ? undefined : requestDate('end_date', body.end_date);
  const period =
    start !== undefined && end !== undefined
      ? { start, end }
      : start !== undefined
        ? { start, end: dateOfDayNumber(Math.min(dayNumber(start) + DEFAULT_DAYS - 1, LAST_DAY)) }
        : { start: dateOfDayNumber(Math.max(dayNumber(end ?? today) + 1 - DEFAULT_DAYS, FIRST_DAY)), end: end ?? today };
  if (period.end < period.start) throw invalidValue('end_date', "must not be before 'start_date'");
  const days = dayCount(period.start, period.end);
  if (days > MAX_PERIOD_DAYS) {
    throw new RequestError(
      `The period ${period.start} to ${period.end} is ${days} days long; a report covers at most ${MAX_PERIOD_DAYS} days`,
    );
  }
  return period;
}
