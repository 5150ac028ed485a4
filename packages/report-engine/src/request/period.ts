import { addDays, dayCount, type IsoDate } from '../calendar.ts';
import { RequestError } from './request-error.ts';

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
 * The period a body asks for. Without `end_date` it is the week from `start_date`; without
 * `start_date` the week up to `end_date`; without either, the week up to `today`. Longer than
 * a year is refused, as Toggl refuses it.
 */
export function periodOf(body: { start_date?: string; end_date?: string }, today: IsoDate): Period {
  const { start_date: start, end_date: end } = body;
  const period =
    start !== undefined && end !== undefined
      ? { start, end }
      : start !== undefined
        ? { start, end: addDays(start, DEFAULT_DAYS - 1) }
        : { start: addDays(end ?? today, 1 - DEFAULT_DAYS), end: end ?? today };
  if (period.end < period.start) throw new RequestError(`Invalid 'end_date' value, must not be before 'start_date'`);
  const days = dayCount(period.start, period.end);
  if (days > MAX_PERIOD_DAYS) {
    throw new RequestError(
      `The period ${period.start} to ${period.end} is ${days} days long; a report covers at most ${MAX_PERIOD_DAYS} days`,
    );
  }
  return period;
}
