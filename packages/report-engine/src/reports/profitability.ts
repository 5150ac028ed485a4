import { firstOfMonth, firstOfQuarter, HOUR, type IsoDate, mondayOf } from '../calendar.ts';
import type { Entry, User, Workspace } from '../data/report-data.ts';
import type { components } from '../generated/openapi.ts';
import { groupBy } from '../group-by.ts';
import { projectFilter, selectEntries } from '../request/filters.ts';
import { type Period, periodOf } from '../request/period.ts';
import { roundingOf } from '../request/rounding.ts';
import { compareNameKeys, compareNames, compareText, nameKey } from '../text-order.ts';
import { cellStyle } from './cell-style.ts';
import { dimension } from './dimensions.ts';
import { type PricedEntry, priceEntries, secondsOf, sumOf } from './priced-entries.ts';
import type { Cell, Column, Report } from './report.ts';
import { checkCurrency, inCurrency, naming, type ReportInput } from './report-input.ts';

type Schemas = components['schemas'];
export type EmployeesBody = Schemas['ProfitabilityEmployeesExportRequest'];
export type ProjectsBody = Schemas['ProfitabilityProjectsExportRequest'];
type Resolution = NonNullable<EmployeesBody['resolution']>;

const firstDayOf: Record<Resolution, (date: IsoDate) => IsoDate> = {
  day: (date) => date,
  week: mondayOf,
  month: firstOfMonth,
  quarter: firstOfQuarter,
};

/** The first day of the resolution's period (week from Monday, month, quarter) that holds `date`, no earlier than the report's start. */
const bucketOf = (date: IsoDate, resolution: Resolution, period: Period): IsoDate => {
  const first = firstDayOf[resolution](date);
  // biome-ignore lint/complexity/useMathMinMax: these are ISO dates, which compare as text; Math.max would make numbers of them.
  return first < period.start ? period.start : first;
};

const labourCostCents = (user: User | undefined, seconds: number): number => Math.round((seconds * (user?.laborCostCents ?? 0)) / HOUR);

/** Tracked and billable time, revenue, what the time cost in wages, and what is left. */
function figures(members: readonly PricedEntry[], workspace: Workspace): Cell[] {
  const revenue = sumOf(members, (member) => member.amountCents);
  const byUser = groupBy(members, (member) => member.entry.userId);
  const cost = [...byUser].reduce((sum, [userId, own]) => sum + labourCostCents(workspace.users.get(userId), secondsOf(own)), 0);
  return [secondsOf(members), sumOf(members, (member) => (member.entry.billable ? member.seconds : 0)), revenue, cost, revenue - cost];
}

function figureColumns(workspace: Workspace): Column[] {
  return [
    { header: 'Tracked hours', kind: 'hours', summed: true },
    { header: 'Billable hours', kind: 'hours', summed: true },
    { header: inCurrency('Revenue', workspace), kind: 'money', summed: true },
    { header: inCurrency('Labour cost', workspace), kind: 'money', summed: true },
    { header: inCurrency('Profit', workspace), kind: 'money', summed: true },
  ];
}

const LABOUR_COST_NOTE = "Labour cost is each member's tracked time at their hourly cost.";

interface Breakdown {
  input: ReportInput<EmployeesBody | ProjectsBody>;
  title: string;
  /** The columns that name a row's subject (a member, a project) and their cells. */
  subjectColumns: Column[];
  subjectCells(first: Entry): Cell[];
  /** The subject's ID; rows come by its name, then by this. */
  subjectOf(entry: Entry): number;
  nameOf(entry: Entry): string;
  /** The entries of the period that the body's filters keep. */
  select(entries: readonly Entry[]): readonly Entry[];
}

/** One row per subject, or with `resolution` one per subject and period, each with the profitability figures. */
function profitabilityReport({ input, title, subjectColumns, subjectCells, subjectOf, nameOf, select }: Breakdown): Report {
  const { workspace, body, format } = input;
  checkCurrency('currency', body.currency, workspace);
  const period = periodOf(body, input.today);
  const priced = priceEntries(select(workspace.entriesBetween(period.start, period.end)), workspace, roundingOf(body, workspace));
  const { resolution } = body;
  const bucketOfEntry = (entry: Entry) => (resolution ? bucketOf(entry.start.date, resolution, period) : '');
  const rows = [...groupBy(priced, (member) => `${subjectOf(member.entry)} ${bucketOfEntry(member.entry)}`).values()]
    .map((members) => {
      const first = (members[0] as PricedEntry).entry;
      return { members, first, name: nameKey(nameOf(first)), subject: subjectOf(first), bucket: bucketOfEntry(first) };
    })
    .sort((a, b) => compareNameKeys(a.name, b.name) || a.subject - b.subject || compareText(a.bucket, b.bucket))
    .map(({ members, first, bucket }): Cell[] => [...subjectCells(first), ...(resolution ? [bucket] : []), ...figures(members, workspace)]);
  return {
    ...naming(input, title),
    notes: [LABOUR_COST_NOTE],
    period,
    table: {
      columns: [
        ...subjectColumns,
        ...(resolution ? [{ header: 'Period', kind: 'date' } satisfies Column] : []),
        ...figureColumns(workspace),
      ],
      rows,
    },
    style: cellStyle({}, format),
  };
}

/** Per member who tracked time in the period: what their time earned and cost. */
export function employeeProfitabilityReport(input: ReportInput<EmployeesBody>): Report {
  const { workspace, body } = input;
  const { user_ids, group_ids } = body;
  const filters = { ...(user_ids && { user_ids }), ...(group_ids && { group_ids }) };
  const userOf = (entry: Entry) => workspace.users.get(entry.userId);
  return profitabilityReport({
    input,
    title: 'Employee profitability',
    subjectColumns: [
      { header: 'User', kind: 'text' },
      { header: 'Email', kind: 'text' },
      { header: 'Groups', kind: 'text' },
    ],
    subjectCells: (entry) => {
      const user = userOf(entry);
      const groupNames = (user?.groupIds ?? []).map((id) => workspace.groups.get(id)?.name ?? '').sort(compareNames);
      return [user?.name ?? null, user?.email || null, groupNames.join(', ') || null];
    },
    subjectOf: (entry) => entry.userId,
    nameOf: (entry) => userOf(entry)?.name ?? '',
    select: (entries) => selectEntries(entries, filters, workspace),
  });
}

/** Per project with time in the period: its revenue, labour cost and profit. Time without a project is left out. */
export function projectProfitabilityReport(input: ReportInput<ProjectsBody>): Report {
  const { workspace, body } = input;
  const projects = dimension('projects', workspace);
  const keep = projectFilter(body, workspace);
  return profitabilityReport({
    input,
    title: 'Project profitability',
    subjectColumns: projects.columns,
    subjectCells: (entry) => projects.cells(entry.projectId),
    subjectOf: (entry) => entry.projectId ?? 0,
    nameOf: (entry) => projects.title(entry.projectId),
    select: (entries) => entries.filter(keep),
  });
}
