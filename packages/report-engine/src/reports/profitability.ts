import { firstOfMonth, firstOfQuarter, HOUR, type IsoDate, mondayOf } from '../calendar.ts';
import type { Entry, User, Workspace } from '../data/report-data.ts';
import type { components } from '../generated/openapi.ts';
import { type Period, periodOf } from '../request/period.ts';
import { roundingOf } from '../request/rounding.ts';
import { compareText } from '../text-order.ts';
import { cellStyle } from './cell-style.ts';
import { groupBy, type PricedEntry, priceEntries, sumOf } from './priced-entries.ts';
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
  const cost = [...byUser].reduce(
    (sum, [userId, own]) =>
      sum +
      labourCostCents(
        workspace.users.get(userId),
        sumOf(own, (member) => member.seconds),
      ),
    0,
  );
  return [
    sumOf(members, (member) => member.seconds),
    sumOf(members, (member) => (member.entry.billable ? member.seconds : 0)),
    revenue,
    cost,
    revenue - cost,
  ];
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
  subjectOf(entry: Entry): number;
  /** Subjects in the order their rows come. */
  order(a: Entry, b: Entry): number;
  keep(entry: Entry): boolean;
}

/** One row per subject, or with `resolution` one per subject and period, each with the profitability figures. */
function profitabilityReport({ input, title, subjectColumns, subjectCells, subjectOf, order, keep }: Breakdown): Report {
  const { workspace, body, format } = input;
  checkCurrency('currency', body.currency, workspace);
  const period = periodOf(body, input.today);
  const priced = priceEntries(workspace.entriesBetween(period.start, period.end).filter(keep), workspace, roundingOf(body, workspace));
  const { resolution } = body;
  const rowKey = (member: PricedEntry) =>
    `${subjectOf(member.entry)} ${resolution ? bucketOf(member.entry.start.date, resolution, period) : ''}`;
  const rows = [...groupBy(priced, rowKey).values()]
    .sort(
      (a, b) =>
        order((a[0] as PricedEntry).entry, (b[0] as PricedEntry).entry) ||
        compareText(rowKey(a[0] as PricedEntry), rowKey(b[0] as PricedEntry)),
    )
    .map((members): Cell[] => {
      const first = (members[0] as PricedEntry).entry;
      return [
        ...subjectCells(first),
        ...(resolution ? [bucketOf(first.start.date, resolution, period)] : []),
        ...figures(members, workspace),
      ];
    });
  return {
    ...naming(input, title),
    notes: [LABOUR_COST_NOTE],
    period,
    workspace,
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

const inSet = (ids: readonly (number | null)[] | undefined) => (ids && ids.length > 0 ? new Set(ids) : undefined);

/** Per member who tracked time in the period: what their time earned and cost. */
export function employeeProfitabilityReport(input: ReportInput<EmployeesBody>): Report {
  const { workspace, body } = input;
  const users = inSet(body.user_ids);
  const groups = inSet(body.group_ids);
  const userOf = (entry: Entry) => workspace.users.get(entry.userId);
  const nameOf = (entry: Entry) => userOf(entry)?.name ?? '';
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
      const groupNames = (user?.groupIds ?? []).map((id) => workspace.groups.get(id)?.name ?? '').sort(compareText);
      return [user?.name ?? null, user?.email || null, groupNames.join(', ') || null];
    },
    subjectOf: (entry) => entry.userId,
    order: (a, b) => compareText(nameOf(a), nameOf(b)) || a.userId - b.userId,
    keep: (entry) =>
      (users === undefined || users.has(entry.userId)) &&
      (groups === undefined || (userOf(entry)?.groupIds ?? []).some((id) => groups.has(id))),
  });
}

/** Per project with time in the period: its revenue, labour cost and profit. Time without a project is left out. */
export function projectProfitabilityReport(input: ReportInput<ProjectsBody>): Report {
  const { workspace, body } = input;
  const projectIds = inSet(body.project_ids);
  const clientIds = inSet(body.client_ids);
  const projectOf = (entry: Entry) => (entry.projectId === null ? undefined : workspace.projects.get(entry.projectId));
  const nameOf = (entry: Entry) => projectOf(entry)?.name ?? '';
  return profitabilityReport({
    input,
    title: 'Project profitability',
    subjectColumns: [
      { header: 'Project', kind: 'text' },
      { header: 'Client', kind: 'text' },
    ],
    subjectCells: (entry) => {
      const project = projectOf(entry);
      return [
        project?.name ?? null,
        project?.clientId === null || project === undefined ? null : (workspace.clients.get(project.clientId)?.name ?? null),
      ];
    },
    subjectOf: (entry) => entry.projectId ?? 0,
    order: (a, b) => compareText(nameOf(a), nameOf(b)) || (a.projectId ?? 0) - (b.projectId ?? 0),
    keep: (entry) => {
      const project = projectOf(entry);
      if (project === undefined) return false;
      return (
        (projectIds === undefined || projectIds.has(project.id)) &&
        (clientIds === undefined || clientIds.has(project.clientId)) &&
        (body.billable === undefined || project.billable === body.billable)
      );
    },
  });
}
