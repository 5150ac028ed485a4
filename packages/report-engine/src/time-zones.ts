import { tzOffset } from '@date-fns/tz';
import { dateOfDayNumber, dayNumber, type IsoDate, type LocalMoment, MS_PER_DAY, SECONDS_PER_DAY } from './calendar.ts';
import { remembered } from './memo.ts';

/*
 * Reports show each time entry in its user's local time. Asking Intl for a zone's offset costs
 * microseconds, which a dataset of 200,000 entries would pay twice per entry. Offsets change a
 * few times a year, always on a quarter hour: so the offset is kept per zone and UTC day, and a
 * day whose start and end differ (a day with a change) is looked up per quarter hour.
 */

const QUARTER_HOUR_MS = 15 * 60 * 1000;
/** Bounded, as each new day a request asks for adds to them. */
const MAX_KEPT = 200_000;

interface ZoneOffsets {
  /** A UTC day's offset, or `null` for a day with a change. */
  days: Map<number, number | null>;
  quarterHours: Map<number, number>;
}
const zones = new Map<string, ZoneOffsets>();

/** Minutes the zone is ahead of UTC at that instant. */
function offsetMinutes(timeZone: string, epochMs: number): number {
  const zone = remembered(zones, timeZone, (): ZoneOffsets => ({ days: new Map(), quarterHours: new Map() }));
  const day = Math.floor(epochMs / MS_PER_DAY);
  const whole = remembered(
    zone.days,
    day,
    () => {
      const first = tzOffset(timeZone, new Date(day * MS_PER_DAY));
      return first === tzOffset(timeZone, new Date((day + 1) * MS_PER_DAY - 1)) ? first : null;
    },
    MAX_KEPT,
  );
  if (whole !== null) return whole;
  const quarter = Math.floor(epochMs / QUARTER_HOUR_MS);
  return remembered(zone.quarterHours, quarter, () => tzOffset(timeZone, new Date(quarter * QUARTER_HOUR_MS)), MAX_KEPT);
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
