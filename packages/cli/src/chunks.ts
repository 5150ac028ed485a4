import { dateOfDay, dayNumber, type Period } from './period.js';

/** Splits a period into consecutive periods of at most `maxDays` days: no day left out, none twice. */
export function splitPeriod(period: Period, maxDays: number): Period[] {
  const chunks: Period[] = [];
  const last = dayNumber(period.end);
  for (let start = dayNumber(period.start); start <= last; start += maxDays) {
    chunks.push({ start: dateOfDay(start), end: dateOfDay(Math.min(start + maxDays - 1, last)) });
  }
  return chunks;
}
