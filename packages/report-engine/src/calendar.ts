import { remembered } from './memo.ts';

/** A calendar date, `YYYY-MM-DD`. Dates are computed in UTC so that no machine's time zone leaks in. */
export type IsoDate = string;

export const MINUTE = 60;
export const HOUR = 3600;
export const SECONDS_PER_DAY = 24 * HOUR;
export const MS_PER_DAY = SECONDS_PER_DAY * 1000;

/** Days since 1970-01-01 (negative before it). */
export const dayNumber = (date: IsoDate): number => Date.parse(`${date}T00:00:00Z`) / MS_PER_DAY;

/**
 * Reports name the same few hundred days over and over (every entry's start and end), so each
 * day's text is made once: this saves a Date per entry and keeps one string per day in memory.
 */
const dayNames = new Map<number, IsoDate>();
const MAX_DAY_NAMES = 100_000;

export const dateOfDayNumber = (day: number): IsoDate =>
  remembered(dayNames, day, () => new Date(day * MS_PER_DAY).toISOString().slice(0, 10), MAX_DAY_NAMES);

export const addDays = (date: IsoDate, days: number): IsoDate => dateOfDayNumber(dayNumber(date) + days);

/** Number of days from `start` to `end`, both included. */
export const dayCount = (start: IsoDate, end: IsoDate): number => dayNumber(end) - dayNumber(start) + 1;

/** Every date from `start` to `end`, both included. */
export function datesBetween(start: IsoDate, end: IsoDate): IsoDate[] {
  const first = dayNumber(start);
  return Array.from({ length: Math.max(0, dayNumber(end) - first + 1) }, (_, offset) => dateOfDayNumber(first + offset));
}

/** 0 for Sunday through 6 for Saturday. */
export const weekday = (date: IsoDate): number => new Date(dayNumber(date) * MS_PER_DAY).getUTCDay();

export const WEEKDAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

/** The Monday on or before `date`. */
export const mondayOf = (date: IsoDate): IsoDate => addDays(date, -((weekday(date) + 6) % 7));

export const firstOfMonth = (date: IsoDate): IsoDate => `${date.slice(0, 8)}01`;

export function firstOfQuarter(date: IsoDate): IsoDate {
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 5)}${pad2(month - ((month - 1) % 3))}-01`;
}

/** At least two digits: `7` → `07`. */
export const pad2 = (value: number): string => (value < 10 ? `0${value}` : String(value));

/** A moment as a local calendar date and the seconds since that date's midnight. */
export interface LocalMoment {
  date: IsoDate;
  seconds: number;
}

/** The moment `seconds` after the local midnight of `date`, carried into the following days as needed. */
export function laterOn(date: IsoDate, seconds: number): LocalMoment {
  const days = Math.floor(seconds / SECONDS_PER_DAY);
  return { date: days === 0 ? date : addDays(date, days), seconds: seconds - days * SECONDS_PER_DAY };
}
