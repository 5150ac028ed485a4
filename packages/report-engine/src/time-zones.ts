import { tzOffset } from '@date-fns/tz';
import { dateOfDayNumber, dayNumber, SECONDS_PER_DAY, type IsoDate, type LocalMoment } from './calendar.ts';

/*
 * Reports show each time entry in its user's local time. Asking Intl for a zone's offset costs
 * microseconds, which a dataset of 200,000 entries would pay twice per entry; offsets only
 * change on the quarter hour (every zone's transitions fall on one), so they are kept per
 * zone and quarter hour.
 */

const QUARTER_HOUR_MS = 15 * 60 * 1000;
const offsets = new Map<string, Map<number, number>>();

/** Minutes the zone is ahead of UTC at that instant. */
function offsetMinutes(timeZone: string, epochMs: number): number {
  let zone = offsets.get(timeZone);
  if (!zone) offsets.set(timeZone, (zone = new Map()));
  const quarter = Math.floor(epochMs / QUARTER_HOUR_MS);
  let offset = zone.get(quarter);
  if (offset === undefined) zone.set(quarter, (offset = tzOffset(timeZone, new Date(quarter * QUARTER_HOUR_MS))));
  return offset;
}

/** Whether Intl knows the zone, e.g. `Europe/Tallinn` or `UTC`. */
export const isTimeZone = (name: string): boolean => !Number.isNaN(tzOffset(name, new Date(0)));

/** The local date and time of day, to the second, of an instant in a zone. */
export function localMoment(epochMs: number, timeZone: string): LocalMoment {
  const localSeconds = Math.floor(epochMs / 1000) + offsetMinutes(timeZone, epochMs) * 60;
  const day = Math.floor(localSeconds / SECONDS_PER_DAY);
  return { date: dateOfDayNumber(day), seconds: localSeconds - day * SECONDS_PER_DAY };
}

/**
 * The instant at which a zone's clocks show `seconds` past midnight of `date`. A time that a
 * spring-forward gap skips is read with the offset from before the gap.
 */
export function instantOf(date: IsoDate, seconds: number, timeZone: string): number {
  const asIfUtc = (dayNumber(date) * SECONDS_PER_DAY + seconds) * 1000;
  const guess = asIfUtc - offsetMinutes(timeZone, asIfUtc) * 60_000;
  return asIfUtc - offsetMinutes(timeZone, guess) * 60_000;
}
