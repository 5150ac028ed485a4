import type { IsoDate, LocalMoment } from '../calendar.ts';

/*
 * What the reports are computed from: the workspace's people, projects and time entries, in
 * the shape the report modules need (looked up by ID, times already in each user's zone,
 * rates in cents). A dataset in Toggl's API field names (dataset-schema.ts) and the built-in
 * sample workspace (built-in/) are both turned into this.
 */

export interface User {
  id: number;
  name: string;
  email: string;
  /** IANA zone the user's dates and times are shown in. */
  timeZone: string;
  groupIds: readonly number[];
  /** The member's own hourly rate, used where neither task nor project has one. */
  rateCents: number | null;
  /** What an hour of the member's time costs the workspace. */
  laborCostCents: number | null;
}

export interface Group {
  id: number;
  name: string;
}

export interface Client {
  id: number;
  name: string;
}

export interface Project {
  id: number;
  name: string;
  clientId: number | null;
  billable: boolean;
  rateCents: number | null;
}

export interface Task {
  id: number;
  name: string;
  projectId: number;
  rateCents: number | null;
}

export interface Tag {
  id: number;
  name: string;
}

/** One stopped time entry; running ones never reach a report. */
export interface Entry {
  id: number;
  userId: number;
  projectId: number | null;
  taskId: number | null;
  description: string;
  billable: boolean;
  /** Sorted by tag name. */
  tagIds: readonly number[];
  /** Start and end in the user's zone; an entry belongs to the day it starts on. */
  start: LocalMoment;
  end: LocalMoment;
  durationSeconds: number;
  /** Milliseconds since the epoch: when it started, and when it was last changed. */
  startsAt: number;
  updatedAt: number;
}

/** Rounding: the step in minutes (0 for none), and whether durations go to the nearest step (0), up (1) or down (-1). */
export interface Rounding {
  direction: -1 | 0 | 1;
  minutes: number;
}

export interface Workspace {
  id: number;
  name: string;
  /** ISO 4217 code such as `EUR`, or `''` when the workspace has none. */
  currency: string;
  defaultRateCents: number | null;
  /** What a request that sets no rounding gets, field by field. */
  rounding: Rounding;
  users: ReadonlyMap<number, User>;
  groups: ReadonlyMap<number, Group>;
  clients: ReadonlyMap<number, Client>;
  projects: ReadonlyMap<number, Project>;
  tasks: ReadonlyMap<number, Task>;
  tags: ReadonlyMap<number, Tag>;
  /** Entries that start from `start` to `end` (both included), by start date, then start time, then ID. */
  entriesBetween(start: IsoDate, end: IsoDate): readonly Entry[];
}

export const SAVED_REPORT_KINDS = ['detailed', 'summary', 'weekly'] as const;
export type SavedReportKind = (typeof SAVED_REPORT_KINDS)[number];

/** A report saved in Toggl Track and shared by a token. */
export interface SavedReport {
  token: string;
  name: string;
  workspaceId: number;
  /** Public reports can be exported without credentials. */
  public: boolean;
  report: SavedReportKind;
  /** The request body it was saved with; a request's own body overrides it field by field. */
  params: Readonly<Record<string, unknown>>;
}

/** Everything a set of reports can be computed from: one or more workspaces and their saved reports. */
export interface ReportData {
  workspace(id: number): Workspace | undefined;
  savedReport(token: string): SavedReport | undefined;
  /** The saved reports a dataset lists, in its order; none for the built-in workspace, which opens one for any token. */
  savedReports(): readonly SavedReport[];
}
