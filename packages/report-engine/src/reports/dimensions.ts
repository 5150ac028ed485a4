import type { Entry, Workspace } from '../data/report-data.ts';
import type { Cell, Column } from './report.ts';

/** What a group is: a project, user, client or task ID, a description, or `null` for entries that have none. */
export type GroupKey = number | string | null;

/**
 * One way of grouping entries in the summary and weekly reports: what decides the group, the
 * columns that name it, and every group there is (for Time Audit's empty groups).
 */
export interface Dimension {
  columns: Column[];
  keyOf(entry: Entry): GroupKey;
  cells(key: GroupKey): Cell[];
  /** What `order_by: title` sorts by: the first of its cells. */
  title(key: GroupKey): string;
  allKeys(): GroupKey[];
}

type DimensionName = 'projects' | 'users' | 'clients' | 'time_entries' | 'tasks';

const text = (header: string): Column => ({ header, kind: 'text' });

const nameIn = (records: ReadonlyMap<number, { name: string }>, key: GroupKey): string | null =>
  typeof key === 'number' ? (records.get(key)?.name ?? null) : null;

/** A dimension of the records of one kind (users, clients, tasks), shown by their name. */
function named(
  header: string,
  records: ReadonlyMap<number, { name: string }>,
  keyOf: (entry: Entry) => GroupKey,
): Omit<Dimension, 'title'> {
  return { columns: [text(header)], keyOf, cells: (key) => [nameIn(records, key)], allKeys: () => [...records.keys()] };
}

function untitled(name: DimensionName, workspace: Workspace): Omit<Dimension, 'title'> {
  const { projects, users, clients, tasks } = workspace;
  const clientOfProject = (id: GroupKey) => (typeof id === 'number' ? (projects.get(id)?.clientId ?? null) : null);
  switch (name) {
    case 'projects':
      return {
        columns: [text('Project'), text('Client')],
        keyOf: (entry) => entry.projectId,
        cells: (key) => [nameIn(projects, key), nameIn(clients, clientOfProject(key))],
        allKeys: () => [...projects.keys()],
      };
    case 'users':
      return named('User', users, (entry) => entry.userId);
    case 'clients':
      return named('Client', clients, (entry) => clientOfProject(entry.projectId));
    case 'tasks':
      return named('Task', tasks, (entry) => entry.taskId);
    case 'time_entries':
      return {
        columns: [text('Description')],
        keyOf: (entry) => entry.description || null,
        cells: (key) => [typeof key === 'string' ? key : null],
        allKeys: () => [],
      };
  }
}

export function dimension(name: DimensionName, workspace: Workspace): Dimension {
  const grouping = untitled(name, workspace);
  return { ...grouping, title: (key) => String(grouping.cells(key)[0] ?? '') };
}
