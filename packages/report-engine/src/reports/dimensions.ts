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
  /** What `order_by: title` sorts by. */
  title(key: GroupKey): string;
  allKeys(): GroupKey[];
}

export const DIMENSIONS = ['projects', 'users', 'clients', 'time_entries', 'tasks'] as const;
export type DimensionName = (typeof DIMENSIONS)[number];

const text = (header: string): Column => ({ header, kind: 'text' });

export function dimension(name: DimensionName, workspace: Workspace): Dimension {
  const { projects, users, clients, tasks } = workspace;
  const projectName = (id: GroupKey) => (typeof id === 'number' ? (projects.get(id)?.name ?? null) : null);
  const clientOfProject = (id: GroupKey) => (typeof id === 'number' ? (projects.get(id)?.clientId ?? null) : null);
  const clientName = (id: GroupKey) => (typeof id === 'number' ? (clients.get(id)?.name ?? null) : null);
  switch (name) {
    case 'projects':
      return {
        columns: [text('Project'), text('Client')],
        keyOf: (entry) => entry.projectId,
        cells: (key) => [projectName(key), clientName(clientOfProject(key))],
        title: (key) => projectName(key) ?? '',
        allKeys: () => [...projects.keys()],
      };
    case 'users':
      return {
        columns: [text('User')],
        keyOf: (entry) => entry.userId,
        cells: (key) => [typeof key === 'number' ? (users.get(key)?.name ?? null) : null],
        title: (key) => (typeof key === 'number' ? (users.get(key)?.name ?? '') : ''),
        allKeys: () => [...users.keys()],
      };
    case 'clients':
      return {
        columns: [text('Client')],
        keyOf: (entry) => clientOfProject(entry.projectId),
        cells: (key) => [clientName(key)],
        title: (key) => clientName(key) ?? '',
        allKeys: () => [...clients.keys()],
      };
    case 'tasks':
      return {
        columns: [text('Task')],
        keyOf: (entry) => entry.taskId,
        cells: (key) => [typeof key === 'number' ? (tasks.get(key)?.name ?? null) : null],
        title: (key) => (typeof key === 'number' ? (tasks.get(key)?.name ?? '') : ''),
        allKeys: () => [...tasks.keys()],
      };
    case 'time_entries':
      return {
        columns: [text('Description')],
        keyOf: (entry) => entry.description || null,
        cells: (key) => [typeof key === 'string' ? key : null],
        title: (key) => (typeof key === 'string' ? key : ''),
        allKeys: () => [],
      };
  }
}
