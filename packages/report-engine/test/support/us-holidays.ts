// The sample studio's days off, computed here from the rules alone (README of the mock server:
// "people track time on every working day"; src says: New Year, Memorial Day, July 4, Labor Day,
// Thanksgiving and the Friday after, Christmas, a weekend holiday taken on the nearest weekday).

const iso = (date: Date): string => date.toISOString().slice(0, 10);
const utc = (year: number, month: number, day: number): Date => new Date(Date.UTC(year, month - 1, day));

/** Saturday → the Friday before, Sunday → the Monday after. */
function observed(date: Date): Date {
  const day = date.getUTCDay();
  if (day === 6) return new Date(date.getTime() - 86_400_000);
  if (day === 0) return new Date(date.getTime() + 86_400_000);
  return date;
}

/** The first Monday (weekday 1) etc. of a month, counting days one by one. */
function nth(year: number, month: number, weekday: number, count: number): Date {
  let seen = 0;
  for (let day = 1; day <= 31; day += 1) {
    const date = utc(year, month, day);
    if (date.getUTCMonth() !== month - 1) break;
    if (date.getUTCDay() === weekday && ++seen === count) return date;
  }
  throw new Error('no such day');
}

function last(year: number, month: number, weekday: number): Date {
  for (let day = 31; day >= 1; day -= 1) {
    const date = utc(year, month, day);
    if (date.getUTCMonth() === month - 1 && date.getUTCDay() === weekday) return date;
  }
  throw new Error('no such day');
}

/** The observed holidays that fall in a calendar year (New Year of the next year may fall on 31 December). */
export function holidaysIn(year: number): string[] {
  const thanksgiving = nth(year, 11, 4, 4);
  const days = [
    observed(utc(year, 1, 1)),
    last(year, 5, 1),
    observed(utc(year, 7, 4)),
    nth(year, 9, 1, 1),
    thanksgiving,
    new Date(thanksgiving.getTime() + 86_400_000),
    observed(utc(year, 12, 25)),
    observed(utc(year + 1, 1, 1)),
  ].map(iso);
  return [...new Set(days.filter((day) => day.startsWith(`${year}-`)))].sort();
}

const cache = new Map<number, Set<string>>();
export function isWorkingDay(date: string): boolean {
  const year = Number(date.slice(0, 4));
  let holidays = cache.get(year);
  if (!holidays) {
    holidays = new Set(holidaysIn(year));
    cache.set(year, holidays);
  }
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.has(date);
}
