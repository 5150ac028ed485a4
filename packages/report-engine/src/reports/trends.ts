import { addDays, dayCount } from '../calendar.ts';
import type { components } from '../generated/openapi.ts';
import { groupBy } from '../group-by.ts';
import { projectFilter } from '../request/filters.ts';
import { type Period, periodOf, requestDate } from '../request/period.ts';
import { roundingOf } from '../request/rounding.ts';
import { compareNames } from '../text-order.ts';
import { cellStyle } from './cell-style.ts';
import { priceEntries, secondsOf } from './priced-entries.ts';
import type { Cell, Column, Report } from './report.ts';
import { naming, type ReportInput } from './report-input.ts';

export type TrendsBody = components['schemas']['ProjectTrendsExportRequest'];

/**
 * Per project, the time tracked in the period next to the time tracked in an earlier period of
 * the same length: from `previous_period_start`, or else the days just before. The columns are
 * the fields of Toggl's trends data (spec/DEVIATIONS.md, entry 17); User IDs are the members
 * who tracked time on the project in the current period.
 */
export function projectTrendsReport(input: ReportInput<TrendsBody>): Report {
  const { workspace, body, format } = input;
  const current = periodOf(body, input.today);
  const length = dayCount(current.start, current.end);
  const previousStart =
    body.previous_period_start === undefined
      ? addDays(current.start, -length)
      : requestDate('previous_period_start', body.previous_period_start);
  const previous: Period = { start: previousStart, end: addDays(previousStart, length - 1) };
  const keep = projectFilter(body, workspace);
  const rounding = roundingOf(body, workspace);
  const pricedIn = (period: Period) =>
    groupBy(
      priceEntries(workspace.entriesBetween(period.start, period.end).filter(keep), workspace, rounding),
      (member) => member.entry.projectId as number,
    );
  const now = pricedIn(current);
  const before = pricedIn(previous);

  const projects = [...new Set([...now.keys(), ...before.keys()])]
    .map((id) => workspace.projects.get(id))
    .filter((project) => project !== undefined)
    .sort((a, b) => compareNames(a.name, b.name) || a.id - b.id);
  const rows = projects.map((project): Cell[] => {
    const userIds = [...new Set((now.get(project.id) ?? []).map((member) => member.entry.userId))].sort((a, b) => a - b);
    return [
      project.id,
      project.name,
      current.start,
      secondsOf(now.get(project.id) ?? []),
      secondsOf(before.get(project.id) ?? []),
      userIds.join(', ') || null,
    ];
  });
  const columns: Column[] = [
    { header: 'Project ID', kind: 'integer' },
    { header: 'Project', kind: 'text' },
    { header: 'Period start', kind: 'date' },
    { header: 'Current period (seconds)', kind: 'integer', summed: true },
    { header: 'Previous period (seconds)', kind: 'integer', summed: true },
    { header: 'User IDs', kind: 'text' },
  ];
  const style = cellStyle({}, format);
  return {
    ...naming(input, 'Project trends'),
    notes: [`Compared with the previous period, ${previous.start} to ${previous.end}.`],
    period: current,
    table: { columns, rows },
    style,
  };
}
