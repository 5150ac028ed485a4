import type { Dataset } from './dataset-schema.ts';
import { isDateTime, MAX_PROBLEMS, schemaProblems, shown, type DatasetProblem } from './dataset-problems.ts';
import type { Client, Entry, Group, Project, ReportData, SavedReport, Tag, Task, User, Workspace } from './report-data.ts';
import { entriesByDate } from './entries-by-date.ts';
import { localMoment, isTimeZone } from '../time-zones.ts';
import { compareText } from '../text-order.ts';

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
  const refersTo = (collection: keyof typeof ids, id: number | null | undefined, path: string) => {
    if (id !== null && id !== undefined && !ids[collection].has(id)) problems.add(path, `refers to ${collection.replace(/s$/, '').replace('_', ' ')} ${id}, which is not in $.${collection}`);
  };

  (dataset.users ?? []).forEach((user, index) => {
    if (user.timezone !== undefined && !isTimeZone(user.timezone)) problems.add(`$.users[${index}].timezone`, `${shown(user.timezone)} is not an IANA time zone such as Europe/Tallinn or UTC`);
  });
  (dataset.groups ?? []).forEach((group, index) => group.user_ids?.forEach((id, at) => refersTo('users', id, `$.groups[${index}].user_ids[${at}]`)));
  (dataset.projects ?? []).forEach((project, index) => refersTo('clients', project.client_id, `$.projects[${index}].client_id`));
  (dataset.tasks ?? []).forEach((task, index) => refersTo('projects', task.project_id, `$.tasks[${index}].project_id`));
  const taskProject = new Map((dataset.tasks ?? []).map((task) => [task.id, task.project_id]));
  (dataset.time_entries ?? []).forEach((entry, index) => {
    const at = `$.time_entries[${index}]`;
    refersTo('workspaces', entry.workspace_id, `${at}.workspace_id`);
    refersTo('users', entry.user_id, `${at}.user_id`);
    refersTo('projects', entry.project_id, `${at}.project_id`);
    refersTo('tasks', entry.task_id, `${at}.task_id`);
    entry.tag_ids?.forEach((id, tag) => refersTo('tags', id, `${at}.tag_ids[${tag}]`));
    const taskOf = entry.task_id === null || entry.task_id === undefined ? undefined : taskProject.get(entry.task_id);
    if (taskOf !== undefined && taskOf !== entry.project_id) problems.add(`${at}.task_id`, `task ${entry.task_id} belongs to project ${taskOf}, not to the entry's project ${entry.project_id ?? 'null'}`);
    const timing = timingProblem(entry);
    if (timing) problems.add(`${at}.${timing.field}`, timing.message);
  });
  const tokens = new Map<string, number>();
  (dataset.saved_reports ?? []).forEach((report, index) => {
    const at = `$.saved_reports[${index}]`;
    refersTo('workspaces', report.workspace_id, `${at}.workspace_id`);
    refersTo('users', report.owner_user_id, `${at}.owner_user_id`);
    const first = tokens.get(report.token);
    if (first !== undefined) problems.add(`${at}.token`, `${shown(report.token)} is already the token of $.saved_reports[${first}]`);
    else tokens.set(report.token, index);
  });
  if (problems.list.length > 0) return { ok: false, problems: problems.list };
  return { ok: true, data: reportDataOf(dataset) };
}

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
    else problems.add(`$.${collection}[${index}].id`, `${id} is already the ID of $.${collection}[${first}]`);
  });
  return new Set(firstIndex.keys());
}

/** Seconds from start to stop, when an entry has a stop; a stop before its start is a problem. */
function timingProblem(entry: Item<'time_entries'>): { field: string; message: string } | undefined {
  if (!isDateTime(entry.start)) return undefined; // the schema has reported it
  if (entry.stop === null || entry.stop === undefined) return undefined;
  const seconds = (Date.parse(entry.stop) - Date.parse(entry.start)) / 1000;
  if (seconds < 0) return { field: 'stop', message: `${shown(entry.stop)} is before the entry's start ${shown(entry.start)}` };
  if (entry.duration !== undefined && Math.abs(entry.duration - seconds) > 1) {
    return { field: 'duration', message: `${entry.duration} seconds disagrees with start and stop, which are ${Math.round(seconds)} seconds apart` };
  }
  return undefined;
}

/** The entry's length in seconds, or undefined while it runs. */
function durationOf(entry: Item<'time_entries'>): number | undefined {
  if (entry.stop !== null && entry.stop !== undefined) return Math.round((Date.parse(entry.stop) - Date.parse(entry.start)) / 1000);
  return entry.duration !== undefined && entry.duration >= 0 ? entry.duration : undefined;
}

function reportDataOf(dataset: Dataset): ReportData {
  const groupIdsOf = new Map<number, number[]>();
  for (const group of dataset.groups ?? []) for (const userId of group.user_ids ?? []) groupIdsOf.set(userId, [...(groupIdsOf.get(userId) ?? []), group.id]);
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
      { id: project.id, name: project.name, clientId: project.client_id ?? null, billable: project.billable ?? false, rateCents: cents(project.rate) },
    ]),
  );
  const tasks = new Map<number, Task>(
    (dataset.tasks ?? []).map((task) => [task.id, { id: task.id, name: task.name, projectId: task.project_id, rateCents: cents(task.rate) }]),
  );
  const tags = new Map<number, Tag>((dataset.tags ?? []).map(({ id, name }) => [id, { id, name }]));
  const byTagName = (a: number, b: number) => compareText(tags.get(a)?.name ?? '', tags.get(b)?.name ?? '') || a - b;

  const entriesOf = new Map<number, Entry[]>();
  for (const raw of dataset.time_entries ?? []) {
    const durationSeconds = durationOf(raw);
    if (durationSeconds === undefined) continue;
    const user = users.get(raw.user_id) as User;
    const startsAt = Date.parse(raw.start);
    const entry: Entry = {
      id: raw.id,
      userId: raw.user_id,
      projectId: raw.project_id ?? null,
      taskId: raw.task_id ?? null,
      description: raw.description ?? '',
      billable: raw.billable ?? false,
      tagIds: [...(raw.tag_ids ?? [])].sort(byTagName),
      start: localMoment(startsAt, user.timeZone),
      end: localMoment(startsAt + durationSeconds * 1000, user.timeZone),
      durationSeconds,
      startsAt,
      updatedAt: raw.at === undefined ? startsAt + durationSeconds * 1000 : Date.parse(raw.at),
    };
    const list = entriesOf.get(raw.workspace_id);
    if (list) list.push(entry);
    else entriesOf.set(raw.workspace_id, [entry]);
  }

  const workspaces = new Map<number, Workspace>(
    dataset.workspaces.map((workspace) => [
      workspace.id,
      {
        id: workspace.id,
        name: workspace.name,
        currency: workspace.default_currency ?? '',
        defaultRateCents: cents(workspace.default_hourly_rate),
        rounding:
          workspace.rounding_minutes === undefined || workspace.rounding_minutes === 0
            ? null
            : { direction: (workspace.rounding ?? 0) as -1 | 0 | 1, minutes: workspace.rounding_minutes },
        users,
        groups,
        clients,
        projects,
        tasks,
        tags,
        entriesBetween: entriesByDate(entriesOf.get(workspace.id) ?? []),
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
