import { addDays } from '../calendar.ts';
import type { Report } from '../reports/report.ts';

/**
 * The moment an XLSX or PDF file says it was made: the morning after the report's period, not
 * the clock, so that the same request always gets the same bytes.
 */
export const exportedAt = (report: Report): Date => new Date(`${addDays(report.period.end, 1)}T09:00:00Z`);
