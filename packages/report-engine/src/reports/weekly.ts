import { datesBetween, dayCount, WEEKDAY_NAMES, weekday } from '../calendar.ts';
import type { components } from '../generated/openapi.ts';
import { groupBy } from '../group-by.ts';
import { periodOf } from '../request/period.ts';
import { invalidValue, oneOf } from '../request/request-error.ts';
import { compareNameKeys, type NameKey, nameKey } from '../text-order.ts';
import { cellStyle, formatDate } from './cell-style.ts';
import { type Dimension, dimension } from './dimensions.ts';
import { amountOf, type PricedEntry, pricedSelection, secondsOf } from './priced-entries.ts';
import type { Cell, Column, Report } from './report.ts';
import { inCurrency, naming, type ReportInput } from './report-input.ts';

type Schemas = components['schemas'];
export type WeeklyBody = Schemas['WeeklyReportCsvExportRequest'] & Partial<Schemas['WeeklyReportPdfExportRequest']>;

/** The groupings the weekly report knows; Toggl documents none, so others are refused rather than guessed. */
export const WEEKLY_GROUPINGS = ['users', 'projects'] as const;
/** A weekly report covers one week at most. */
export const WEEKLY_MAX_DAYS = 7;

/**
 * One column per day of a week (at most seven days from `start_date`) and one row per user and
 * project (`grouping: users`, the default) or per project and user (`grouping: projects`),
 * split by task too with `group_by_task`. Cells hold the time tracked that day, or with
 * `calculate: amounts` what it earned; the last column is the row's total.
 */
export function weeklyReport(input: ReportInput<WeeklyBody>): Report {
  const { workspace, body, format } = input;
  const period = periodOf(body, input.today);
  if (dayCount(period.start, period.end) > WEEKLY_MAX_DAYS) {
    throw invalidValue(
      'end_date',
      `a weekly report covers at most ${WEEKLY_MAX_DAYS} days, and ${period.start} to ${period.end} is ${dayCount(period.start, period.end)}`,
    );
  }
  const grouping = oneOf('grouping', body.grouping, WEEKLY_GROUPINGS, 'users');
  const amounts = body.calculate === 'amounts';
  const dimensions: Dimension[] = [
    ...(grouping === 'users' ? (['users', 'projects'] as const) : (['projects', 'users'] as const)),
    ...(body.group_by_task ? (['tasks'] as const) : []),
  ].map((name) => dimension(name, workspace));

  const priced = pricedSelection(body, workspace, period);
  // A day without entries stays empty; time that rounds to nothing still shows, as 00:00:00.
  const value = (members: readonly PricedEntry[]): number | null => {
    if (amounts) return amountOf(members);
    return members.length === 0 ? null : secondsOf(members);
  };

  const rowKey = (member: PricedEntry) => JSON.stringify(dimensions.map((each) => each.keyOf(member.entry)));
  // Rows sort by each dimension's title in turn; a group without one (no project) comes after those with one.
  const sortKey = (members: PricedEntry[]) =>
    dimensions.map((each) => {
      const key = each.keyOf((members[0] as PricedEntry).entry);
      return nameKey(key === null ? '\uffff' : each.title(key));
    });
  const rowGroups = [...groupBy(priced, rowKey).values()]
    .map((members) => ({ members, titles: sortKey(members) }))
    .sort((a, b) => {
      for (let index = 0; index < a.titles.length; index += 1) {
        const order = compareNameKeys(a.titles[index] as NameKey, b.titles[index] as NameKey);
        if (order !== 0) return order;
      }
      return 0;
    })
    .map(({ members }) => members);

  const days = datesBetween(period.start, period.end);
  const style = cellStyle(body, format);
  const kind = amounts ? 'money' : 'duration';
  const columns: Column[] = [
    ...dimensions.flatMap((each) => each.columns),
    ...days.map((day): Column => ({ header: `${WEEKDAY_NAMES[weekday(day)]} ${formatDate(day, style.date)}`, kind, summed: true })),
    { header: amounts ? inCurrency('Total', workspace) : 'Total', kind, summed: true },
  ];
  const rows = rowGroups.map((members): Cell[] => {
    const first = (members[0] as PricedEntry).entry;
    const byDay = groupBy(members, (member) => member.entry.start.date);
    return [
      ...dimensions.flatMap((each) => each.cells(each.keyOf(first))),
      ...days.map((day) => value(byDay.get(day) ?? [])),
      value(members),
    ];
  });
  return {
    ...naming(input, 'Weekly report'),
    notes: amounts ? [`Amounts earned each day, in ${workspace.currency || "the workspace's currency"}.`] : [],
    period,
    table: { columns, rows },
    style,
  };
}
