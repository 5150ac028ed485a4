import type { LocalMoment } from '../calendar.ts';
import { byStart } from '../data/entries-by-date.ts';
import type { Entry, Workspace } from '../data/report-data.ts';
import type { components } from '../generated/openapi.ts';
import { selectEntries } from '../request/filters.ts';
import { periodOf } from '../request/period.ts';
import { roundingOf } from '../request/rounding.ts';
import { compareText } from '../text-order.ts';
import { cellStyle } from './cell-style.ts';
import { groupBy, type PricedEntry, priceEntries, sumOf } from './priced-entries.ts';
import type { Cell, Column, Report } from './report.ts';
import { inCurrency, naming, type ReportInput } from './report-input.ts';

export type DetailedBody = components['schemas']['DetailedReportExportRequest'] &
  Partial<components['schemas']['DetailedReportPdfExportRequest']>;

/** One row of the detailed report: a time entry, or several similar ones when `grouped`. */
interface Line {
  /** The first of its entries, which gives the row its user, project, task, description, billable and tags. */
  entry: Entry;
  start: LocalMoment;
  end: LocalMoment;
  seconds: number;
  amountCents: number | null;
  updatedAt: number;
}

const laterMoment = (a: LocalMoment, b: LocalMoment): LocalMoment =>
  a.date > b.date || (a.date === b.date && a.seconds >= b.seconds) ? a : b;

/**
 * `grouped: true` merges the entries of a day that Toggl counts as similar: same user,
 * description, project, task, billable flag and tags. The row runs from the first one's start
 * to the last one's end, and holds their durations and amounts added up.
 */
function groupSimilar(priced: readonly PricedEntry[]): Line[] {
  const similar = groupBy(priced, ({ entry }) =>
    [entry.start.date, entry.userId, entry.description, entry.projectId, entry.taskId, entry.billable, entry.tagIds.join(',')].join(
      '\u0000',
    ),
  );
  return [...similar.values()].map((members) => {
    const first = members[0] as PricedEntry;
    const billable = first.amountCents !== null;
    return {
      entry: first.entry,
      start: first.entry.start,
      end: members.reduce((end, { entry }) => laterMoment(end, entry.end), first.entry.end),
      seconds: sumOf(members, (member) => member.seconds),
      amountCents: billable ? sumOf(members, (member) => member.amountCents) : null,
      updatedAt: Math.max(...members.map(({ entry }) => entry.updatedAt)),
    };
  });
}

type OrderBy = NonNullable<DetailedBody['order_by']>;

function lineOrder(orderBy: OrderBy, workspace: Workspace): (a: Line, b: Line) => number {
  const byDate = (a: Line, b: Line) => byStart(a.entry, b.entry);
  const userName = (line: Line) => workspace.users.get(line.entry.userId)?.name ?? '';
  const primary: Record<OrderBy, (a: Line, b: Line) => number> = {
    date: () => 0,
    user: (a, b) => compareText(userName(a), userName(b)),
    duration: (a, b) => a.seconds - b.seconds,
    description: (a, b) => compareText(a.entry.description.toLowerCase(), b.entry.description.toLowerCase()),
    last_update: (a, b) => a.updatedAt - b.updatedAt,
  };
  return (a, b) => primary[orderBy](a, b) || byDate(a, b);
}

export function detailedColumns(workspace: Workspace, hideAmounts: boolean): Column[] {
  return [
    { header: 'User', kind: 'text' },
    { header: 'Email', kind: 'text' },
    { header: 'Client', kind: 'text' },
    { header: 'Project', kind: 'text' },
    { header: 'Task', kind: 'text' },
    { header: 'Description', kind: 'text' },
    { header: 'Billable', kind: 'text' },
    { header: 'Start date', kind: 'date' },
    { header: 'Start time', kind: 'time' },
    { header: 'End date', kind: 'date' },
    { header: 'End time', kind: 'time' },
    { header: 'Duration', kind: 'duration', summed: true },
    { header: 'Tags', kind: 'text' },
    ...(hideAmounts ? [] : [{ header: inCurrency('Amount', workspace), kind: 'money', summed: true } satisfies Column]),
  ];
}

/** One row per time entry of the period that the filters keep (or per group of similar ones), in the order asked for. */
export function detailedReport(input: ReportInput<DetailedBody>): Report {
  const { workspace, body, format } = input;
  const period = periodOf(body, input.today);
  const selected = selectEntries(workspace.entriesBetween(period.start, period.end), body, workspace);
  const priced = priceEntries(selected, workspace, roundingOf(body, workspace));
  // A priced entry is a line of its own: it has every field a line has.
  const lines: Line[] = body.grouped ? groupSimilar(priced) : priced;
  const orderBy = body.order_by ?? 'date';
  // Entries (and groups of them, by their first) come by date already: sorting a year of them again costs more than the rest of the report.
  if (orderBy !== 'date') {
    const order = lineOrder(orderBy, workspace);
    lines.sort(order);
  }
  if (body.order_dir === 'DESC') lines.reverse();

  const hideAmounts = body.hide_amounts === true;
  const columns = detailedColumns(workspace, hideAmounts);
  const rows = lines.map(({ entry, start, end, seconds, amountCents }): Cell[] => {
    const user = workspace.users.get(entry.userId);
    const project = entry.projectId === null ? undefined : workspace.projects.get(entry.projectId);
    const cells: Cell[] = [
      user?.name ?? null,
      user?.email || null,
      project === undefined || project.clientId === null ? null : (workspace.clients.get(project.clientId)?.name ?? null),
      project?.name ?? null,
      entry.taskId === null ? null : (workspace.tasks.get(entry.taskId)?.name ?? null),
      entry.description || null,
      entry.billable ? 'Yes' : 'No',
      start.date,
      start.seconds,
      end.date,
      end.seconds,
      seconds,
      entry.tagIds.length === 0 ? null : entry.tagIds.map((id) => workspace.tags.get(id)?.name ?? '').join(', '),
      amountCents,
    ];
    if (hideAmounts) cells.length = columns.length;
    return cells;
  });
  return {
    ...naming(input, 'Detailed report'),
    notes: [],
    period,
    workspace,
    table: { columns, rows },
    pdfColumns: [
      'Start date',
      'Start time',
      'End time',
      'User',
      'Client',
      'Project',
      'Description',
      'Tags',
      'Duration',
      ...(hideAmounts ? [] : [inCurrency('Amount', workspace)]),
    ],
    style: cellStyle(body, format),
  };
}
