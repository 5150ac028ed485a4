import { datesBetween, type IsoDate } from '../../calendar.ts';
import { remembered } from '../../memo.ts';
import type { Client, Entry, Group, Project, ReportData, SavedReport, Tag, Task, User, Workspace } from '../report-data.ts';
import { CLIENTS, FIRST_TAG_ID, FIRST_TASK_ID, GROUPS, PROJECTS, SAVED_REPORT, TAG_NAMES, USERS, WORKSPACE } from './catalogue.ts';
import { sampleDays } from './sample-day.ts';

const byId = <T extends { id: number }>(items: readonly T[]): ReadonlyMap<number, T> => new Map(items.map((item) => [item.id, item]));

const groups = byId<Group>(GROUPS.map(({ id, name }) => ({ id, name })));
const clients = byId<Client>(CLIENTS.map(({ id, name }) => ({ id, name })));
const tagList: Tag[] = TAG_NAMES.map((name, index) => ({ id: FIRST_TAG_ID + index, name }));
const taskList: Task[] = PROJECTS.flatMap((project) => project.tasks.map((name) => ({ projectId: project.id, name, rateCents: null }))).map(
  (task, index) => ({ id: FIRST_TASK_ID + index, ...task }),
);
const tasks = byId(taskList);
const tags = byId(tagList);
const users = byId<User>(
  USERS.map(({ id, name, email, timeZone, group, laborCostCents }) => ({
    id,
    name,
    email,
    timeZone,
    groupIds: GROUPS.filter((candidate) => candidate.name === group).map((candidate) => candidate.id),
    rateCents: null,
    laborCostCents,
  })),
);
const projects = byId<Project>(
  PROJECTS.map(({ id, name, client, billable, rateCents }) => ({
    id,
    name,
    billable,
    rateCents,
    clientId: CLIENTS.find((candidate) => candidate.name === client)?.id ?? null,
  })),
);

const sampleDay = sampleDays({ tags: tagList, tasks: taskList });

/** Days are drawn on demand and kept, as the same months tend to be asked for again: enough for a trends report's two periods of a year. */
const KEPT_DAYS = 800;
const days = new Map<IsoDate, Entry[]>();

const entriesOn = (date: IsoDate): Entry[] => remembered(days, date, () => sampleDay(date), KEPT_DAYS);

function builtInWorkspace(id: number): Workspace {
  return {
    id,
    name: WORKSPACE.name,
    currency: WORKSPACE.currency,
    defaultRateCents: WORKSPACE.defaultHourlyRateCents,
    rounding: { direction: 0, minutes: 0 },
    users,
    groups,
    clients,
    projects,
    tasks,
    tags,
    entriesBetween: (start, end) => {
      // A loop, not flatMap: a quarter's thousand entries are gathered several times faster.
      const entries: Entry[] = [];
      for (const date of datesBetween(start, end)) for (const entry of entriesOn(date)) entries.push(entry);
      return entries;
    },
  };
}

/**
 * The built-in sample workspace: a small design and engineering studio whose people track time
 * on every working day of any period asked for, drawn from the date alone, so the same request
 * always gets the same file. It answers for any workspace ID, and every saved-report token opens
 * the same public saved report, so that any example request works without a dataset.
 */
export const builtInData: ReportData = {
  workspace: builtInWorkspace,
  savedReport: (token): SavedReport => ({
    token,
    name: SAVED_REPORT.name,
    workspaceId: WORKSPACE.id,
    public: true,
    report: SAVED_REPORT.report,
    params: SAVED_REPORT.params,
  }),
  savedReports: () => [],
};
