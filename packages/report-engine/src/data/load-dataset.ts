import { groupBy } from '../group-by.ts';
import { compareNames } from '../text-order.ts';
import { isTimeZone, localMoment } from '../time-zones.ts';
import { type DatasetProblem, describeValue, epochOfDateTime, MAX_PROBLEMS, schemaProblems, singular } from './dataset-problems.ts';
import type { Dataset } from './dataset-schema.ts';
import { entriesByDate } from './entries-by-date.ts';
import type { Client, Entry, Group, Project, ReportData, Rounding, SavedReport, Tag, Task, User, Workspace } from './report-data.ts';

export type { DatasetProblem } from './dataset-problems.ts';

export type DatasetResult = { ok: true; data: ReportData } | { ok: false; problems: DatasetProblem[] };

type Item<K extends keyof Dataset> = NonNullable<Dataset[K]> extends readonly (infer T)[] ? T : never;

const cents = (rate: number | null | undefined): number | null => (rate === null || rate === undefined ? null : Math.round(rate * 100));

/**
 * Checks a dataset (its shape against the schema, then that every ID it refers to exists, IDs
 * are unique, zones are known and times add up) and turns it into report data. On failure, lists
 * up to ten problems, each with its JSON path.
 */
export function loadDataset(value: unknown): DatasetResult {
  const shapeProblems = schemaProblems(value);
  if (shapeProblems.length > 0) return { ok: false, problems: shapeProblems };
  const dataset = value as Dataset;
  const problems = new ProblemList();
  const ids = {
    workspaces: uniqueIds(dataset, 'workspaces', problems),
    users: uniqueIds(dataset, 'users', problems),
    groups: uniqueIds(dataset, 'groups', problems),
    clients: uniqueIds(dataset, 'clients', problems),
    projects: uniqueIds(dataset, 'projects', problems),
    tasks: uniqueIds(dataset, 'tasks', problems),
    tags: uniqueIds(dataset, 'tags', problems),
    time_entries: uniqueIds(dataset, 'time_entries', problems),
  };
  /**
   * Reports `$.<record>[<index>].<field>` (or `...<field>[<item>]`) when the ID it holds is not in
   * the collection. The path is only made then: this runs several times per entry.
   */
  const refersTo = (
    collection: keyof typeof ids,
    id: number | null | undefined,
    record: keyof Dataset,
    index: number,
    field: string,
    item?: number,
  ) => {
    if (id !== null && id !== undefined && !ids[collection].has(id))
      problems.add(
        `${fieldPath(record, index, field)}${item === undefined ? '' : `[${item}]`}`,
        `refers to ${singular(collection)} ${id}, which is not in $.${collection}`,
      );
  };

  (dataset.users ?? []).forEach((user, index) => {
    if (user.timezone !== undefined && !isTimeZone(user.timezone))
      problems.add(
        fieldPath('users', index, 'timezone'),
        `${describeValue(user.timezone)} is not an IANA time zone such as Europe/Tallinn or UTC`,
      );
  });
  for (const [index, group] of (dataset.groups ?? []).entries()) {
    for (const [item, id] of (group.user_ids ?? []).entries()) refersTo('users', id, 'groups', index, 'user_ids', item);
  }
  for (const [index, project] of (dataset.projects ?? []).entries()) refersTo('clients', project.client_id, 'projects', index, 'client_id');
  for (const [index, task] of (dataset.tasks ?? []).entries()) refersTo('projects', task.project_id, 'tasks', index, 'project_id');
  const taskProject = new Map((dataset.tasks ?? []).map((task) => [task.id, task.project_id]));
  const times: (EntryTimes | undefined)[] = [];
  (dataset.time_entries ?? []).forEach((entry, index) => {
    refersTo('workspaces', entry.workspace_id, 'time_entries', index, 'workspace_id');
    refersTo('users', entry.user_id, 'time_entries', index, 'user_id');
    refersTo('projects', entry.project_id, 'time_entries', index, 'project_id');
    refersTo('tasks', entry.task_id, 'time_entries', index, 'task_id');
    for (const [item, id] of (entry.tag_ids ?? []).entries()) refersTo('tags', id, 'time_entries', index, 'tag_ids', item);
    const taskOf = entry.task_id === null || entry.task_id === undefined ? undefined : taskProject.get(entry.task_id);
    if (taskOf !== undefined && taskOf !== entry.project_id)
      problems.add(
        fieldPath('time_entries', index, 'task_id'),
        `task ${entry.task_id} belongs to project ${taskOf}, not to the entry's project ${entry.project_id ?? 'null'}`,
      );
    const timing = entryTimes(entry);
    if ('problem' in timing) problems.add(fieldPath('time_entries', index, timing.field), timing.problem);
    else times[index] = timing;
  });
  const tokens = new Map<string, number>();
  (dataset.saved_reports ?? []).forEach((report, index) => {
    refersTo('workspaces', report.workspace_id, 'saved_reports', index, 'workspace_id');
    refersTo('users', report.owner_user_id, 'saved_reports', index, 'owner_user_id');
    const first = tokens.get(report.token);
    if (first !== undefined)
      problems.add(
        fieldPath('saved_reports', index, 'token'),
        `${describeValue(report.token)} is already the token of $.saved_reports[${first}]`,
      );
    else tokens.set(report.token, index);
  });
  if (problems.list.length > 0) return { ok: false, problems: problems.list };
  return { ok: true, data: reportDataOf(dataset, times as EntryTimes[]) };
}

const fieldPath = (record: keyof Dataset, index: number, field: string): string => `$.${record}[${index}].${field}`;

class ProblemList {
  readonly list: DatasetProblem[] = [];
  add(path: string, message: string): void {
    if (this.list.length < MAX_PROBLEMS) this.list.push({ path, message });
  }
}

function uniqueIds(dataset: Dataset, collection: Exclude<keyof Dataset, '$schema' | 'saved_reports'>, problems: ProblemList): Set<number> {
  const firstIndex = new Map<number, number>();
  (dataset[collection] ?? []).forEach(({ id }, index) => {
    const first = firstIndex.get(id);
    if (first === undefined) firstIndex.set(id, index);
    else problems.add(fieldPath(collection, index, 'id'), `${id} is already the ID of $.${collection}[${first}]`);
  });
  return new Set(firstIndex.keys());
}

/** An entry's times, read once: when it started and was last changed, and how long it ran (`undefined` while it runs). */
interface EntryTimes {
  startsAt: number;
  seconds: number | undefined;
  updatedAt: number;
}

const realMoment = (field: string, value: string): number | { field: string; problem: string } => {
  const moment = epochOfDateTime(value);
  return moment === undefined
    ? { field, problem: `${describeValue(value)} names no moment that exists; expected a date-time such as 2026-10-01T09:30:00+02:00` }
    : moment;
};

/** The entry's times; or a stop before its start, a duration that disagrees with them, or a date-time that names no real moment. */
function entryTimes(entry: Item<'time_entries'>): EntryTimes | { field: string; problem: string } {
  const startsAt = realMoment('start', entry.start);
  if (typeof startsAt !== 'number') return startsAt;
  const stopped = entry.stop !== null && entry.stop !== undefined;
  if (!stopped && entry.duration === undefined) {
    return { field: 'duration', problem: 'is missing, and so is stop: give either (a negative duration and no stop mark a running entry)' };
  }
  let seconds = entry.duration !== undefined && entry.duration >= 0 ? entry.duration : undefined;
  if (entry.stop !== null && entry.stop !== undefined) {
    const stopsAt = realMoment('stop', entry.stop);
    if (typeof stopsAt !== 'number') return stopsAt;
    const apart = Math.round((stopsAt - startsAt) / 1000);
    if (apart < 0)
      return { field: 'stop', problem: `${describeValue(entry.stop)} is before the entry's start ${describeValue(entry.start)}` };
    if (entry.duration !== undefined && Math.abs(entry.duration - apart) > 1) {
      return { field: 'duration', problem: `${entry.duration} seconds disagrees with start and stop, which are ${apart} seconds apart` };
    }
    seconds = apart;
  }
  const updatedAt = entry.at === undefined ? undefined : realMoment('at', entry.at);
  if (updatedAt !== undefined && typeof updatedAt !== 'number') return updatedAt;
  return { startsAt, seconds, updatedAt: updatedAt ?? startsAt + (seconds ?? 0) * 1000 };
}

/** An entry without tags shares this list. */
const NO_TAGS: readonly number[] = Object.freeze([]);

function reportDataOf(dataset: Dataset, times: readonly EntryTimes[]): ReportData {
  const groupIdsOf = new Map<number, number[]>();
  for (const group of dataset.groups ?? [])
    for (const userId of group.user_ids ?? []) groupIdsOf.set(userId, [...(groupIdsOf.get(userId) ?? []), group.id]);
  const users = new Map<number, User>(
    (dataset.users ?? []).map((user) => [
      user.id,
      {
        id: user.id,
        name: user.fullname,
        email: user.email ?? '',
        timeZone: user.timezone ?? 'UTC',
        groupIds: groupIdsOf.get(user.id) ?? [],
        rateCents: cents(user.rate),
        laborCostCents: cents(user.labor_cost),
      },
    ]),
  );
  const groups = new Map<number, Group>((dataset.groups ?? []).map(({ id, name }) => [id, { id, name }]));
  const clients = new Map<number, Client>((dataset.clients ?? []).map(({ id, name }) => [id, { id, name }]));
  const projects = new Map<number, Project>(
    (dataset.projects ?? []).map((project) => [
      project.id,
      {
        id: project.id,
        name: project.name,
        clientId: project.client_id ?? null,
        billable: project.billable ?? false,
        rateCents: cents(project.rate),
      },
    ]),
  );
  const tasks = new Map<number, Task>(
    (dataset.tasks ?? []).map((task) => [
      task.id,
      { id: task.id, name: task.name, projectId: task.project_id, rateCents: cents(task.rate) },
    ]),
  );
  const tags = new Map<number, Tag>((dataset.tags ?? []).map(({ id, name }) => [id, { id, name }]));
  const byTagName = (a: number, b: number) => compareNames(tags.get(a)?.name ?? '', tags.get(b)?.name ?? '') || a - b;

  const rawEntries = dataset.time_entries ?? [];
  /** The entry at `index`, in the shape of the reports; `undefined` while it runs. */
  const entryOf = (index: number): Entry | undefined => {
    const raw = rawEntries[index] as Item<'time_entries'>;
    const { startsAt, seconds: durationSeconds, updatedAt } = times[index] as EntryTimes;
    if (durationSeconds === undefined) return undefined;
    const user = users.get(raw.user_id) as User;
    return {
      id: raw.id,
      userId: raw.user_id,
      projectId: raw.project_id ?? null,
      taskId: raw.task_id ?? null,
      description: raw.description ?? '',
      billable: raw.billable ?? false,
      tagIds: raw.tag_ids && raw.tag_ids.length > 0 ? [...raw.tag_ids].sort(byTagName) : NO_TAGS,
      start: localMoment(startsAt, user.timeZone),
      end: localMoment(startsAt + durationSeconds * 1000, user.timeZone),
      durationSeconds,
      startsAt,
      updatedAt,
    };
  };
  const indexesIn = groupBy(rawEntries.keys(), (index) => (rawEntries[index] as Item<'time_entries'>).workspace_id);
  /** A workspace's stopped entries; running ones never reach a report. */
  const entriesIn = (workspaceId: number): Entry[] =>
    (indexesIn.get(workspaceId) ?? []).map(entryOf).filter((entry) => entry !== undefined);

  const workspaces = new Map<number, Workspace>(
    dataset.workspaces.map((workspace) => [
      workspace.id,
      {
        id: workspace.id,
        name: workspace.name,
        currency: workspace.default_currency ?? '',
        defaultRateCents: cents(workspace.default_hourly_rate),
        rounding: { direction: (workspace.rounding ?? 0) as Rounding['direction'], minutes: workspace.rounding_minutes ?? 0 },
        users,
        groups,
        clients,
        projects,
        tasks,
        tags,
        entriesBetween: entriesByDate(entriesIn(workspace.id)),
      },
    ]),
  );
  const savedReports = new Map<string, SavedReport>(
    (dataset.saved_reports ?? []).map((report) => [
      report.token,
      {
        token: report.token,
        name: report.name ?? `Saved ${report.report} report`,
        workspaceId: report.workspace_id,
        public: report.public ?? false,
        report: report.report,
        params: report.params ?? {},
      },
    ]),
  );
  const savedList = [...savedReports.values()];
  return { workspace: (id) => workspaces.get(id), savedReport: (token) => savedReports.get(token), savedReports: () => savedList };
}
