import type { LocalMoment } from '../calendar.ts';
import { byStart } from '../data/entries-by-date.ts';
import type { Workspace } from '../data/report-data.ts';
import type { components } from '../generated/openapi.ts';
import { groupBy } from '../group-by.ts';
import { periodOf } from '../request/period.ts';
import { compareNameKeys, type NameKey, nameKey } from '../text-order.ts';
import { cellStyle } from './cell-style.ts';
import { amountOf, type PricedEntry, pricedSelection, secondsOf } from './priced-entries.ts';
import type { Cell, Column, Report } from './report.ts';
import { inCurrency, naming, type ReportInput } from './report-input.ts';

export type DetailedBody = components['schemas']['DetailedReportExportRequest'] &
  Partial<components['schemas']['DetailedReportPdfExportRequest']>;

/**
 * One row of the detailed report: a time entry, or several similar ones when `grouped`, which
 * then show as their first entry (its user, project, task, description, billable flag, tags and
 * start) ending when the last one ends.
 */
type Line = PricedEntry;

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
    const end = members.reduce((later, { entry }) => laterMoment(later, entry.end), first.entry.end);
    const updatedAt = Math.max(...members.map(({ entry }) => entry.updatedAt));
    return { ...first, entry: { ...first.entry, end, updatedAt }, seconds: secondsOf(members), amountCents: amountOf(members) };
  });
}

type OrderBy = NonNullable<DetailedBody['order_by']>;

/** What each order sorts the lines by before their start; `date` is none, as lines come by their start already. */
const sortKeys: Record<Exclude<OrderBy, 'date'>, (line: Line, workspace: Workspace) => NameKey | number> = {
  user: ({ entry }, workspace) => nameKey(workspace.users.get(entry.userId)?.name ?? ''),
  duration: ({ seconds }) => seconds,
  description: ({ entry }) => nameKey(entry.description),
  last_update: ({ entry }) => entry.updatedAt,
};

/** Two keys of the same order: numbers by value, names ignoring case first. */
const compareKeys = (a: NameKey | number, b: NameKey | number): number =>
  typeof a === 'number' ? a - (b as number) : compareNameKeys(a, b as NameKey);

/** The lines in `order_by` order, those of the same key by their start. */
function ordered(lines: readonly Line[], orderBy: Exclude<OrderBy, 'date'>, workspace: Workspace): Line[] {
  const keyOf = sortKeys[orderBy];
  const keyed = lines.map((line) => ({ line, key: keyOf(line, workspace) }));
  return keyed.sort((a, b) => compareKeys(a.key, b.key) || byStart(a.line.entry, b.line.entry)).map(({ line }) => line);
}

function detailedColumns(workspace: Workspace, hideAmounts: boolean): Column[] {
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
  const priced = pricedSelection(body, workspace, period);
  const grouped = body.grouped ? groupSimilar(priced) : priced;
  const orderBy = body.order_by ?? 'date';
  // Entries (and groups of them, by their first) come by date already: sorting a year of them again costs more than the rest of the report.
  const lines = orderBy === 'date' ? grouped : ordered(grouped, orderBy, workspace);
  if (body.order_dir === 'DESC') lines.reverse();

  const hideAmounts = body.hide_amounts === true;
  const columns = detailedColumns(workspace, hideAmounts);
  const rows = lines.map(({ entry, seconds, amountCents }): Cell[] => {
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
      entry.start.date,
      entry.start.seconds,
      entry.end.date,
      entry.end.seconds,
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
