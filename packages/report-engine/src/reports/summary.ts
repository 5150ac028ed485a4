import type { Workspace } from '../data/report-data.ts';
import type { components } from '../generated/openapi.ts';
import { groupBy } from '../group-by.ts';
import { periodOf } from '../request/period.ts';
import { invalidValue } from '../request/request-error.ts';
import { compareNameKeys, nameKey } from '../text-order.ts';
import { cellStyle } from './cell-style.ts';
import { type Dimension, dimension, type GroupKey } from './dimensions.ts';
import { amountOf, type PricedEntry, pricedSelection, secondsOf } from './priced-entries.ts';
import type { Cell, Column, Report } from './report.ts';
import { checkCurrency, inCurrency, naming, type ReportInput } from './report-input.ts';

type Schemas = components['schemas'];
export type SummaryBody = Schemas['SummaryReportExportRequest'] & Partial<Schemas['SummaryReportPdfExportRequest']>;
type Audit = NonNullable<SummaryBody['audit']>;

/** With `collapse`, this many of the largest groups keep their rows; the rest are added up into one "Other" group. */
const COLLAPSE_KEPT_GROUPS = 5;
/** The key of the collapsed group: a symbol, as any text could be a description's group key too. */
const OTHER = Symbol('Other');
const OTHER_TITLE = 'Other';

interface Group {
  key: GroupKey | typeof OTHER;
  members: PricedEntry[];
}

/**
 * Sorts groups by title or by duration, as asked; the group of entries without one (no
 * project, no client, ...) comes last either way, as in Toggl's reports.
 */
function sortGroups<T extends { key: unknown; members: readonly PricedEntry[] }>(
  groups: readonly T[],
  title: (group: T) => string,
  body: SummaryBody,
): T[] {
  const byDuration = body.order_by === 'duration';
  const keyed = groups.map((group) => {
    const last = group.key === null || group.key === OTHER ? 1 : 0;
    return { group, last, seconds: byDuration ? secondsOf(group.members) : 0, name: nameKey(byDuration ? '' : title(group)) };
  });
  type Keyed = (typeof keyed)[number];
  const byField = byDuration ? (a: Keyed, b: Keyed) => a.seconds - b.seconds : (a: Keyed, b: Keyed) => compareNameKeys(a.name, b.name);
  const directed = body.order_dir === 'DESC' ? (a: Keyed, b: Keyed) => byField(b, a) : byField;
  return keyed.sort((a, b) => a.last - b.last || directed(a, b)).map(({ group }) => group);
}

/** Time Audit: which groups the report lists, by whether they have tracked time and by their totals. */
function auditedGroups(groups: Group[], grouping: Dimension, audit: Audit, workspace: Workspace): Group[] {
  const filter = audit.group_filter;
  checkCurrency('audit.group_filter.currency', filter?.currency, workspace);
  const tracked = audit.show_tracked_groups === false ? [] : groups;
  const present = new Set(groups.map((group) => group.key));
  const empty = audit.show_empty_groups
    ? grouping
        .allKeys()
        .filter((key) => !present.has(key))
        .map((key): Group => ({ key, members: [] }))
    : [];
  const within = (value: number, min: number | undefined, max: number | undefined) =>
    (min === undefined || value >= min) && (max === undefined || value <= max);
  return [...tracked, ...empty].filter(
    ({ members }) =>
      within(secondsOf(members), filter?.min_duration_seconds, filter?.max_duration_seconds) &&
      within(amountOf(members) ?? 0, filter?.min_amount_cents, filter?.max_amount_cents),
  );
}

/** `collapse`: the largest groups by duration stay; the others become one "Other" group. */
function collapsed(groups: Group[]): Group[] {
  if (groups.length <= COLLAPSE_KEPT_GROUPS) return groups;
  const largest = groups.map((group) => ({ group, seconds: secondsOf(group.members) })).sort((a, b) => b.seconds - a.seconds);
  const kept = new Set(largest.slice(0, COLLAPSE_KEPT_GROUPS).map(({ group }) => group));
  const others = groups.filter((group) => !kept.has(group));
  return [...groups.filter((group) => kept.has(group)), { key: OTHER, members: others.flatMap((group) => group.members) }];
}

/**
 * Time and amounts per group (`grouping`: projects, users or clients) and, inside each group,
 * per sub-group (`sub_grouping`: descriptions, users, clients, projects or tasks). The columns
 * name the group, then the sub-group, then Duration and the amount. Like Toggl's summary CSV,
 * it has no totals row; the PDF adds one.
 */
export function summaryReport(input: ReportInput<SummaryBody>): Report {
  const { workspace, body, format } = input;
  const groupingName = body.grouping ?? 'projects';
  const subName = body.sub_grouping ?? 'time_entries';
  if (subName === groupingName) throw invalidValue('sub_grouping', `must differ from 'grouping', which is '${groupingName}' too`);
  const grouping = dimension(groupingName, workspace);
  const subGrouping = dimension(subName, workspace);
  const period = periodOf(body, input.today);
  const priced = pricedSelection(body, workspace, period);

  let groups: Group[] = [...groupBy(priced, ({ entry }) => grouping.keyOf(entry))].map(([key, members]) => ({ key, members }));
  if (body.audit) groups = auditedGroups(groups, grouping, body.audit, workspace);
  if (body.collapse) groups = collapsed(groups);
  const groupTitle = (group: Group) => (group.key === OTHER ? OTHER_TITLE : grouping.title(group.key));
  groups = sortGroups(groups, groupTitle, body);

  // A sub-group column the group already shows (the client of a project) is not repeated.
  const shown = new Set(grouping.columns.map((column) => column.header));
  const subColumns = subGrouping.columns.map((column, index) => ({ column, index })).filter(({ column }) => !shown.has(column.header));
  const hideAmounts = body.hide_amounts === true;
  const showRates = body.distinguish_rates === true && body.hide_rates !== true;
  const columns: Column[] = [
    ...grouping.columns,
    ...subColumns.map(({ column }) => column),
    { header: 'Duration', kind: 'duration', summed: true },
    ...(hideAmounts ? [] : [{ header: inCurrency('Amount', workspace), kind: 'money', summed: true } satisfies Column]),
    ...(showRates ? [{ header: inCurrency('Rate', workspace), kind: 'money' } satisfies Column] : []),
  ];

  const rows: Cell[][] = [];
  for (const group of groups) {
    const groupCells = group.key === OTHER ? [OTHER_TITLE, ...grouping.columns.slice(1).map(() => null)] : grouping.cells(group.key);
    // distinguish_rates splits a sub-group by the hourly rate its time was billed at.
    const subKeyOf = (member: PricedEntry) =>
      `${JSON.stringify(subGrouping.keyOf(member.entry))} ${body.distinguish_rates ? member.rateCents : ''}`;
    const subGroups = [...groupBy(group.members, subKeyOf).values()].map((members) => ({
      key: subGrouping.keyOf((members[0] as PricedEntry).entry),
      members,
    }));
    if (subGroups.length === 0) subGroups.push({ key: null, members: [] });
    for (const sub of sortGroups(subGroups, (item) => subGrouping.title(item.key), body)) {
      const subCells = subGrouping.cells(sub.key);
      const rate = sub.members.find((member) => member.rateCents !== null)?.rateCents ?? null;
      rows.push([
        ...groupCells,
        ...subColumns.map(({ index }) => subCells[index] ?? null),
        secondsOf(sub.members),
        ...(hideAmounts ? [] : [amountOf(sub.members)]),
        ...(showRates ? [rate] : []),
      ]);
    }
  }
  return {
    ...naming(input, 'Summary report'),
    notes: [],
    period,
    table: { columns, rows },
    style: cellStyle(body, format),
  };
}
